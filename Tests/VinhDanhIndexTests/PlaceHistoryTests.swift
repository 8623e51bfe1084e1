import Foundation
import Testing
@testable import VinhDanhConfig
@testable import VinhDanhContent
@testable import VinhDanhIndex
@testable import VinhDanhSupport
import VinhDanhTestSupport
@testable import VinhDanhText
@testable import VinhDanhVocabulary

/// The places with a history: the sample site's communes of 2014–2023 followed to the
/// communes of July 2025 (docs/research/admin-units-2014-2025.md, section 8), name
/// matching, and the files' diagnostics.
struct PlaceHistoryTests {
    static var site: Site { TestRepository.sampleSite }
    static var places: PlaceHistory { site.vocabularies.places }

    /// The name of today's commune that `commune` of `district` on 1 January `year` is part of.
    static func today(_ commune: String, _ district: String, _ year: Int = 2019) -> String? {
        let districts = site.vocabularies.districts
        guard let d = districts.resolve(district), let date = CalendarDate(year: year, month: 1, day: 1) else { return nil }
        guard case .commune(let c, _) = places.resolve(commune, district: d, on: date) else { return nil }
        return places.communes[c].name
    }

    @Test func theFilesLoadWithoutProblems() {
        #expect(Self.site.diagnostics.isEmpty, "\(Self.site.diagnostics.map(\.formatted))")
        #expect(Self.places.communes.count == 99)
        #expect(Self.places.communes.filter { $0.name.hasPrefix("Phường") }.count == 33)
        #expect(Self.places.since == CalendarDate(year: 2025, month: 7, day: 1))
        #expect(Set(Self.places.communes.map(\.code)).count == 99)
        // The three codes the shared file had wrong (Công văn 1027/CTK-CSCL).
        #expect(Self.places.communes.first { $0.name == "Phường Tam Sơn" }?.code == "09370")
        #expect(Self.places.changes.allSatisfy { !$0.source.isEmpty })
        let chu = Self.site.vocabularies.districts.entries.first { $0.key == "chu" }
        #expect(chu?.from == CalendarDate(year: 2025, month: 1, day: 1) && chu?.until == CalendarDate(year: 2025, month: 6, day: 30))
    }

    /// Every commune the sample's profiles name, with the commune it is part of today.
    @Test(arguments: [
        ("Xã Đức Thắng", "hiep-hoa", "Xã Hiệp Hoà"), ("Xã Hợp Thịnh", "hiep-hoa", "Xã Hợp Thịnh"),
        ("Xã Mai Đình", "Hiệp Hoà", "Xã Xuân Cẩm"), ("Xã Thanh Hải", "luc-ngan", "Phường Chũ"),
        ("Thị trấn Chũ", "Huyện Lục Ngạn", "Phường Chũ"), ("Xã Kiên Thành", "luc-ngan", "Xã Kiên Lao"),
        ("Xã Sa Lý", "luc-ngan", "Xã Sa Lý"), ("Xã Tân Quang", "luc-ngan", "Xã Lục Ngạn"),
        ("Xã Tân Thanh", "lang-giang", "Xã Mỹ Thái"), ("Thị trấn Kép", "Lạng Giang", "Xã Kép"),
        ("Xã Nghĩa Hòa", "lang-giang", "Xã Tiên Lục"), ("Xã Quang Thịnh", "lang-giang", "Xã Kép"),
        ("Phường Dĩnh Kế", "bac-giang", "Phường Bắc Giang"), ("Phường Ngô Quyền", "bac-giang", "Phường Bắc Giang"),
        ("Phường Thọ Xương", "bac-giang", "Phường Bắc Giang"), ("Xã Đồng Sơn", "bac-giang", "Phường Tiền Phong"),
        ("Thị trấn Đồi Ngô", "luc-nam", "Xã Lục Nam"), ("Xã Bảo Đài", "luc-nam", "Xã Bảo Đài"),
        ("Xã Cẩm Lý", "luc-nam", "Xã Cẩm Lý"), ("Xã Huyền Sơn", "luc-nam", "Xã Nghĩa Phương"),
        ("Thị trấn An Châu", "son-dong", "Xã Sơn Động"), ("Xã Dương Hưu", "son-dong", "Xã Dương Hưu"),
        ("Xã Yên Định", "son-dong", "Xã Yên Định"), ("Thị trấn Cao Thượng", "tan-yen", "Xã Tân Yên"),
        ("Xã Cao Xá", "tan-yen", "Xã Tân Yên"), ("Xã Ngọc Thiện", "tan-yen", "Xã Ngọc Thiện"),
        ("Xã Song Vân", "tan-yen", "Xã Ngọc Thiện"), ("Phường Quang Châu", "viet-yen", "Phường Nếnh"),
        ("Xã Minh Đức", "viet-yen", "Phường Việt Yên"), ("Xã Tăng Tiến", "viet-yen", "Phường Nếnh"),
        ("Xã Vân Trung", "viet-yen", "Phường Nếnh"), ("Thị trấn Nham Biền", "yen-dung", "Phường Yên Dũng"),
        ("Xã Lãng Sơn", "yen-dung", "Phường Tân An"), ("Xã Tư Mại", "yen-dung", "Phường Cảnh Thụy"),
        ("Xã Đồng Phúc", "yen-dung", "Xã Đồng Việt"), ("Xã Canh Nậu", "yen-the", "Xã Xuân Lương"),
        ("Xã Xuân Lương", "yen-the", "Xã Xuân Lương"), ("Xã Đồng Kỳ", "yen-the", "Xã Đồng Kỳ"),
        ("Xã Đồng Tâm", "yen-the", "Xã Yên Thế"),
    ])
    func sampleCommuneResolves(_ commune: String, _ district: String, _ today: String) {
        #expect(Self.today(commune, district) == today)
    }

