import Foundation
import Testing
@testable import VinhDanhConfig
@testable import VinhDanhContent
@testable import VinhDanhEditing
@testable import VinhDanhRender
@testable import VinhDanhSupport
@testable import VinhDanhVocabulary
import VinhDanhTestSupport

/// The browser editor's saves: only the fields that changed are rewritten, nothing is
/// written on a problem or a conflict, and a deleted profile can be put back.
@Suite struct ProfileEditorTests {
    /// A profile as an editor might have left it: BOM, Windows line ends, comments, an
    /// unknown key, quoting `new` would not use, a comment inside the awards.
    static let handWritten = "\u{FEFF}" + """
        ---
        # Hồ sơ nhập tay
        title: 'Nguyễn Văn An'
        kind: individual
        district: Lục Ngạn   # huyện cũ
        unit: Trường THCS Phượng Sơn
        movements: [nong-thon-moi]
        nguon: báo Bắc Giang số 12
        awards:
            # lần đầu
            - type: huan-chuong-lao-dong
              year: 2019

            - type: bang-khen-chu-tich-ubnd-tinh
              year: 2021
              decision: QĐ 12/QĐ-UBND
        summary: Nhiều năm dạy giỏi.
        ---

        Thân bài *giữ nguyên*.
        """.replacingOccurrences(of: "\n", with: "\r\n") + "\r\n"

    static let path = "content/profiles/luc-ngan/nguyen-van-an.md"

    func site(_ text: String = Self.handWritten) throws -> TestSite {
        let site = try TestSite()
        try site.write(Self.path, bytes: Array(text.utf8))
        return site
    }

    func editor(_ site: TestSite) -> ProfileEditor {
        ProfileEditor(site: site.load(), themeDirectory: Theme.defaultDirectory, latestYear: 2026)
    }

