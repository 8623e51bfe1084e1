import Testing
import VinhDanhConfig
import VinhDanhContent
import VinhDanhTestSupport
@testable import VinhDanhEditing
@testable import VinhDanhVocabulary

/// What editors type in `new` and `import`, read against the vocabularies.
@Suite struct FieldInputTests {
    let districts = TestVocabulary.districts

    /// What editors type may be the start of one entry's name (`new`, `import`), said back
    /// with the key; a start shared by two entries, or too short, is no match.
    @Test func aUniqueStartIsTakenLeniently() throws {
        #expect(districts.resolve("thanh pho bac") == nil && districts.resolveLeniently("thanh pho bac") == 0)
        #expect(districts.resolveLeniently("Thị xã Việt") == 3)
        #expect(districts.resolveLeniently("huyen luc") == nil)   // Lục Ngạn and Lục Nam
        #expect(districts.resolveLeniently("lu") == nil)
        let site = SiteLoader(paths: SitePaths(root: TestRepository.root), latestYear: 2026).load()
        let input = FieldInput(vocabularies: site.vocabularies, latestYear: 2026)
        #expect(try input.award("bang khen chu tich;2026", field: "--award").get().type.key == "bang-khen-chu-tich-ubnd-tinh")
        #expect(input.leniency("bang khen chu tich", in: .awards)?.key == "bang-khen-chu-tich-ubnd-tinh")
        #expect(input.leniency("Bằng khen UBND tỉnh", in: .awards) == nil)   // an exact name is not said back
        guard case .failure = input.award("bang khen;2026", field: "--award") else {
            Issue.record("“bang khen” starts two award types and was taken")
            return
        }
    }
}