    @Test func everySampleProfileCommuneIsFollowed() {
        let districts = Self.site.vocabularies.districts.entries
        var unresolved: [String] = []
        // Those filed under a commune of today are that commune.
        for profile in Self.site.profiles where Self.site.vocabularies.commune(ofEntry: profile.district) == nil {
            guard let commune = profile.commune else { continue }
            let year = profile.awards.map(\.year).min() ?? 2014
            if Self.today(commune, districts[profile.district].key, year) == nil { unresolved.append(commune) }
        }
        // Xã Hoàng An was rearranged on 1 January 2025 into a unit no source read names.
        #expect(unresolved == ["Xã Hoàng An"])
    }

    @Test func aDissolvedCommuneNamesTheResolution() {
        guard let hiepHoa = Self.site.vocabularies.districts.resolve("hiep-hoa"), let date = CalendarDate(year: 2019, month: 5, day: 1),
              case .dissolved(let change) = Self.places.resolve("Xã Hoàng An", district: hiepHoa, on: date) else {
            Issue.record("Hoàng An should be dissolved into an unknown unit")
            return
        }
        #expect(change.source.contains("1191/NQ-UBTVQH15"))
        #expect(change.date == CalendarDate(year: 2025, month: 1, day: 1))
    }

    /// Đồng Sơn (TP Bắc Giang) and Đông Sơn (Yên Thế) fold alike: each resolves within its
    /// own district-level unit, and the spelling with its diacritics wins.
    @Test func foldedNamesResolveWithinTheirDistrict() {
        #expect(Self.today("Xã Đồng Sơn", "bac-giang") == "Phường Tiền Phong")
        #expect(Self.today("Xã Đông Sơn", "yen-the") == "Xã Bố Hạ")
        #expect(Self.today("xa dong son", "yen-the") == "Xã Bố Hạ")
        #expect(Self.today("Dong Son", "bac-giang") == "Phường Tiền Phong")
    }

    /// A renamed unit is followed; the name it took from a dissolved unit is not.
    @Test func aNameTakenOverOnTheSameDayIsNotFollowedTwice() {
        #expect(Self.today("Xã Tam Hiệp", "yen-the") == "Xã Yên Thế")
        #expect(Self.today("Xã Tân Hiệp", "yen-the") == nil)
        #expect(Self.today("Xã Tân Hiệp", "yen-the", 2025) == "Xã Yên Thế")
    }

    @Test func toneMarkPlacementAndTypeWordsDoNotMatter() {
        #expect(PlaceName("Xã Hiệp Hoà").match(PlaceName("xã hiệp hòa")) == 3)
        #expect(PlaceName("TT. Chũ").type == .townlet)
        #expect(PlaceName("Chũ").match(PlaceName("Thị trấn Chũ")) == 2)
        #expect(PlaceName("Đồng Sơn").match(PlaceName("Đông Sơn")) == 1)
        #expect(PlaceName("Thủy").match(PlaceName("Thuỷ")) == 3)
    }

