import Foundation
import Testing
@testable import VinhDanhConfig
@testable import VinhDanhContent
@testable import VinhDanhIndex
@testable import VinhDanhRender
import VinhDanhTestSupport

/// `docs/theming.md` and the names templates are really rendered with agree.
@Suite struct TemplateReferenceTests {
    static func recorded() throws -> [String: KeyTree] {
        let site = SiteLoader(paths: SitePaths(root: TestRepository.root), latestYear: 2026).load()
        let theme = try #require(Theme.load(defaultDirectory: Theme.defaultDirectory, overrideDirectory: "/nonexistent",
                                            sitePaths: site.paths).0)
        return TemplateCheck.contexts(site: site, index: SiteIndex(site: site), theme: theme)
    }

    /// Every name a template is rendered with has a meaning written, and every meaning
    /// written is of a name some template is rendered with.
    @Test func everyNameHasAMeaningAndEveryMeaningAName() throws {
        let paths = TemplateReference.paths(try Self.recorded())
        let written = Set(TemplateReference.meanings.keys)
        #expect(paths.subtracting(written).sorted() == [], "names with no meaning")
        #expect(written.subtracting(paths).sorted() == [], "meanings of names no template has")
    }

    /// The reference in docs/theming.md is the one the code gives.
    @Test func theReferenceIsUpToDate() throws {
        let fresh = TemplateReference.markdown(try Self.recorded())
        let file = TestRepository.root + "/docs/theming.md"
        if ProcessInfo.processInfo.environment["VINHDANH_WRITE_REFERENCE"] == "1" {
            try fresh.write(toFile: file, atomically: true, encoding: .utf8)
        }
        let committed = try String(contentsOfFile: file, encoding: .utf8)
        #expect(committed == fresh, "docs/theming.md is out of date: run VINHDANH_WRITE_REFERENCE=1 swift test --filter TemplateReferenceTests")
    }
}
