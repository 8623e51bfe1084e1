import Testing
@testable import VinhDanhConfig
@testable import VinhDanhContent
@testable import VinhDanhEditing
@testable import VinhDanhVocabulary

@Suite struct VocabularyTests {
    let districts = Vocabulary(kind: .districts, entries: [
        VocabularyEntry(key: "bac-giang", name: "Thành phố Bắc Giang", aliases: ["TP Bắc Giang"]),
        VocabularyEntry(key: "luc-ngan", name: "Huyện Lục Ngạn", aliases: ["Lục Ngạn"]),
        VocabularyEntry(key: "luc-nam", name: "Huyện Lục Nam", aliases: ["Lục Nam"]),
        VocabularyEntry(key: "viet-yen", name: "Thị xã Việt Yên", aliases: ["Huyện Việt Yên"]),
    ])

    @Test(arguments: ["luc-ngan", "Huyện Lục Ngạn", "huyen luc ngan", "LỤC NGẠN", "Luc Ngan", "lucngan", "  Lục   Ngạn "])
    func resolvesKeyNameAliasIgnoringCaseAccentsSpacing(text: String) {
        #expect(districts.resolve(text) == 1)
    }

    /// What editors type may be the start of one entry's name (`new`, `import`), said back
    /// with the key; a start shared by two entries, or too short, is no match.
    @Test func aUniqueStartIsTakenLeniently() throws {
        #expect(districts.resolve("thanh pho bac") == nil && districts.resolveLeniently("thanh pho bac") == 0)
        #expect(districts.resolveLeniently("Thị xã Việt") == 3)
        #expect(districts.resolveLeniently("huyen luc") == nil)   // Lục Ngạn and Lục Nam
        #expect(districts.resolveLeniently("lu") == nil)
        let site = SiteLoader(paths: SitePaths(root: ImportTests.repository), latestYear: 2026).load()
        let input = FieldInput(vocabularies: site.vocabularies, latestYear: 2026)
        #expect(try input.award("bang khen chu tich;2026", field: "--award").get().type.key == "bang-khen-chu-tich-ubnd-tinh")
        #expect(input.leniency("bang khen chu tich", in: .awards)?.key == "bang-khen-chu-tich-ubnd-tinh")
        #expect(input.leniency("Bằng khen UBND tỉnh", in: .awards) == nil)   // an exact name is not said back
        guard case .failure = input.award("bang khen;2026", field: "--award") else {
            Issue.record("“bang khen” starts two award types and was taken")
            return
        }
    }

    @Test func oldNamesAreAliases() {
        #expect(districts.resolve("Huyện Việt Yên") == 3)
    }

    @Test func suggestsNearestEntries() {
        #expect(districts.resolve("Lục Ngan Xa") == nil)
        let near = districts.suggestions(for: "Luc Ngnan").map(\.key)
        #expect(near.first == "luc-ngan")
        #expect(districts.suggestionText(for: "Luc Nga").contains("luc-ngan (Huyện Lục Ngạn)"))
    }

    @Test func unrelatedTextPointsToTheList() {
        #expect(districts.suggestions(for: "Hà Nội Xyz Abc").isEmpty)
        #expect(districts.suggestionText(for: "Hà Nội Xyz Abc").contains("content/vocab/districts.yaml"))
    }

    @Test func keysWinOverAliases() {
        let vocabulary = Vocabulary(kind: .awards, entries: [
            VocabularyEntry(key: "a", name: "A", aliases: ["b"]),
            VocabularyEntry(key: "b", name: "B"),
        ])
        #expect(vocabulary.resolve("b") == 1)
    }

    @Test func subjectKinds() {
        #expect(SubjectKind(text: "cá nhân") == .individual)
        #expect(SubjectKind(text: "TAP THE") == .collective)
        #expect(SubjectKind(text: "Hộ gia đình") == .household)
        #expect(SubjectKind(text: "individual") == .individual)
        #expect(SubjectKind(text: "người") == nil)
    }
}
