import Foundation
import Testing
@testable import VinhDanhBuild
@testable import VinhDanhConfig
@testable import VinhDanhContent
@testable import VinhDanhRender
@testable import VinhDanhSupport
import VinhDanhTestSupport
@testable import VinhDanhVocabulary

/// Awards placed in time: a profile is filed under its district-level unit for awards
/// before 1 July 2025 and under a commune of today after; the pages that list them.
struct PlacedAwardsTests {
    static var site: Site { TestRepository.sampleSite }
    static var vocab: Vocabularies { site.vocabularies }

    /// Parses a profile of `fields` (front-matter lines) with `awards` (YAML items).
    static func parse(_ fields: String, _ awards: String) -> (profile: Profile?, diagnostics: [Diagnostic]) {
        let parser = ProfileParser(vocabularies: vocab, latestYear: 2026) { _ in nil }
        let text = "---\ntitle: Nguyễn Văn A\nkind: cá nhân\n\(fields)awards:\n\(awards)---\nThân bài.\n"
        return parser.parse(text, path: "content/profiles/a.md")
    }

    static func key(_ place: Int) -> String { vocab.districts.entries[place].key }

    /// A profile of after the district level ended is filed under a commune of today,
    /// written by any spelling of its name, with no district.
    @Test func aProfileMayBeFiledUnderACommuneOfToday() throws {
        for written in ["Xã Tân Yên", "xa tan yen", "Tân Yên", "xa-tan-yen"] {
            let (profile, diagnostics) = Self.parse("commune: \(written)\n", "  - type: bang-khen-chu-tich-ubnd-tinh\n    year: 2026\n")
            #expect(diagnostics.isEmpty, "\(written): \(diagnostics.map(\.formatted))")
            let found = try #require(profile)
            #expect(Self.key(found.district) == "xa-tan-yen" && found.awards.map { Self.key($0.place) } == ["xa-tan-yen"])
            #expect(Self.vocab.today(of: found).map { Self.vocab.places.communes[$0].name } == "Xã Tân Yên")
        }
        // Old tone placement is the same name.
        let hiepHoa = Self.parse("commune: Xã Hiệp Hòa\n", "  - type: bang-khen-chu-tich-ubnd-tinh\n    year: 2026\n").profile
        #expect(hiepHoa.map { Self.key($0.district) } == "xa-hiep-hoa")
    }

    /// A commune of today used before it existed names what it was formed from; one that
    /// does not exist gets the closest names.
    @Test func aCommuneOfTodayHasAPeriodToo() throws {
        let early = Self.parse("commune: Xã Tân Yên\n", "  - type: bang-khen-chu-tich-ubnd-tinh\n    year: 2024\n").diagnostics
        let problem = try #require(early.first { $0.code == .placeOutOfPeriod })
        #expect(problem.message.contains("Xã Tân Yên chỉ có từ ngày 01/07/2025") && problem.line == 7)
        #expect(problem.suggestion?.contains("Xã Cao Xá (Huyện Tân Yên)") == true)
        // An undated award of 2025 filed under a commune is one of after July.
        #expect(Self.parse("commune: Xã Tân Yên\n", "  - type: bang-khen-chu-tich-ubnd-tinh\n    year: 2025\n").diagnostics.isEmpty)
        let unknown = Self.parse("commune: Xã Tân Yen Moi\n", "  - type: bang-khen-chu-tich-ubnd-tinh\n    year: 2026\n").diagnostics
        #expect(unknown.first?.code == .unknownDistrict && unknown.first?.line == 4)
        #expect(unknown.first?.suggestion?.contains("Xã Tân Yên") == true)
        // Neither a district nor a commune, or an empty one: the profile is not dropped unsaid.
        for fields in ["", "commune:\n", "commune: ~\n"] {
            let none = Self.parse(fields, "  - type: bang-khen-chu-tich-ubnd-tinh\n    year: 2026\n").diagnostics
            #expect(none.contains { $0.code == .missingField && $0.suggestion?.contains("commune") == true }, "\(fields)")
        }
    }