    @Test func aTypoGetsTheClosestNames() {
        guard let tanYen = Self.site.vocabularies.districts.resolve("tan-yen"), let date = CalendarDate(year: 2019, month: 1, day: 1),
              case .notFound(let nearest) = Self.places.resolve("Xã Cao Xe", district: tanYen, on: date) else {
            Issue.record("a misspelt commune should not resolve")
            return
        }
        #expect(nearest.contains("Xã Cao Xá"))
    }

    /// A commune named on an award after it was merged away: the merger is named.
    @Test func aCommuneNamedAfterItEndedNamesItsEnd() {
        guard let hiepHoa = Self.site.vocabularies.districts.resolve("hiep-hoa"), let date = CalendarDate(year: 2022, month: 1, day: 1),
              case .ended(let change) = Self.places.resolve("Xã Đức Thắng", district: hiepHoa, on: date) else {
            Issue.record("Đức Thắng, merged on 1 January 2020, should have ended by 2022")
            return
        }
        #expect(change.to == "Thị trấn Thắng" && change.source.contains("813/NQ-UBTVQH14"))
    }

    /// `check` warns (and `build` does not) at the `commune:` line of the one sample
    /// profile whose commune cannot be followed.
    @Test func checkWarnsAtTheCommuneLine() {
        let warnings = Self.site.profiles.flatMap { ProfileLint.commune(of: $0, Self.site.vocabularies) }
        #expect(warnings.count == 1)
        let warning = warnings.first
        #expect(warning?.code == .unresolvedCommune && warning?.severity == .warning)
        #expect(warning?.file == "content/profiles/hiep-hoa/gia-dinh-ong-giap-van-toan.md" && warning?.line == 5)
        #expect(warning?.suggestion?.contains("content/vocab/commune-changes.yaml:") == true)
    }

    @Test func communesOfTodayResolveToThemselves() {
        #expect(Self.today("Xã Tân Yên", "tan-yen", 2026) == "Xã Tân Yên")
        #expect(Self.today("Phường Bắc Giang", "bac-giang", 2026) == "Phường Bắc Giang")
    }

    @Test func fileProblemsAreDiagnosticsAtTheirLine() {
        let districts = Self.site.vocabularies.districts
        let (history, found) = PlaceHistoryLoader.parse(
            communes: "from: 2025-07-01\nsource: NQ\nunits:\n  - key: xa-a\n    name: Xã A\n    code: \"1\"\n    formed_from:\n      - {district: khong-co, commune: Xã B}\n",
            changes: "- date: 2025-13-01\n  source: NQ\n  changes: []\n", districts: districts)
        #expect(history.communes.count == 1)
        #expect(found.contains { $0.file == PlaceHistoryLoader.communesFile && $0.line == 8 && $0.message.contains("khong-co") })
        #expect(found.contains { $0.file == PlaceHistoryLoader.changesFile && $0.line == 1 && $0.message.contains("2025-13-01") })
    }

    /// The sample's Cao Xá profile shows where it stands today, and is found by today's
    /// commune name as well as by the one it names.
    @Test func aProfileShowsAndIsFoundByTodaysCommune() throws {
        let site = Self.site
        let i = try #require(site.profiles.firstIndex { $0.path == "content/profiles/tan-yen/than-thi-hue.md" })
        #expect(site.profiles[i].commune == "Xã Cao Xá")
        #expect(site.vocabularies.today(of: site.profiles[i]).map { site.vocabularies.places.communes[$0].name } == "Xã Tân Yên")
        let index = SiteIndex(site: site)
        let doc = try #require(index.order.firstIndex(of: i))
        let files = SearchIndex(site: site, index: index, root: "/").files
        // The documents each spelling of `word` lists (title and other fields), from
        // the shard that holds it: ids are delta-encoded.
        func documents(_ word: String, _ spelling: String) throws -> Set<Int> {
            for file in files where file.path.hasSuffix(".json") && file.path.contains("/chi-muc/") {
                guard let shard = try JSONSerialization.jsonObject(with: Data(file.bytes)) as? [String: Any],
                      let forms = shard[word] as? [String: [[Int]]], let lists = forms[spelling] else { continue }
                return Set(lists.flatMap { deltas in deltas.reduce(into: [Int]()) { $0.append(($0.last ?? 0) + $1) } })
            }
            return []
        }
        #expect(try documents("cao", "cao").contains(doc) && documents("xa", "xá").contains(doc))
        #expect(try documents("tan", "tân").contains(doc) && documents("yen", "yên").contains(doc))
    }

