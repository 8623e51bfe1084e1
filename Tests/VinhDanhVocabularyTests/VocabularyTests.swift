import Testing
import VinhDanhTestSupport
@testable import VinhDanhVocabulary

@Suite struct VocabularyTests {
    let districts = TestVocabulary.districts

    @Test(arguments: ["luc-ngan", "Huyện Lục Ngạn", "huyen luc ngan", "LỤC NGẠN", "Luc Ngan", "lucngan", "  Lục   Ngạn "])
    func resolvesKeyNameAliasIgnoringCaseAccentsSpacing(text: String) {
        #expect(districts.resolve(text) == 1)
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
