import Foundation
import Testing
@testable import VinhDanhConfig
@testable import VinhDanhContent
@testable import VinhDanhIndex
@testable import VinhDanhRender
import VinhDanhTestSupport

/// The template views, `docs/theming.md` and the names templates are really rendered
/// with agree.
@Suite struct TemplateReferenceTests {
    /// The contexts of every page of the sample site, with shared parts that show the page
    /// they are on (so that `page` is rendered into each of them, as a site's would be).
    static func recorded() throws -> [String: KeyTree] {
        let site = SiteLoader(paths: SitePaths(root: TestRepository.root), latestYear: 2026).load()
        let overrides = FileManager.default.temporaryDirectory.appendingPathComponent("reference-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: overrides) }
        try FileManager.default.createDirectory(atPath: overrides + "/partials", withIntermediateDirectories: true)
        let defaults = try #require(Theme.defaultDirectory)
        for part in ["head", "header", "footer", "breadcrumbs"] {
            let text = try String(contentsOfFile: defaults + "/partials/\(part).mustache", encoding: .utf8)
            try (text + "{{#page}}{{/page}}").write(toFile: overrides + "/partials/\(part).mustache", atomically: true, encoding: .utf8)
        }
        let theme = try #require(Theme.load(defaultDirectory: defaults, overrideDirectory: overrides, sitePaths: site.paths).0)
        return TemplateCheck.contexts(site: site, index: SiteIndex(site: site), theme: theme)
    }

    /// The fields of the views, read from their source files.
    static func fields() throws -> [String: [TemplateReference.Field]] {
        let folder = TestRepository.root + "/Sources/VinhDanh/Render/Views"
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".swift") }.sorted()
        return TemplateReference.fields(in: try files.map { try String(contentsOfFile: folder + "/" + $0, encoding: .utf8) })
    }

    /// Each template is rendered with no name its views do not declare; every field of a
    /// view is rendered on some page (the home page has no breadcrumbs, others do); and
    /// every template rendered on its own has views.
    @Test func theViewsAreWhatTemplatesReceive() throws {
        let recorded = try Self.recorded(), fields = try Self.fields()
        #expect(Set(recorded.keys) == Set(TemplateReference.views.keys))
        var rendered = Set<String>()
        for (name, tree) in recorded {
            let rows = TemplateReference.tree(of: name, fields)
            let received = TemplateReference.paths(tree)
            #expect(received.subtracting(rows.map(\.path)).sorted() == [], "\(name): names rendered that no view declares")
            for row in rows where received.contains(row.path) { rendered.insert(row.owner + "." + row.field.name) }
        }
        let declared = fields.flatMap { type, list in list.map { type + "." + $0.name } }
        #expect(Set(declared).subtracting(rendered).sorted() == [], "fields no page renders")
    }

    /// Every field of every view says what it means, and every view the reference names
    /// is found in the sources.
    @Test func everyFieldHasAMeaning() throws {
        let fields = try Self.fields()
        for types in TemplateReference.views.values {
            for type in types { #expect(fields[String(describing: type)] != nil, "\(type) not found in Render/Views") }
        }
        let undocumented = fields.flatMap { type, list in list.filter { $0.meaning.isEmpty }.map { "\(type).\($0.name)" } }
        #expect(undocumented.sorted() == [])
    }

    /// A view's field of a view type is read as that type, through lists and optionals.
    @Test func fieldsAreReadFromTheirDeclarations() {
        let source = """
            /// A thing.
            struct ThingView: TemplateView {
                /// Its parts,
                /// in order.
                let parts: [PartView]
                /// Its photo.
                let photo: PhotoView?
                private let cache: String
                let bare: Bool

                var values: [String: Any] { [:] }
            }
            """
        let fields = TemplateReference.fields(in: [source])["ThingView"] ?? []
        #expect(fields.map(\.name) == ["parts", "photo", "bare"])
        #expect(fields.map(\.viewType) == ["PartView", "PhotoView", nil])
        #expect(fields.first?.meaning == "Its parts, in order.")
        #expect(fields.last?.meaning == "")
    }

    /// The reference in docs/theming.md is the one the code gives.
    @Test func theReferenceIsUpToDate() throws {
        let fresh = TemplateReference.markdown(try Self.recorded(), fields: try Self.fields())
        let file = TestRepository.root + "/docs/theming.md"
        if ProcessInfo.processInfo.environment["VINHDANH_WRITE_REFERENCE"] == "1" {
            try fresh.write(toFile: file, atomically: true, encoding: .utf8)
        }
        let committed = try String(contentsOfFile: file, encoding: .utf8)
        #expect(committed == fresh, "docs/theming.md is out of date: run VINHDANH_WRITE_REFERENCE=1 swift test --filter TemplateReferenceTests")
    }
}
