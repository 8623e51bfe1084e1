import Foundation
import Testing
@testable import VinhDanhEditing
@testable import VinhDanhRender
@testable import VinhDanhSupport
import VinhDanhTestSupport

/// `vinhdanh import` on a realistic 200-row decision (Tests/VinhDanhEditingTests/Fixtures/import).
@Suite struct ImportTests {
    static let fixtures = TestRepository.root + "/Tests/VinhDanhEditingTests/Fixtures/import/"

    func fixture(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: Self.fixtures + name)))
    }

    func importer(_ site: TestSite) -> DecisionImporter {
        DecisionImporter(site: site.load(), themeDirectory: Theme.defaultDirectory, latestYear: 2026)
    }

    @Test(arguments: [
        ("decision-200.csv", DecisionTable.Encoding.utf8, Character(",")),
        ("decision-200-semicolon.csv", .utf8, ";"),
        ("decision-200-cp1258.csv", .windows1258, ","),
    ])
    func importsTheDecisionInEveryEncoding(file: String, encoding: DecisionTable.Encoding, separator: Character) throws {
        let site = try TestRepository.sampleCopy()
        defer { site.remove() }
        let table = try DecisionTable.read(try fixture(file), file: file).get()
        #expect(table.encoding == encoding)
        #expect(table.separator == separator)
        #expect(table.rows.count == 200)
        let plan = importer(site).plan(table)
        #expect(plan.rejected.isEmpty, "\(plan.rejected.map(\.description))")
        #expect(plan.newProfiles.count == 191)
        #expect(plan.addedAwards.count == 9)
        #expect(Set(plan.addedAwards.map(\.row)) == [36, 40, 49, 91, 96, 146, 184, 191, 194])
        #expect(plan.addedAwards.first { $0.row == 91 }?.path == "content/profiles/hiep-hoa/nguyen-van-hung-hiep-hoa.md")
        // The two Nguyễn Thị Lan of Lục Nam (rows 113 and 123) become two profiles.
        let lan = plan.newProfiles.filter { $0.row == 113 || $0.row == 123 }.map(\.path)
        #expect(Set(lan) == ["content/profiles/luc-nam/nguyen-thi-lan.md", "content/profiles/luc-nam/nguyen-thi-lan-luc-nam.md"])

        let before = try String(contentsOfFile: site.root + "/content/profiles/hiep-hoa/ngo-thi-thom.md", encoding: .utf8)
        let sample = FileIO.listFiles(under: site.root + "/content/profiles", suffix: ".md").count
        try importer(site).apply(plan)
        let result = try site.build()
        #expect(result.succeeded, "\(result.diagnostics.filter { $0.severity == .error }.map(\.formatted))")
        #expect(result.profiles == sample + 191)
        // An updated profile keeps its text and gains the 2024 award, so it is on /nam/2024/.
        let after = try String(contentsOfFile: site.root + "/content/profiles/hiep-hoa/ngo-thi-thom.md", encoding: .utf8)
        #expect(after.hasPrefix(String(before.prefix { $0 != "\n" })))
        #expect(after.contains("year: 2024"))
        #expect(after.replacingOccurrences(of: "  - type: bang-khen-chu-tich-ubnd-tinh\n    year: 2024\n    decision: Quyết định số 2150/QĐ-UBND ngày 20/12/2024\n", with: "") == before)
        let year = (1...20).compactMap { site.read($0 == 1 ? "public/nam/2024/index.html" : "public/nam/2024/trang/\($0)/index.html") }.joined()
        #expect(year.contains("/ho-so/ngo-thi-thom/"))
        #expect(year.contains("/ho-so/nguyen-thi-lan-luc-nam/"))
        #expect(site.read("public/ho-so/nguyen-thi-lan-luc-nam/index.html")?.contains("Huyện Lục Nam") == true)
        // Importing again adds nothing.
        let again = importer(site).plan(try DecisionTable.read(try fixture(file), file: file).get())
        #expect(again.newProfiles.isEmpty && again.addedAwards.isEmpty && again.alreadyPresent.count == 200)
    }

    @Test func oneBadRowWritesNothingAndNamesEachBadRow() throws {
        let site = try TestRepository.sampleCopy()
        defer { site.remove() }
        let table = try DecisionTable.read(try fixture("bad-rows.csv"), file: "bad-rows.csv").get()
        let plan = importer(site).plan(table)
        #expect(!plan.isValid)
        #expect(plan.rejected.map(\.row) == [3, 5, 7])
        #expect(plan.rejected[0].reason.contains("hình thức khen thưởng"))
        #expect(plan.rejected[1].reason.contains("20233"))
        #expect(plan.rejected[2].reason.contains("Hoàn Kiếm"))
        let files = FileIO.listFiles(under: site.root + "/content", suffix: ".md")
        // The CLI refuses to apply an invalid plan: run it and check nothing changed.
        let cli = Process()
        cli.executableURL = URL(fileURLWithPath: TestRepository.binary)
        cli.arguments = ["import", "--site", site.root, Self.fixtures + "bad-rows.csv"]
        let err = Pipe()
        cli.standardError = err
        cli.standardOutput = Pipe()
        try cli.run()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        cli.waitUntilExit()
        #expect(cli.terminationStatus == 1)
        #expect(message.contains("bad-rows.csv:3: lỗi:") && message.contains("bad-rows.csv:5: lỗi:") && message.contains("bad-rows.csv:7: lỗi:"))
        #expect(FileIO.listFiles(under: site.root + "/content", suffix: ".md") == files)
    }

    @Test func appendingKeepsBOMLineEndsCommentsAndOrder() throws {
        let original = "\u{FEFF}---\r\ntitle: Nguyễn Văn An # tên\r\nkind: individual\r\ndistrict: luc-ngan\r\nawards:\r\n- type: bang-khen-chu-tich-ubnd-tinh\r\n  year: 2020\r\n\r\n# ghi chú\r\nsummary: A.\r\n---\r\nThân bài.\r\n"
        let site = try TestSite(profiles: ["luc-ngan/nguyen-van-an.md": original])
        defer { site.remove() }
        let csv = "Họ và tên;Loại;Huyện;Hình thức khen thưởng;Năm;Số quyết định\nNguyen Van An;ca nhan;Luc Ngan;Huân chương Lao động;2024;QĐ 1/QĐ-CTN\n"
        let plan = importer(site).plan(try DecisionTable.read(Array(csv.utf8), file: "x.csv").get())
        #expect(plan.addedAwards.count == 1 && plan.newProfiles.isEmpty)
        try importer(site).apply(plan)
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: site.root + "/content/profiles/luc-ngan/nguyen-van-an.md")))
        let expected = original.replacingOccurrences(of: "  year: 2020\r\n", with: "  year: 2020\r\n- type: huan-chuong-lao-dong\r\n  year: 2024\r\n  decision: QĐ 1/QĐ-CTN\r\n")
        #expect(bytes == Array(expected.utf8))
        #expect(site.load().profiles.first?.awards.count == 2)
    }

    @Test func ambiguousRowAsksForASlugColumn() throws {
        let site = try TestSite(profiles: [
            "a.md": TestSite.profile(title: "Lê Văn Bình", extra: "unit: Trường A\n"),
            "b.md": TestSite.profile(title: "Lê Văn Bình", extra: "unit: Trường B\nslug: le-van-binh-b\n"),
        ])
        defer { site.remove() }
        let csv = "Họ và tên,Loại,Huyện,Hình thức khen thưởng,Năm\nLê Văn Bình,cá nhân,Lục Ngạn,Bằng khen UBND tỉnh,2024\nLê Văn Bình,cá nhân,Lục Ngạn,Bằng khen UBND tỉnh,2023\n"
        var plan = importer(site).plan(try DecisionTable.read(Array(csv.utf8), file: "x.csv").get())
        #expect(plan.rejected.map(\.row) == [2, 3])
        #expect(plan.rejected.first?.reason.contains("cột slug") == true)
        let withSlug = "slug,Họ và tên,Loại,Huyện,Hình thức khen thưởng,Năm\nle-van-binh-b,Lê Văn Bình,cá nhân,Lục Ngạn,Bằng khen UBND tỉnh,2024\n"
        plan = importer(site).plan(try DecisionTable.read(Array(withSlug.utf8), file: "x.csv").get())
        #expect(plan.isValid)
        #expect(plan.addedAwards.first?.path == "content/profiles/b.md")
    }

    /// A decision of after 1 July 2025 names communes and wards, and no district: each row
    /// finds its profile where a former unit and the commune it became are one place, or
    /// makes a new one filed under the commune; a former unit named after it ended means
    /// the commune of today its commune became.
    @Test func importsAPostReformDecisionWithCommunes() throws {
        let site = try TestRepository.sampleCopy()
        defer { site.remove() }
        let csv = """
            Họ và tên;Loại;Huyện;Xã/Phường;Đơn vị;Hình thức khen thưởng;Năm;Số quyết định
            Thân Thị Huệ;cá nhân;;Xã Tân Yên;UBND xã Cao Xá;Bằng khen UBND tỉnh;2026;Quyết định số 300/QĐ-UBND ngày 10/3/2026
            Lê Thị Mận;cá nhân;;phuong chu;Trường Mầm non Hồng Giang;Bằng khen UBND tỉnh;2026;Quyết định số 300/QĐ-UBND ngày 10/3/2026
            Hà Văn Quyết;cá nhân;;Xã Lục Ngạn;;Huân chương Lao động;2026;Quyết định số 88/QĐ-CTN ngày 2/2/2026
            Nguyễn Văn Bảy;cá nhân;Huyện Lục Nam;Xã Cẩm Lý;;Bằng khen UBND tỉnh;2025;Quyết định số 1/QĐ-UBND ngày 15/9/2025
            Phạm Văn Tám;cá nhân;;Xã Tân Yen Moi;;Bằng khen UBND tỉnh;2026;
            """
        let plan = importer(site).plan(try DecisionTable.read(Array(csv.utf8), file: "qd.csv").get())
        #expect(plan.rejected.map(\.row) == [6])
        #expect(plan.rejected.first?.reason.contains("Xã Tân Yên") == true)
        #expect(Set(plan.addedAwards.map(\.path)) == ["content/profiles/tan-yen/than-thi-hue.md", "content/profiles/luc-ngan/ha-van-quyet.md"])
        #expect(Set(plan.newProfiles.map(\.path)) == ["content/profiles/phuong-chu/le-thi-man.md", "content/profiles/xa-cam-ly/nguyen-van-bay.md"])
        let mai = try #require(plan.newProfiles.first { $0.row == 3 }).text
        #expect(mai.contains("\ncommune: Phường Chũ\n") && !mai.contains("district:"))

        // Without the bad row, it is written and builds.
        let good = csv.split(separator: "\n").dropLast().joined(separator: "\n") + "\n"
        try importer(site).apply(importer(site).plan(try DecisionTable.read(Array(good.utf8), file: "qd.csv").get()))
        let result = try site.build()
        #expect(result.succeeded, "\(result.diagnostics.filter { $0.severity == .error }.map(\.formatted))")
        let tanYen = site.read("public/dia-ban/xa-tan-yen/index.html") ?? ""
        #expect(tanYen.contains("/ho-so/than-thi-hue/\">Thân Thị Huệ</a></td><td>Quyết định số 300/QĐ-UBND ngày 10/3/2026"))
        #expect(site.read("public/dia-ban/xa-cam-ly/index.html")?.contains("/ho-so/nguyen-van-bay/") == true)

        // A person named by a former unit after it ended, then before: one profile, not two,
        // under that unit with its former commune, whatever the order.
        let both = """
            Họ và tên;Loại;Huyện;Xã/Phường;Hình thức khen thưởng;Năm;Số quyết định
            Đào Văn Mười;cá nhân;Huyện Lục Nam;Xã Cẩm Lý;Bằng khen UBND tỉnh;2025;Quyết định số 2/QĐ-UBND ngày 16/9/2025
            Đào Văn Mười;cá nhân;Huyện Lục Nam;Xã Cẩm Lý;Bằng khen UBND tỉnh;2023;Quyết định số 3/QĐ-UBND ngày 3/3/2023
            """
        let twice = importer(site).plan(try DecisionTable.read(Array(both.utf8), file: "qd.csv").get())
        #expect(twice.rejected.isEmpty && twice.newProfiles.map(\.path) == ["content/profiles/luc-nam/dao-van-muoi.md"],
                "\(twice.rejected.map(\.description)) \(twice.newProfiles.map(\.path))")
        #expect(twice.newProfiles.first?.text.contains("district: luc-nam") == true && twice.newProfiles.first?.text.contains("year: 2023") == true)
        let reversed = both.split(separator: "\n").enumerated().map { $0.offset == 0 ? String($0.element) : "" }.joined()
            + "\n" + both.split(separator: "\n")[2] + "\n" + both.split(separator: "\n")[1] + "\n"
        let merged = importer(site).plan(try DecisionTable.read(Array(reversed.utf8), file: "qd.csv").get())
        #expect(merged.rejected.isEmpty && merged.newProfiles.count == 1 && merged.newProfiles.first?.path == "content/profiles/luc-nam/dao-van-muoi.md")
        #expect(merged.newProfiles.first?.text.contains("commune: Xã Cẩm Lý") == true && merged.newProfiles.first?.text.contains("year: 2025") == true)
    }
}