    func bytes(_ site: TestSite) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: site.root + "/" + Self.path)))
    }

    /// The lines (a CR before the LF kept) that differ between two files, old then new.
    func changedLines(_ old: [UInt8], _ new: [UInt8]) -> (removed: [String], added: [String]) {
        func lines(_ bytes: [UInt8]) -> [String] { bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) } }
        let a = lines(old), b = lines(new)
        let diff = b.difference(from: a)
        let removed = diff.removals.map { change -> (Int, String) in
            guard case .remove(let offset, let line, _) = change else { return (0, "") }
            return (offset, line)
        }
        let added = diff.insertions.map { change -> (Int, String) in
            guard case .insert(let offset, let line, _) = change else { return (0, "") }
            return (offset, line)
        }
        return (removed.sorted { $0.0 < $1.0 }.map(\.1), added.sorted { $0.0 < $1.0 }.map(\.1))
    }

    @Test func openReadsTheFieldsAsWritten() throws {
        let site = try site()
        defer { site.remove() }
        let opened = try editor(site).open(Self.path).get()
        #expect(opened.fields.title == "Nguyễn Văn An")
        #expect(opened.fields.district == "Lục Ngạn")
        #expect(opened.fields.movements == ["nong-thon-moi"])
        #expect(opened.fields.awards == [.init(type: "huan-chuong-lao-dong", year: "2019"),
                                         .init(type: "bang-khen-chu-tich-ubnd-tinh", year: "2021", decision: "QĐ 12/QĐ-UBND")])
        #expect(opened.fields.body == "\nThân bài *giữ nguyên*.\n")
        #expect(opened.version == ContentHash(try bytes(site)).hex)
    }

    @Test func changingOneFieldRewritesOnlyItsLine() throws {
        let site = try site()
        defer { site.remove() }
        let before = try bytes(site)
        let opened = try editor(site).open(Self.path).get()
        var fields = opened.fields
        fields.unit = "Trường THCS Phượng Sơn, Lục Ngạn"
        let saved = try editor(site).save(Self.path, base: opened.version, fields: fields).get()
        let after = try bytes(site)
        #expect(saved.written && saved.version == ContentHash(after).hex)
        #expect(Array(after.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let change = changedLines(before, after)
        #expect(change.removed == ["unit: Trường THCS Phượng Sơn\r"])
        #expect(change.added == ["unit: \"Trường THCS Phượng Sơn, Lục Ngạn\"\r"] || change.added == ["unit: Trường THCS Phượng Sơn, Lục Ngạn\r"])
    }

    @Test func aFieldTheFileLacksGoesAfterTheOneBeforeIt_anEmptiedOneGoes() throws {
        let site = try site()
        defer { site.remove() }
        let opened = try editor(site).open(Self.path).get()
        var fields = opened.fields
        fields.position = "Giáo viên"
        fields.summary = ""
        _ = try editor(site).save(Self.path, base: opened.version, fields: fields).get()
        let text = try #require(site.read(Self.path))
        #expect(text.contains("unit: Trường THCS Phượng Sơn\r\nposition: Giáo viên\r\nmovements:"))
        #expect(!text.contains("summary:"))
        #expect(text.contains("nguon: báo Bắc Giang số 12\r\n") && text.contains("district: Lục Ngạn   # huyện cũ\r\n"))
    }

    @Test func awardRowsThatDidNotChangeKeepTheirLines() throws {
        let site = try site()
        defer { site.remove() }
        let before = try bytes(site)
        let opened = try editor(site).open(Self.path).get()
        var fields = opened.fields
        // The first row removed, a new one typed as the start of a name added.
        fields.awards.removeFirst()
        fields.awards.append(.init(type: "huan chuong lao", year: "2024", date: "", decision: "QĐ 5: khen"))
        let saved = try editor(site).save(Self.path, base: opened.version, fields: fields).get()
        #expect(saved.notes.contains { $0.field == "awards" && $0.message.contains("huan-chuong-lao-dong") })
        let change = changedLines(before, try bytes(site))
        #expect(change.removed == ["    - type: huan-chuong-lao-dong\r", "      year: 2019\r"])
        #expect(change.added == ["    - type: huan-chuong-lao-dong\r", "      year: 2024\r", "      decision: \"QĐ 5: khen\"\r"])
        let text = try #require(site.read(Self.path))
        #expect(text.contains("    # lần đầu\r\n"))
        let profile = try #require(site.load().profiles.first)
        #expect(profile.awards.map(\.year) == [2021, 2024])
    }

    @Test func commentsAmongAwardRowsSurviveAnAddedRow() throws {
        let site = try site(Self.handWritten.replacingOccurrences(of: "\r\n\r\n    - type: bang-khen", with: "\r\n    # lần hai\r\n    - type: bang-khen"))
        defer { site.remove() }
        let before = try bytes(site)
        let opened = try editor(site).open(Self.path).get()
        var fields = opened.fields
        fields.awards.append(.init(type: "huan-chuong-lao-dong", year: "", date: "15/3/2025"))
        _ = try editor(site).save(Self.path, base: opened.version, fields: fields).get()
        let change = changedLines(before, try bytes(site))
        #expect(change.removed == [])
        // A row with only the decision's date: written as the files write dates, the year taken from it.
        #expect(change.added == ["    - type: huan-chuong-lao-dong\r", "      year: 2025\r", "      date: 2025-03-15\r"])
        #expect(try #require(site.load().profiles.first).awards.count == 3)
    }

    @Test func keysAddedAtOnePlaceKeepTheirOrder_aMultiLineSummaryIsLeftAlone() throws {
        let site = try site("---\ntitle: An\nkind: cá nhân\ndistrict: luc-ngan\nmovements: [nong-thon-moi]\nawards:\n  - type: huan-chuong-lao-dong\n    year: 2020\nsummary: |\n  Dòng một.\n  #1 toàn tỉnh\n---")
        defer { site.remove() }
        let opened = try editor(site).open(Self.path).get()
        var fields = opened.fields
        // As a browser sends the summary back: CRLF.
        fields.summary = fields.summary.replacingOccurrences(of: "\n", with: "\r\n")
        fields.kind = "individual"
        fields.unit = "Trường A"
        fields.position = "Giáo viên"
        fields.ethnicity = "Kinh"
        fields.body = "Thân bài."
        _ = try editor(site).save(Self.path, base: opened.version, fields: fields).get()
        let text = try #require(site.read(Self.path))
        #expect(text == "---\ntitle: An\nkind: cá nhân\ndistrict: luc-ngan\nunit: Trường A\nposition: Giáo viên\nethnicity: Kinh\nmovements: [nong-thon-moi]\nawards:\n  - type: huan-chuong-lao-dong\n    year: 2020\nsummary: |\n  Dòng một.\n  #1 toàn tỉnh\n---\nThân bài.")
    }

    @Test func theBodyIsReplacedOnlyWhenItChanged() throws {
        let site = try site()
        defer { site.remove() }
        let before = try bytes(site)
        let opened = try editor(site).open(Self.path).get()
        var fields = opened.fields
        fields.body = "\nThân bài mới.\n"
        _ = try editor(site).save(Self.path, base: opened.version, fields: fields).get()
        let change = changedLines(before, try bytes(site))
        #expect(change.removed == ["Thân bài *giữ nguyên*.\r"])
        #expect(change.added == ["Thân bài mới.\r"])
    }

    @Test func nothingChangedWritesNothing() throws {
        let site = try site()
        defer { site.remove() }
        let opened = try editor(site).open(Self.path).get()
        var fields = opened.fields
        fields.title = "  Nguyễn Văn An "
        fields.body = fields.body.replacingOccurrences(of: "\n", with: "\r\n")
        let saved = try editor(site).save(Self.path, base: opened.version, fields: fields).get()
        #expect(!saved.written && saved.version == opened.version)
    }

    @Test func aStaleVersionIsAConflictAndWritesNothing() throws {
        let site = try site()
        defer { site.remove() }
        let opened = try editor(site).open(Self.path).get()
        // Another tab saved first.
        var other = opened.fields
        other.unit = "Tab khác"
        _ = try editor(site).save(Self.path, base: opened.version, fields: other).get()
        let onDisk = try bytes(site)
        var mine = opened.fields
        mine.unit = "Tab này"
        guard case .failure(.conflict(let current?)) = editor(site).save(Self.path, base: opened.version, fields: mine) else {
            Issue.record("expected a conflict")
            return
        }
        #expect(current.fields.unit == "Tab khác")
        #expect(try bytes(site) == onDisk)
    }

    /// After a conflict the form offers the file as saved meanwhile with this editor's own
    /// changes on it, so that saving again does not undo the other save.
    @Test func afterAConflictTheFormKeepsOnlyTheEditorsOwnChanges() {
        var base = ProfileFields()
        base.title = "An"
        base.unit = "Trường A"
        base.position = "Giáo viên"
        base.awards = [.init(type: "huan-chuong-lao-dong", year: "2020")]
        var theirs = base
        theirs.unit = "Trường B"
        theirs.position = "Hiệu phó"
        var mine = base
        mine.position = "Hiệu trưởng"
        mine.awards.append(.init(type: "bang-khen-chu-tich-ubnd-tinh", year: "2024"))
        let (merged, both) = mine.changes(from: base, onto: theirs)
        #expect(merged.unit == "Trường B")
        #expect(merged.position == "Hiệu trưởng" && merged.awards.count == 2)
        #expect(both == ["position"])
    }

    @Test func problemsAreByFieldAndWriteNothing() throws {
        let site = try site()
        defer { site.remove() }
        let before = try bytes(site)
        let opened = try editor(site).open(Self.path).get()
        var fields = opened.fields
        fields.movements = ["phong trào không có"]
        guard case .failure(.problems(let problems)) = editor(site).save(Self.path, base: opened.version, fields: fields) else {
            Issue.record("expected problems")
            return
        }
        #expect(problems.map(\.field) == ["movements"])
        // A value the build refuses (a year before 1945) is caught by the build's parser.
        fields = opened.fields
        fields.awards[0].year = "1800"
        guard case .failure(.problems(let found)) = editor(site).save(Self.path, base: opened.version, fields: fields) else {
            Issue.record("expected problems")
            return
        }
        #expect(found.allSatisfy { $0.field == "awards" } && !found.isEmpty)
        fields = opened.fields
        fields.photo = "media/khong-co.jpg"
        guard case .failure(.problems(let photo)) = editor(site).save(Self.path, base: opened.version, fields: fields) else {
            Issue.record("expected problems")
            return
        }
        #expect(photo.filter(\.isError).map(\.field) == ["photo"])
        #expect(try bytes(site) == before)
    }

    @Test func aNewProfileIsWrittenAsNewWritesIt() throws {
        let site = try TestSite()
        defer { site.remove() }
        var fields = ProfileFields()
        fields.title = "Đoàn Thị Ánh"
        fields.kind = "cá nhân"
        fields.district = "Lục Ngạn"
        fields.movements = ["nong thon moi"]
        fields.awards = [.init(type: "Bằng khen UBND tỉnh", year: "2024", decision: "Quyết định số 12/QĐ-UBND ngày 5/1/2024")]
        let saved = try editor(site).create(fields).get()
        #expect(saved.path == "content/profiles/luc-ngan/doan-thi-anh.md")
        let input = FieldInput(vocabularies: site.load().vocabularies, latestYear: 2026)
        let award = try input.award("Bằng khen UBND tỉnh;2024;Quyết định số 12/QĐ-UBND ngày 5/1/2024", field: "").get()
        let draft = ProfileDraft(title: "Đoàn Thị Ánh", kind: .individual, district: try input.entry("luc-ngan", in: .districts, field: "").get(),
                                 movements: [try input.entry("nong-thon-moi", in: .movements, field: "").get()],
                                 awards: [ProfileDraft.Award(type: award.type, year: award.year, decision: award.decision)])
        let creator = ProfileCreator(site: site.load(), themeDirectory: Theme.defaultDirectory, latestYear: 2026)
        #expect(site.read(saved.path) == (try creator.text(for: draft, slug: "doan-thi-anh").get()))
        // The same title again gets a free address; nothing is overwritten.
        let second = try editor(site).create(fields).get()
        #expect(second.path != saved.path)
        #expect(try site.build().succeeded)
    }

    @Test func aDeletedProfileGoesToTheTrashAndComesBack() throws {
        let site = try site()
        defer { site.remove() }
        let before = try bytes(site)
        let trash = ProfileTrash(paths: site.paths)
        #expect(trash.delete(Self.path, version: "0") == .failure(.conflict(nil)))
        let item = try trash.delete(Self.path, version: ContentHash(before).hex, now: Date(timeIntervalSince1970: 0)).get()
        #expect(item.deleted == "1970-01-01T00-00-00Z" && item.path == Self.path)
        #expect(!FileManager.default.fileExists(atPath: site.root + "/" + Self.path))
        #expect(trash.items == [item])
        // A file made since at that path is not overwritten.
        try site.write(Self.path, "khác")
        guard case .failure(.problems) = trash.restore(item.id) else {
            Issue.record("expected a refusal")
            return
        }
        try FileManager.default.removeItem(atPath: site.root + "/" + Self.path)
        #expect(try trash.restore(item.id).get() == Self.path)
        #expect(try bytes(site) == before)
        #expect(trash.items.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: trash.folder + "/" + item.deleted))
    }
}
