import Foundation
import Testing
@testable import VinhDanh

/// A theme that cannot render a page is an error at its file and line, never an empty page.
@Suite struct ThemeTests {
    @Test func anUnknownPartialIsAnErrorAtItsTagWithTheClosestNames() throws {
        let site = try TestSite(profiles: ["a.md": TestSite.profile()], extraFiles: [
            "site-templates/layouts/404.mustache": "{{<base}}\n{{$main}}\n  <p>Không thấy.</p> {{> profil-card}}\n{{/main}}\n{{/base}}\n",
        ])
        defer { site.remove() }
        let result = try site.build()
        #expect(!result.succeeded)
        let found = try #require(result.diagnostics.first { $0.code == .badTemplate })
        #expect(found.file == "site-templates/layouts/404.mustache" && found.line == 3 && found.column == 22)
        #expect(found.message.contains("profil-card") && found.suggestion?.contains("{{> profile-card}}") == true)
        #expect(site.read("public/index.html") == nil)
    }

    @Test func aLayoutAPageNeedsIsAnErrorWhenNoThemeHasIt() throws {
        let site = try TestSite(profiles: ["a.md": TestSite.profile()])
        defer { site.remove() }
        // A copy of the default theme without the profile page's layout.
        let theme = site.root + "/theme"
        try FileManager.default.copyItem(atPath: try #require(Theme.defaultDirectory), toPath: theme)
        try FileManager.default.removeItem(atPath: theme + "/layouts/profile.mustache")
        let (loaded, diagnostics) = Theme.load(defaultDirectory: theme, overrideDirectory: site.paths.templates, sitePaths: site.paths,
                                               required: PageGraph.kinds.flatMap(\.templates))
        #expect(loaded == nil)
        #expect(diagnostics.map(\.file) == ["site-templates/layouts/profile.mustache"])
        #expect(diagnostics.first?.message.contains("layouts/profile.mustache") == true)
    }

    @Test func includesAreFoundWithTheirPlace() {
        let found = Theme.includes(in: "a\n  {{> head}}\n{{<base}}{{ > x }}")
        #expect(found.map(\.name) == ["head", "base", "x"])
        #expect(found.map(\.line) == [2, 3, 3] && found.map(\.column) == [3, 1, 10])
    }
}
