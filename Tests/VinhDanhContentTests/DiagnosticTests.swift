import Foundation
import Testing
@testable import VinhDanhSupport
import VinhDanhTestSupport

/// Every class of bad input gives its diagnostic, on the right line of the file.
@Suite struct DiagnosticTests {
    /// Loads a site holding `good.md` and one bad profile, returning the bad file's diagnostics.
    func diagnostics(of text: String, bytes: [UInt8]? = nil, extra: [String: String] = [:]) throws -> [Diagnostic] {
        let site = try TestSite(profiles: ["good.md": TestSite.profile(title: "Trần Thị Bình")], extraFiles: extra)
        defer { site.remove() }
        try site.write("content/profiles/luc-ngan/bad.md", bytes: bytes ?? Array(text.utf8))
        let loaded = site.load()
        #expect(!loaded.diagnostics.contains { $0.file == "content/profiles/good.md" })
        return loaded.diagnostics.filter { $0.file == "content/profiles/luc-ngan/bad.md" }
    }

    func expectOne(_ found: [Diagnostic], _ code: DiagnosticCode, line: Int, severity: Diagnostic.Severity = .error,
                   sourceLocation: SourceLocation = #_sourceLocation) {
        let matching = found.filter { $0.code == code }
        #expect(matching.count == 1, "expected one \(code) in \(found.map(\.formatted))", sourceLocation: sourceLocation)
        #expect(matching.first?.line == line, "\(matching.map(\.formatted))", sourceLocation: sourceLocation)
        #expect(matching.first?.severity == severity, sourceLocation: sourceLocation)
    }

    @Test func notUTF8NamesTheLine() throws {
        var bytes = Array(TestSite.profile().utf8)
        bytes.insert(0xE0, at: bytes.count - 3)  // in the last line of the body
        let found = try diagnostics(of: "", bytes: bytes)
        expectOne(found, .notUTF8, line: 11)
        #expect(found[0].formatted.hasPrefix("content/profiles/luc-ngan/bad.md:11:"))
    }

    @Test func missingAndUnclosedFrontMatter() throws {
        expectOne(try diagnostics(of: "title: Nguyễn Văn An\n"), .missingFrontMatter, line: 1)
        expectOne(try diagnostics(of: "---\ntitle: Nguyễn Văn An\nkind: individual\n"), .unclosedFrontMatter, line: 1)
    }

    @Test func yamlSyntaxErrorGivesTheFileLine() throws {
        let text = "---\ntitle: Nguyễn Văn An\nkind: individual\nsummary: \"không đóng ngoặc\nunit: x\n---\nbody\n"
        let found = try diagnostics(of: text)
        #expect(found.count == 1)
        #expect(found.first?.code == .yamlSyntax)
        #expect((found.first?.line ?? 0) >= 4)
        let bad = "---\ntitle: A\nkind: individual\n  district: luc-ngan\n---\n"
        let second = try diagnostics(of: bad)
        #expect(second.first?.code == .yamlSyntax)
        #expect(second.first?.line == 4)
    }

    @Test func wrongTypeIsReportedWithItsLine() throws {
        let text = TestSite.profile(extra: "unit:\n  - a\n  - b\n")
        expectOne(try diagnostics(of: text), .wrongType, line: 11)
        let awards = TestSite.profile(awards: "  - bang-khen\n")
        expectOne(try diagnostics(of: awards), .wrongType, line: 7)
    }

    @Test func missingRequiredFields() throws {
        let found = try diagnostics(of: "---\nsummary: x\n---\nbody\n")
        #expect(found.filter { $0.code == .missingField }.count == 4)  // title, kind, district, awards
        let noAwards = try diagnostics(of: "---\ntitle: A\nkind: individual\ndistrict: luc-ngan\nawards: []\n---\n")
        expectOne(noAwards, .missingField, line: 2)
    }

    @Test func emptyRequiredValuesAreReported() throws {
        expectOne(try diagnostics(of: TestSite.profile(kind: "")), .missingField, line: 3)
        expectOne(try diagnostics(of: TestSite.profile(district: "~")), .missingField, line: 4)
    }

    @Test func unknownFieldIsAWarningWithSuggestion() throws {
        let found = try diagnostics(of: TestSite.profile(extra: "distrct: x\n"))
        expectOne(found, .unknownField, line: 10, severity: .warning)
        #expect(found.first?.suggestion?.contains("district") == true)
    }

    @Test func unknownKind() throws {
        expectOne(try diagnostics(of: TestSite.profile(kind: "người")), .unknownKind, line: 3)
    }

    @Test func kindAcceptsVietnameseLabels() throws {
        #expect(try diagnostics(of: TestSite.profile(kind: "Cá Nhân")).isEmpty)
        #expect(try diagnostics(of: TestSite.profile(kind: "tap the")).isEmpty)
    }