    /// A profile with awards on both sides of 1 July 2025: the earlier ones stay with its
    /// district-level unit, the later ones go to the commune of today its commune is in.
    @Test func aProfileCarriesOnIntoItsCommuneOfToday() throws {
        let awards = "  - type: bang-khen-chu-tich-ubnd-tinh\n    year: 2022\n  - type: chien-si-thi-dua-cap-tinh\n    year: 2025\n    date: 2025-10-20\n"
        let (profile, diagnostics) = Self.parse("district: luc-ngan\ncommune: Xã Giáp Sơn\n", awards)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.formatted))")
        #expect(try #require(profile).awards.map { Self.key($0.place) } == ["luc-ngan", "xa-luc-ngan"])
        #expect(profile?.places.map(Self.key) == ["luc-ngan", "xa-luc-ngan"])
        // With no commune to follow, the later award is an error naming what the unit became.
        let alone = Self.parse("district: luc-ngan\n", awards).diagnostics
        #expect(alone.count == 1 && alone.first?.code == .placeOutOfPeriod && alone.first?.suggestion?.contains("Xã Lục Ngạn") == true)
        // With no award in the unit's period, the profile was filed under the wrong unit.
        let late = Self.parse("district: luc-ngan\ncommune: Xã Giáp Sơn\n", "  - type: bang-khen-chu-tich-ubnd-tinh\n    year: 2026\n").diagnostics
        #expect(late.first?.code == .placeOutOfPeriod)
    }

    /// The provincial agencies of a former province carry on as the new province's.
    @Test func provincialAgenciesCarryOnAsTheNewProvinces() throws {
        let awards = "  - type: bang-khen-chu-tich-ubnd-tinh\n    year: 2023\n  - type: bang-khen-chu-tich-ubnd-tinh\n    year: 2026\n"
        let profile = try #require(Self.parse("district: cap-tinh\n", awards).profile)
        #expect(profile.awards.map { Self.key($0.place) } == ["cap-tinh", "cap-tinh-bac-ninh"])
        let provinces = profile.awards.map {
            SiteRenderer.issuer(of: Self.vocab.awards.entries[$0.type], at: Self.vocab.districts.entries[$0.place], Self.site.strings)
        }
        #expect(provinces == ["tỉnh Bắc Giang", "tỉnh Bắc Ninh"])
        // An award named after a province, given in another, is a warning.
        let named = Self.parse("commune: Xã Tân Yên\n", "  - type: cong-dan-uu-tu\n    year: 2026\n").diagnostics
        #expect(named.count == 1 && named.first?.severity == .warning && named.first?.message.contains("tỉnh Bắc Giang") == true)
    }

    /// A commune's page lists the awards made there since 1 July 2025, then, marked as
    /// such, the exemplars of the former communes it was formed from; statistics count
    /// each award under the unit in force at the time.
    @Test func aCommunePageListsItsAwardsThenTheFormerCommunes() throws {
        let output = NSTemporaryDirectory() + "vinhdanh-placed-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: output) }
        let result = try Builder(options: BuildOptions(site: SitePaths(root: TestRepository.root), output: output, latestYear: 2026)).build()
        #expect(result.succeeded)
        let page = try String(contentsOfFile: output + "/dia-ban/xa-luc-ngan/index.html", encoding: .utf8)
        let parts = page.components(separatedBy: "id=\"dien-hinh-xa-phuong-cu\"")
        try #require(parts.count == 2)
        #expect(parts[0].contains("Khen thưởng tại Xã Lục Ngạn từ 01/07/2025"))
        #expect(parts[0].contains("/ho-so/ha-van-quyet/\">Hà Văn Quyết</a></td><td>Quyết định số 1150/QĐ-UBND ngày 20/10/2025"))
        #expect(parts[0].contains("/ho-so/hoang-thi-thu-trang/") && !parts[0].contains("/ho-so/hop-tac-xa-nong-nghiep-tan-quang/"))
        #expect(parts[1].contains("/ho-so/hop-tac-xa-nong-nghiep-tan-quang/") && !parts[1].contains("/ho-so/ha-van-quyet/"))
        // The former unit still lists the profile, for its award of 2022, and links to
        // what it became (names alone for communes with no page).
        let former = try String(contentsOfFile: output + "/dia-ban/luc-ngan/index.html", encoding: .utf8)
        #expect(former.contains("/ho-so/ha-van-quyet/"))
        #expect(former.contains("<p class=\"became\">Từ 01/07/2025, Huyện Lục Ngạn nay thuộc: ") && former.contains("<a href=\"/dia-ban/xa-luc-ngan/\">Xã Lục Ngạn</a>"))
        #expect(former.contains(", Xã Đèo Gia") && !former.contains("/dia-ban/xa-deo-gia/"))
        let yenDung = try String(contentsOfFile: output + "/dia-ban/yen-dung/index.html", encoding: .utf8)
        #expect(yenDung.contains("Từ 01/01/2025, Huyện Yên Dũng nay thuộc: <a href=\"/dia-ban/bac-giang/\">Thành phố Bắc Giang</a>."))
        // The profile says where each award was made, and which province's chairman made it.
        let profile = try String(contentsOfFile: output + "/ho-so/trung-tam-phuc-vu-hanh-chinh-cong-tinh/index.html", encoding: .utf8)
        #expect(profile.contains("Bằng khen của Chủ tịch UBND tỉnh</a> <span class=\"issuer\">(tỉnh Bắc Ninh)</span></td><td><a href=\"/dia-ban/cap-tinh-bac-ninh/\">"))
        // A commune with no award made there yet lists only the former communes' exemplars.
        let tanYen = try String(contentsOfFile: output + "/dia-ban/xa-ngoc-thien/index.html", encoding: .utf8)
        #expect(tanYen.contains("id=\"dien-hinh-xa-phuong-cu\"") && !tanYen.contains("id=\"khen-thuong-tai-dia-ban\""))
    }
}
