import Foundation
import Testing
@testable import VinhDanhBuild
@testable import VinhDanhRender
@testable import VinhDanhSupport
import VinhDanhTestSupport

/// `check` warns of a name a site template looks up that its page does not offer.
@Suite struct TemplateCheckTests {
    /// A copy of the sample site whose `site-templates/` holds the whole default theme,
    /// with `edits` applied (file under `site-templates/` → text replaced → by).
    func check(_ edits: [(file: String, from: String, to: String)]) throws -> [Diagnostic] {
        let site = try TestRepository.sampleCopy()
        defer { site.remove() }
        let theme = try #require(Theme.defaultDirectory)
        for folder in ["layouts", "partials"] {
            try FileManager.default.createDirectory(atPath: site.root + "/site-templates", withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: theme + "/" + folder, toPath: site.root + "/site-templates/" + folder)
        }
        for edit in edits {
            let path = site.root + "/site-templates/" + edit.file
            let text = try String(contentsOfFile: path, encoding: .utf8)
            #expect(text.contains(edit.from), "\(edit.file) has no \(edit.from)")
            try text.replacingOccurrences(of: edit.from, with: edit.to).write(toFile: path, atomically: true, encoding: .utf8)
        }
        return Builder(options: BuildOptions(site: site.paths, latestYear: 2026)).check().1.filter { $0.code == .unknownTemplateName }
    }

    /// Every name the default theme looks up is offered: copied whole into a site, it
    /// gives no warning.
    @Test func theDefaultThemeLooksUpOnlyNamesItIsOffered() throws {
        let warnings = try check([])
        #expect(warnings.isEmpty, "\(warnings.map(\.formatted))")
    }

    /// A misspelt name is a warning at its tag, with the closest name offered there:
    /// inside a section, under a dotted name, and in a partial.
    @Test func aMisspeltNameIsAWarningAtItsTagWithTheClosestName() throws {
        let warnings = try check([
            ("layouts/profile.mustache", "<h1>{{title}}</h1>", "<h1>{{titel}}</h1>"),
            ("partials/header.mustache", "{{site.title}}", "{{site.titel}}"),
            ("partials/profile-card.mustache", "{{url}}", "{{ulr}}"),
        ]).sorted()
        #expect(warnings.map(\.file) == ["site-templates/layouts/profile.mustache", "site-templates/partials/header.mustache",
                                         "site-templates/partials/profile-card.mustache"])
        #expect(warnings.allSatisfy { $0.severity == .warning })
        let profile = try #require(warnings.first)
        #expect(profile.line == 10 && profile.column == 5 && profile.suggestion == "có phải ý bạn là {{title}}?")
        #expect(warnings[1].suggestion == "có phải ý bạn là {{site.title}}?")
        #expect(warnings[2].suggestion == "có phải ý bạn là {{url}}?")
    }

    /// A template written for another version of the interface says so.
    @Test func aTemplateOfAnotherInterfaceVersionIsAWarning() throws {
        let current = "{{! vinhdanh-templates: \(TemplateReference.version)}}"
        #expect(try check([("layouts/404.mustache", "{{% CONTENT_TYPE: FASTHTML}}", "{{% CONTENT_TYPE: FASTHTML}}\n" + current)]).isEmpty)
        let old = try check([("layouts/404.mustache", "{{% CONTENT_TYPE: FASTHTML}}", "{{% CONTENT_TYPE: FASTHTML}}\n{{! vinhdanh-templates: 0}}")])
        #expect(old.count == 1 && old.first?.line == 2 && old.first?.message.contains("phiên bản 0") == true)
    }

    @Test func tagsAreFoundWithTheirPlace() {
        let tags = TemplateCheck.tags(in: "{{% CONTENT_TYPE: X}}\n<a>{{#a}}\n  {{{b}}} {{! c}} {{> d}}{{/a}}")
        #expect(tags.map(\.name) == ["a", "b", "a"])
        #expect(tags.map { $0.sigil.map(String.init) ?? "" } == ["#", "{", "/"])
        #expect(tags.map(\.line) == [2, 3, 3] && tags.map(\.column) == [4, 3, 26])
        // A tag may span lines, as swift-mustache allows.
        #expect(TemplateCheck.tags(in: "{{#\n  items\n}}{{/items}}").map(\.name) == ["items", "items"])
        #expect(Theme.lookups(in: "<p>{{\n page.title\n}}</p>") == ["page.title"])
    }
}
