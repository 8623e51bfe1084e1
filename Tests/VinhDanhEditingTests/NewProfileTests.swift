import Foundation
import Testing
@testable import VinhDanhEditing
@testable import VinhDanhRender
@testable import VinhDanhSupport
import VinhDanhTestSupport
@testable import VinhDanhVocabulary

/// `vinhdanh new`: a profile from the archetype that builds unchanged.
@Suite struct NewProfileTests {
    func creator(_ site: TestSite) -> ProfileCreator {
        ProfileCreator(site: site.load(), themeDirectory: Theme.defaultDirectory, latestYear: 2026)
    }

    func draft(_ site: TestSite, title: String = "Nguyễn Văn An", kind: String = "cá nhân", district: String = "Lục Ngạn") throws -> ProfileDraft {
        let input = FieldInput(vocabularies: site.load().vocabularies, latestYear: 2026)
        let award = try input.award("Bằng khen UBND tỉnh;2024;Quyết định số 12/QĐ-UBND ngày 5/1/2024", field: "--award").get()
        return ProfileDraft(
            title: title, kind: try input.kind(kind, field: "--kind").get(),
            district: try input.entry(district, in: .districts, field: "--district").get(),
            movements: [try input.entry("nong thon moi", in: .movements, field: "--movement").get()],
            awards: [ProfileDraft.Award(type: award.type, year: award.year, decision: award.decision)])
    }

    @Test(arguments: ["cá nhân", "tập thể", "hộ gia đình"])
    func newProfileBuildsUnchanged(kind: String) throws {
        let site = try TestSite()
        defer { site.remove() }
        let path = try creator(site).create(try draft(site, title: "Đoàn: Thị #Ánh", kind: kind), slug: nil).get()
        #expect(path == "content/profiles/luc-ngan/doan-thi-anh.md")
        let result = try site.build()
        #expect(result.succeeded)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.formatted))")
        let loaded = site.load().profiles
        #expect(loaded.first?.title == "Đoàn: Thị #Ánh")
        #expect(loaded.first?.awards.first?.decision == "Quyết định số 12/QĐ-UBND ngày 5/1/2024")
        #expect(site.read("public/ho-so/doan-thi-anh/index.html")?.contains("Đoàn: Thị #Ánh") == true)
    }

    @Test func takenSlugIsRefusedWithAProposal() throws {
        let site = try TestSite(profiles: ["viet-yen/nguyen-van-an.md": TestSite.profile(district: "viet-yen")])
        defer { site.remove() }
        let result = creator(site).create(try draft(site), slug: nil)
        guard case .failure(let problem) = result else { Issue.record("a taken slug was accepted"); return }
        #expect(problem.message.contains("content/profiles/viet-yen/nguyen-van-an.md"))
        #expect(problem.suggestion?.contains("--slug nguyen-van-an-luc-ngan") == true)
        #expect(try creator(site).create(try draft(site), slug: "nguyen-van-an-luc-ngan").get() == "content/profiles/luc-ngan/nguyen-van-an-luc-ngan.md")
        #expect(try site.build().succeeded)
    }

    @Test func existingFileIsNeverOverwritten() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.write("content/profiles/luc-ngan/nguyen-van-an.md", "ghi chú của biên tập viên, chưa xong")
        let result = creator(site).create(try draft(site), slug: nil)
        #expect((try? result.get()) == nil)
        #expect(site.read("content/profiles/luc-ngan/nguyen-van-an.md") == "ghi chú của biên tập viên, chưa xong")
    }

    @Test func slugAllocatorAppendsDistrictThenNumbers() {
        var slugs = SlugAllocator(taken: ["nguyen-van-an"])
        #expect(slugs.propose(title: "Nguyễn Văn An", districtKey: "luc-ngan") == "nguyen-van-an-luc-ngan")
        slugs.take("nguyen-van-an-luc-ngan")
        #expect(slugs.propose(title: "Nguyễn Văn An", districtKey: "luc-ngan") == "nguyen-van-an-luc-ngan-2")
    }

    @Test(arguments: ["Nguyễn Văn An", "a: b", "#1", "- x", "true", "2024", "say \"hi\"", "x #y", "Công ty TNHH A&B"])
    func yamlScalarsReadBackUnchanged(text: String) throws {
        let document = try YAMLDocument.parse("v: \(YAMLText.scalar(text))\n", file: "t", firstLine: 1).get()
        #expect(document.root?.mapping?["v"]?.scalar?.string == text)
    }

    /// After 1 July 2025 a new profile is filed under a commune of today: `--commune`
    /// alone (or `--district` naming one) writes `commune:` and no district, in the
    /// commune's folder; a former district with an award of 2026 names what it became.
    @Test func aNewProfileUnderACommuneOfToday() throws {
        let site = try TestRepository.sampleCopy()
        defer { site.remove() }
        let input = FieldInput(vocabularies: site.load().vocabularies, latestYear: 2026)
        let award = try input.award("Bằng khen UBND tỉnh;2026;Quyết định số 12/QĐ-UBND ngày 5/1/2026", field: "--award").get()
        func draft(district: String?, commune: String?) throws -> ProfileDraft {
            var draft = ProfileDraft(title: "Nguyễn Văn Mười", kind: .individual, district: VocabularyEntry(key: "", name: ""),
                                     awards: [ProfileDraft.Award(type: award.type, year: award.year, decision: award.decision)])
            draft.file(under: try input.place(district: district, commune: commune, districtField: "--district", communeField: "--commune").get())
            return draft
        }
        for (district, commune) in [(nil, "Xa Tan Yen"), ("Xã Tân Yên", nil)] {
            let text = try creator(site).text(for: try draft(district: district, commune: commune), slug: "nguyen-van-muoi").get()
            #expect(text.contains("\ncommune: Xã Tân Yên\n") && !text.contains("district"), "\(text)")
        }
        let path = try creator(site).create(try draft(district: nil, commune: "xã tân yên"), slug: nil).get()
        #expect(path == "content/profiles/xa-tan-yen/nguyen-van-muoi.md")
        #expect(try site.build().succeeded)
        // A former district alone, for an award of 2026.
        guard case .failure(let problem) = creator(site).text(for: try draft(district: "Lục Nam", commune: nil), slug: "x") else {
            Issue.record("an award of 2026 under Huyện Lục Nam was accepted")
            return
        }
        #expect(problem.field == "--district" && problem.suggestion?.contains("Xã Lục Nam") == true)
        // A commune that is not one of today's.
        guard case .failure(let unknown) = input.place(district: nil, commune: "Xã Cao Xá", districtField: "--district", communeField: "--commune") else {
            Issue.record("a former commune alone was taken as a place")
            return
        }
        #expect(unknown.field == "--commune")
    }
}
