import Foundation

/// The template interface: what each template is rendered with, for site owners who
/// override the theme (`docs/theming.md`, written from here). The names and their meanings
/// come from the template views (``TemplateView``, `Render/Views/`); a test fails when
/// they and the contexts the pages are really rendered with (``ContextRecorder``)
/// disagree.
enum TemplateReference {
    /// The interface's version. A site's template can say which one it was written for
    /// with a comment on its first lines, `{{! vinhdanh-templates: 1}}`.
    static let version = 1

    /// The views each template is rendered with (``TemplateView``): a layout has the
    /// ``PageFrame`` and its own; a partial rendered on its own, its view.
    static let views: [String: [any TemplateView.Type]] = [
        "layout-404": [PageFrame.self, NotFoundLayout.self],
        "layout-home": [PageFrame.self, HomeLayout.self],
        "layout-page": [PageFrame.self, ContentLayout.self],
        "layout-profile": [PageFrame.self, ProfileLayout.self],
        "layout-report": [PageFrame.self, ReportLayout.self],
        "layout-search": [PageFrame.self, SearchLayout.self],
        "layout-statistics": [PageFrame.self, StatisticsLayout.self],
        "layout-taxonomy": [PageFrame.self, TaxonomyLayout.self],
        "layout-term": [PageFrame.self, TermLayout.self],
        "head": [SharedPartView.self],
        "footer": [SharedPartView.self],
        "header": [HeaderView.self],
        "breadcrumbs": [BreadcrumbsPartView.self],
        "pagination-item": [PaginationItemView.self],
        "profile-card": [ProfileCardView.self],
        "term-link": [NamedLink.self],
    ]

    /// A field of a view, as its source declares it.
    struct Field: Equatable {
        let name: String
        /// The type as written (`String`, `[CellView]`, `PhotoView?`).
        let type: String
        /// Its doc comment, joined on one line (empty when it has none).
        let meaning: String

        /// The view type below it, if any: the element of a list, the wrapped type of an
        /// optional.
        var viewType: String? {
            var type = self.type
            if type.hasSuffix("?") { type.removeLast() }
            if type.hasPrefix("["), type.hasSuffix("]") { type = String(type.dropFirst().dropLast()) }
            return ["String", "Bool", "Int", "TemplateText"].contains(type) ? nil : type
        }
    }

    /// The fields of every view declared in `sources` (the files of `Render/Views/`), by
    /// type name: the non-private `let`s of each top-level struct, with their doc comments.
    static func fields(in sources: [String]) -> [String: [Field]] {
        var found: [String: [Field]] = [:]
        for source in sources {
            var current: String?
            var doc: [String] = []
            for raw in source.split(separator: "\n", omittingEmptySubsequences: false) {
                let line = raw.trimmingCharacters(in: .whitespaces)
                if raw.hasPrefix("struct "), let name = raw.dropFirst("struct ".count).split(whereSeparator: { !$0.isLetter && !$0.isNumber }).first {
                    current = String(name)
                    found[String(name)] = []
                } else if raw.hasPrefix("    ///") {
                    doc.append(line.dropFirst(3).trimmingCharacters(in: .whitespaces))
                    continue
                } else if raw.hasPrefix("    let "), let current, let colon = line.firstIndex(of: ":") {
                    let name = line.dropFirst("let ".count)[..<colon]
                    let type = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                    found[current, default: []].append(Field(name: String(name), type: type, meaning: doc.joined(separator: " ")))
                }
                doc = []
            }
        }
        return found
    }

    /// Template `name`'s names as its views declare them: each with its field, and the
    /// names below it.
    static func tree(of name: String, _ fields: [String: [Field]]) -> [(path: String, depth: Int, owner: String, field: Field)] {
        var rows: [(path: String, depth: Int, owner: String, field: Field)] = []
        func walk(_ types: [String], _ path: String, _ depth: Int) {
            let list = types.flatMap { type in (fields[type] ?? []).map { (type, $0) } }
            for (owner, field) in list.sorted(by: { $0.1.name < $1.1.name }) {
                let full = path.isEmpty ? field.name : path + "." + field.name
                rows.append((full, depth, owner, field))
                if let below = field.viewType { walk([below], full, depth + 1) }
            }
        }
        walk((views[name] ?? []).map { String(describing: $0) }, "", 0)
        return rows
    }

    /// The reference, in Markdown: for each template rendered on its own (layouts, and the
    /// partials rendered once and inserted as HTML), each name with its meaning (from its
    /// view's `fields`) and an example from the site whose contexts were `recorded`.
    static func markdown(_ recorded: [String: KeyTree], fields: [String: [Field]]) -> String {
        var text = """
            # Theming reference

            Written by `TemplateReferenceTests` from the template views \
            (`Sources/VinhDanh/Render/Views/`, template interface version \(version)), with \
            examples from the sample site. Do not edit by hand: \
            run `VINHDANH_WRITE_REFERENCE=1 swift test --filter TemplateReferenceTests`.

            A site overrides any template of `theme/` with a file at the same path in its \
            `site-templates/`. Each template below is rendered with the names listed under \
            it. Partials it includes (`{{> nav}}`, `{{> pagination}}`, `{{> stat-table}}`) \
            see the same names, at the place they are included. `vinhdanh check` warns \
            (VD031) of a name a site template looks up that its page does not offer. A \
            template can say which version it was written for: `{{! vinhdanh-templates: \(version)}}`. \
            The words the code writes into these names (navigation labels, titles, the \
            sentences of list pages) come from `theme/strings.yaml`, which a site's \
            `site-templates/strings.yaml` overrides key by key.

            """
        let order = views.keys.sorted { ($0.hasPrefix("layout-") ? 0 : 1, $0) < ($1.hasPrefix("layout-") ? 0 : 1, $1) }
        for name in order {
            let file = name.hasPrefix("layout-") ? "layouts/\(name.dropFirst("layout-".count)).mustache" : "partials/\(name).mustache"
            text += "\n## `\(file)`\n\n"
            for row in tree(of: name, fields) {
                let example = recorded[name]?.descend(row.path.split(separator: "."))?.example.map { " Example: `\(Self.shown($0))`." } ?? ""
                text += String(repeating: "  ", count: row.depth) + "- `\(row.field.name)`: \(row.field.meaning)\(example)\n"
            }
        }
        return text
    }

    /// An example as shown: on one line, at most 60 characters, no backquote.
    private static func shown(_ example: String) -> String {
        let line = example.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "`", with: "'")
        return line.count > 60 ? String(line.prefix(59)) + "…" : line
    }

    /// Every dotted path of `tree`.
    static func paths(_ tree: KeyTree) -> Set<String> {
        var found = Set<String>()
        func walk(_ node: KeyTree, _ path: String) {
            for (key, child) in node.children {
                let full = path.isEmpty ? key : path + "." + key
                found.insert(full)
                walk(child, full)
            }
        }
        walk(tree, "")
        return found
    }
}