    /// Diagnostics of a profile filed under `district` with one award in `year`.
    static func periodProblems(_ district: String, _ year: Int, _ more: String = "", code: DiagnosticCode = .placeOutOfPeriod) -> [Diagnostic] {
        let parser = ProfileParser(vocabularies: site.vocabularies, latestYear: 2026) { _ in nil }
        let text = "---\ntitle: Nguyễn Văn A\nkind: cá nhân\ndistrict: \(district)\nawards:\n  - type: bang-khen-chu-tich-ubnd-tinh\n    year: \(year)\n\(more)---\nThân bài.\n"
        return parser.parse(text, path: "content/profiles/a.md").diagnostics.filter { $0.code == code }
    }

    /// An award's decision date, written or read from the decision, places it on either
    /// side of 1 July 2025.
    @Test func aDatedAwardIsPlacedByItsDate() {
        #expect(Self.periodProblems("luc-nam", 2025, "    decision: \"Quyết định số 12/QĐ-UBND ngày 15/8/2025\"\n").count == 1)
        #expect(Self.periodProblems("luc-nam", 2025, "    decision: \"Quyết định số 12/QĐ-UBND ngày 10/5/2025\"\n").isEmpty)
        #expect(Self.periodProblems("luc-nam", 2025, "    date: 2025-07-02\n").count == 1)
        #expect(Self.periodProblems("luc-nam", 2025, "    decision: \"Quyết định ngày 2 tháng 9 năm 2025\"\n").count == 1)
        // A date of another year is an error of its own, and does not place the award.
        #expect(Self.periodProblems("luc-nam", 2025, "    date: 2024-07-02\n", code: .badDate).count == 1)
        #expect(ProfileParser.decisionDate("Quyết định số 1658/QĐ-UBND ngày 31/10/2022") == CalendarDate(year: 2022, month: 10, day: 31))
        #expect(ProfileParser.decisionDate("Quyết định số 1658/QĐ-UBND") == nil)
    }

    /// A district-level unit used outside its period is an error at the award's year that
    /// names what the unit became, or came from.
    @Test func aUnitUsedOutsideItsPeriodNamesItsSuccessors() throws {
        let lucNam = try #require(Self.periodProblems("luc-nam", 2026).first)
        #expect(lucNam.severity == .error && lucNam.line == 7)
        #expect(lucNam.message.contains("Huyện Lục Nam không còn sau ngày 30/06/2025"))
        #expect(lucNam.suggestion?.contains("Xã Lục Nam") == true && lucNam.suggestion?.contains("Xã Bảo Đài") == true)
        // Yên Dũng went into the city on 1 January 2025.
        let yenDung = try #require(Self.periodProblems("yen-dung", 2025).first)
        #expect(yenDung.suggestion?.contains("Thành phố Bắc Giang") == true && yenDung.suggestion?.contains("Phường Yên Dũng") == true)
        // Thị xã Chũ only from 2025.
        let chu = try #require(Self.periodProblems("chu", 2024).first)
        #expect(chu.suggestion?.contains("Huyện Lục Ngạn") == true)
        // Within their periods: none (a 2025 award naming a district is one of before July).
        #expect(Self.periodProblems("luc-nam", 2025).isEmpty && Self.periodProblems("chu", 2025).isEmpty)
        #expect(Self.periodProblems("yen-dung", 2024).isEmpty && Self.periodProblems("cap-tinh", 2025).isEmpty)
        // Provincial agencies: one unit per former province until June 2025, one for the
        // new province from July.
        let agencies = try #require(Self.periodProblems("cap-tinh", 2026).first)
        #expect(agencies.suggestion?.contains("Cấp tỉnh (tỉnh Bắc Ninh)") == true)
        #expect(Self.periodProblems("cap-tinh-bac-ninh", 2026).isEmpty && Self.periodProblems("cap-tinh-bac-ninh-cu", 2024).isEmpty)
        #expect(Self.periodProblems("cap-tinh-bac-ninh", 2024).count == 1)
    }
}
