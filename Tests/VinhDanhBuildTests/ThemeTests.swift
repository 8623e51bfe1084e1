import Foundation
import Testing
@testable import VinhDanhConfig
@testable import VinhDanhRender
import VinhDanhTestSupport

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
                                               required: PageGraph.templates)
        #expect(loaded == nil)
        #expect(diagnostics.map(\.file) == ["site-templates/layouts/profile.mustache"])
        #expect(diagnostics.first?.message.contains("layouts/profile.mustache") == true)
    }

    @Test func includesAreFoundWithTheirPlace() {
        let found = Theme.includes(in: "a\n  {{> head}}\n{{<base}}{{ > x }}")
        #expect(found.map(\.name) == ["head", "base", "x"])
        #expect(found.map(\.line) == [2, 3, 3] && found.map(\.column) == [3, 1, 10])
    }

    /// A site's header, footer or breadcrumbs may show the page they are on: such a part
    /// is rendered with each page; the default ones, which do not, once.
    @Test func aPageShowsItsOwnTitleInsideAnOverriddenHeader() throws {
        let header = try String(contentsOfFile: try #require(Theme.defaultDirectory) + "/partials/header.mustache", encoding: .utf8)
        let site = try TestSite(profiles: ["a.md": TestSite.profile(title: "Nguyễn Văn An"), "b.md": TestSite.profile(title: "Trần Thị Bình")],
                                extraFiles: [
            "site-templates/partials/header.mustache": header.replacingOccurrences(
                of: "{{> nav}}", with: "{{> nav}}\n{{#page}}<p class=\"dang-xem\">Đang xem: {{page.title}}</p>{{/page}}"),
        ])
        defer { site.remove() }
        #expect(try site.build().succeeded)
        #expect(site.read("public/ho-so/a/index.html")?.contains("<p class=\"dang-xem\">Đang xem: Nguyễn Văn An</p>") == true)
        #expect(site.read("public/ho-so/b/index.html")?.contains("<p class=\"dang-xem\">Đang xem: Trần Thị Bình</p>") == true)
        let theme = try #require(Theme.load(defaultDirectory: Theme.defaultDirectory, overrideDirectory: site.paths.templates,
                                            sitePaths: site.paths).0)
        #expect(theme.seesPage("header") && !theme.seesPage("footer"))
        let plain = try #require(Theme.load(defaultDirectory: Theme.defaultDirectory, overrideDirectory: "/nonexistent", sitePaths: site.paths).0)
        #expect(!plain.seesPage("header") && !plain.seesPage("footer") && !plain.seesPage("head") && !plain.seesPage("breadcrumbs"))
    }

    @Test func lookupsAreTheNamesTagsLookUp() {
        #expect(Theme.lookups(in: "{{a}} {{#b.c}}{{/b.c}} {{{d}}} {{& e}} {{! no}} {{> f}} {{^g}}{{/g}} {{.}} {{% CONTENT_TYPE: X}}")
            == ["a", "b.c", "b.c", "d", "e", "g", "g", "."])
    }
}

/// The words pages show come from the theme's `strings.yaml`, which a site overrides key
/// by key.
@Suite struct SiteStringsTests {
    /// The default theme has every key the code uses, and no other.
    @Test func theDefaultStringsHaveEveryKeyAndNoOther() throws {
        let text = try String(contentsOfFile: try #require(Theme.defaultDirectory) + "/strings.yaml", encoding: .utf8)
        let (_, diagnostics) = SiteStrings.parse(defaultText: text, defaultShown: "strings.yaml", siteText: nil, siteShown: "")
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.formatted))")
    }

    /// A site's `site-templates/strings.yaml` changes the words it names, everywhere they
    /// show; a key the code does not use is a warning with the closest key; the others stay.
    @Test func aSiteOverridesTheWordsItNames() throws {
        let site = try TestSite(profiles: ["a.md": TestSite.profile(title: "Nguyễn Văn An")], extraFiles: [
            "site-templates/strings.yaml": "nav.home: Trang đầu\ntaxonomy.district.title: Xã, phường\nnav.hom: Nhầm\n",
        ])
        defer { site.remove() }
        let result = try site.build()
        #expect(result.succeeded)
        let warning = try #require(result.diagnostics.first { $0.file == "site-templates/strings.yaml" })
        #expect(warning.severity == .warning && warning.line == 3 && warning.suggestion?.contains("`nav.home`") == true)
        let page = try #require(site.read("public/ho-so/a/index.html"))
        #expect(page.contains(">Trang đầu</a>") && !page.contains(">Trang chủ</a>"))
        #expect(page.contains(">Xã, phường</a>") && page.contains(">Tìm kiếm</a>"))
    }

    /// A site file with nothing but comments overrides nothing.
    @Test func aFileOfCommentsOverridesNothing() throws {
        let text = try String(contentsOfFile: try #require(Theme.defaultDirectory) + "/strings.yaml", encoding: .utf8)
        for site in ["", "# chưa đổi chữ nào\n\n"] {
            let (strings, diagnostics) = SiteStrings.parse(defaultText: text, defaultShown: "strings.yaml", siteText: site, siteShown: "site-templates/strings.yaml")
            #expect(diagnostics.isEmpty && strings[.navHome] == "Trang chủ")
        }
    }

    /// A theme whose file lacks keys cannot build: an error names them.
    @Test func aMissingKeyIsAnError() {
        let (_, diagnostics) = SiteStrings.parse(defaultText: "nav.home: Trang chủ\n", defaultShown: "theme/strings.yaml", siteText: nil, siteShown: "")
        #expect(diagnostics.count == 1 && diagnostics.first?.severity == .error && diagnostics.first?.message.contains("nav.statistics") == true)
    }
}