    @Test func unknownDistrictSuggestsNearest() throws {
        let found = try diagnostics(of: TestSite.profile(district: "Luc Ngnan"))
        expectOne(found, .unknownDistrict, line: 4)
        #expect(found.first?.formatted.contains("luc-ngan (Huyện Lục Ngạn)") == true)
    }

    @Test func unknownMovementAndAward() throws {
        let text = "---\ntitle: A\nkind: individual\ndistrict: luc-ngan\nmovements: [nong-thon-mio]\nawards:\n  - type: bang khen ubnd tinh xyz\n    year: 2021\n---\n"
        let found = try diagnostics(of: text)
        expectOne(found, .unknownMovement, line: 5)
        expectOne(found, .unknownAward, line: 7)
        #expect(found.first { $0.code == .unknownMovement }?.suggestion?.contains("nong-thon-moi") == true)
    }

    @Test(arguments: [(1944, true), (1945, false), (2026, false), (2027, true), (20233, true)])
    func awardYearRange(year: Int, bad: Bool) throws {
        let found = try diagnostics(of: TestSite.profile(awards: "  - type: bang-khen-chu-tich-ubnd-tinh\n    year: \(year)\n"))
        if bad { expectOne(found, .badYear, line: 8) } else { #expect(found.isEmpty) }
    }

    @Test func impossibleDate() throws {
        expectOne(try diagnostics(of: TestSite.profile(extra: "date: 2024-13-45\n")), .badDate, line: 10)
    }

    @Test(arguments: ["../site.yaml", "/etc/passwd", "media/../../etc/passwd", "media/khong-co.jpg", "anh.jpg", "media/outside.jpg"])
    func photoMustBeUnderMedia(photo: String) throws {
        let site = try TestSite(profiles: ["bad.md": TestSite.profile(extra: "photo: \(photo)\n")],
                                extraFiles: ["content/media/real.jpg": "x", "outside-secret.jpg": "secret"])
        defer { site.remove() }
        try FileManager.default.createSymbolicLink(atPath: site.root + "/content/media/outside.jpg",
                                                   withDestinationPath: site.root + "/outside-secret.jpg")
        let found = site.load().diagnostics
        expectOne(found, .badPhoto, line: 10)
    }

    @Test func validPhoto() throws {
        let site = try TestSite(profiles: ["ok.md": TestSite.profile(extra: "photo: media/real.jpg\n")],
                                extraFiles: ["content/media/real.jpg": "x"])
        defer { site.remove() }
        let loaded = site.load()
        #expect(loaded.diagnostics.isEmpty)
        #expect(loaded.profiles.first?.photo == "media/real.jpg")
    }

    @Test func duplicateSlugNamesBothFiles() throws {
        let site = try TestSite(profiles: [
            "luc-ngan/nguyen-van-an.md": TestSite.profile(),
            "viet-yen/nguyen-van-an.md": TestSite.profile(district: "viet-yen"),
        ])
        defer { site.remove() }
        let found = site.load().diagnostics
        #expect(found.count == 1)
        #expect(found.first?.code == .duplicateSlug)
        #expect(found.first?.file == "content/profiles/viet-yen/nguyen-van-an.md")
        #expect(found.first?.message.contains("content/profiles/luc-ngan/nguyen-van-an.md") == true)
    }

    @Test func yamlAliasesAreRefused() throws {
        let bomb = "---\ntitle: &a Nguyễn\nkind: individual\ndistrict: luc-ngan\nunit: *a\nawards:\n  - type: bang-khen-chu-tich-ubnd-tinh\n    year: 2021\n---\n"
        expectOne(try diagnostics(of: bomb), .yamlAlias, line: 2)
    }

    @Test func windowsAndMacInputIsAccepted() throws {
        let text = "\u{FEFF}" + TestSite.profile(title: "Nguyễn Thị Ánh".decomposedStringWithCanonicalMapping)
            .replacingOccurrences(of: "\n", with: "\r\n")
        let site = try TestSite(profiles: ["a.md": text])
        defer { site.remove() }
        let loaded = site.load()
        #expect(loaded.diagnostics.isEmpty)
        #expect(loaded.profiles.first?.title == "Nguyễn Thị Ánh")
        #expect(loaded.profiles.first?.title.unicodeScalars.count == "Nguyễn Thị Ánh".precomposedStringWithCanonicalMapping.unicodeScalars.count)
    }

    @Test func everyProblemOfABuildIsReported() throws {
        let site = try TestSite(profiles: [
            "a.md": TestSite.profile(kind: "xyz"),
            "b.md": TestSite.profile(district: "khong-co"),
            "c.md": "no front matter",
        ])
        defer { site.remove() }
        let files = Set(site.load().diagnostics.map(\.file))
        #expect(files == ["content/profiles/a.md", "content/profiles/b.md", "content/profiles/c.md"])
    }
}
