import Foundation
import Testing
@testable import VinhDanhBuild
@testable import VinhDanhSupport
import VinhDanhTestSupport

/// The `vinhdanh` binary as editors and CI call it.
@Suite struct CLITests {
    func run(_ arguments: [String]) throws -> (status: Int32, output: String, error: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: TestRepository.binary)
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let error = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self), String(decoding: error, as: UTF8.self))
    }

    @Test func exitCodes() throws {
        let good = try TestSite(profiles: ["a.md": TestSite.profile()])
        defer { good.remove() }
        #expect(try run(["build", "--site", good.root]).status == 0)
        #expect(try run(["check", "--site", good.root]).status == 0)
        #expect(try run(["build", "--site", good.root, "--no-such-flag"]).status == 64)
        let bad = try TestSite(profiles: ["a.md": TestSite.profile(district: "khong-co")])
        defer { bad.remove() }
        let result = try run(["build", "--site", bad.root])
        #expect(result.status == 1)
        #expect(result.error.contains("content/profiles/a.md:4:11: error: không tìm thấy địa bàn"))
        #expect(!FileManager.default.fileExists(atPath: bad.root + "/public"))
    }

    @Test func strictTurnsWarningsIntoFailure() throws {
        let site = try TestSite(profiles: ["a.md": TestSite.profile(extra: "mau: do\n")])
        defer { site.remove() }
        #expect(try run(["check", "--site", site.root]).status == 0)
        #expect(try run(["check", "--site", site.root, "--strict"]).status == 1)
    }

    /// Every diagnostic of the bad-input fixtures comes out of `check --format json`.
    @Test func checkJSONCarriesEveryDiagnostic() throws {
        let site = try TestSite(profiles: [
            "a.md": TestSite.profile(kind: "xyz"),
            "b.md": TestSite.profile(district: "Luc Ngnan", extra: "date: 2024-13-45\n"),
            "c.md": "không có khai báo",
            "d.md": TestSite.profile(extra: "tieu_de: x\n", awards: "  - type: bang-khen-chu-tich-ubnd-tinh\n    year: 20233\n"),
        ])
        defer { site.remove() }
        try site.write("content/profiles/e.md", bytes: [0x2D, 0x2D, 0x2D, 0x0A, 0xE0, 0x0A])
        let expected: [Diagnostic] = Builder(options: site.options()).check().1
        let result = try run(["check", "--site", site.root, "--format", "json"])
        #expect(result.status == 1)
        struct Item: Decodable, Equatable {
            var file: String, line: Int, column: Int, severity: String, code: String, message: String, suggestion: String?
        }
        let items = try JSONDecoder().decode([Item].self, from: Data(result.output.utf8))
        #expect(items.count == expected.count)
        #expect(Set(items.map { $0.code }) == ["VD001", "VD002", "VD007", "VD008", "VD009", "VD012", "VD013"])
        #expect(items.map { $0.file } == expected.map { $0.file })
        #expect(items.first { $0.code == "VD009" }?.suggestion?.contains("luc-ngan") == true)
    }

    @Test func newPrintsThePathAndTheProfileBuilds() throws {
        let site = try TestSite()
        defer { site.remove() }
        let created = try run(["new", "--site", site.root, "--kind", "tập thể", "--title", "Hợp tác xã Vải thiều Phượng Sơn",
                               "--district", "luc ngan", "--movement", "Chung sức xây dựng nông thôn mới",
                               "--award", "huan-chuong-lao-dong;2023;Quyết định số 5/QĐ-CTN"])
        #expect(created.status == 0, "\(created.error)")
        #expect(created.output == "content/profiles/luc-ngan/hop-tac-xa-vai-thieu-phuong-son.md\n")
        #expect(try run(["build", "--site", site.root]).status == 0)
        let again = try run(["new", "--site", site.root, "--kind", "tập thể", "--title", "Hợp tác xã Vải thiều Phượng Sơn",
                             "--district", "luc-ngan", "--award", "huan-chuong-lao-dong;2023"])
        #expect(again.status == 1)
        #expect(again.error.contains("--slug hop-tac-xa-vai-thieu-phuong-son-luc-ngan"))
        let typo = try run(["new", "--site", site.root, "--kind", "cá nhân", "--title", "A", "--district", "Luc Ngnan", "--award", "x;2023"])
        #expect(typo.status == 1)
        #expect(typo.error.contains("luc-ngan (Huyện Lục Ngạn)"))
    }
}
