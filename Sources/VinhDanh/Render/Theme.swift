import Foundation
import Mustache
import VinhDanhConfig
import VinhDanhSupport
import VinhDanhTheme

/// The templates and assets a build uses: the default theme, overridden file by file by
/// the site's own `site-templates/`.
public struct Theme: Sendable {
    /// Templates by name (`layout-profile`, `base`, …: see ``templateName(folder:file:)``).
    public let library: MustacheLibrary
    /// Asset files: path relative to `assets/` → absolute source path.
    public let assets: [(relative: String, source: String)]
    /// Each template's source hash, the partials it includes (`{{>x}}`, `{{<x}}`), and
    /// whether it looks up the page it is on (``seesPage(_:)``).
    let sources: [String: (hash: ContentHash, includes: [String], seesPage: Bool)]
    /// When set, notes the context of every render (``TemplateCheck``).
    var recorder: ContextRecorder?

    /// Loads the default theme (`defaultDirectory`) under the site's `overrideDirectory`.
    /// Parse errors, a `required` template that is missing (the page kinds name theirs)
    /// and a `{{> partial}}` that does not exist come back as diagnostics naming the file,
    /// line and column: none of them renders an empty page.
    public static func load(defaultDirectory: String?, overrideDirectory: String, sitePaths: SitePaths,
                            required: [String] = []) -> (Theme?, [Diagnostic]) {
        _ = HTMLEscaping.registered
        var sources: [String: String] = [:]   // name → absolute path
        var assets: [String: String] = [:]
        for directory in [defaultDirectory, overrideDirectory].compactMap({ $0 }) where FileIO.isDirectory(directory) {
            for folder in ["layouts", "partials"] {
                for file in FileIO.listFiles(under: directory + "/" + folder, suffix: ".mustache") {
                    sources[templateName(folder: folder, file: file)] = directory + "/" + folder + "/" + file
                }
            }
            for file in FileIO.listFiles(under: directory + "/assets", suffix: "") {
                assets[file] = directory + "/assets/" + file
            }
        }
        if sources.isEmpty {
            return (nil, [Diagnostic(file: "site-templates", code: .badTemplate,
                                     message: "không tìm thấy giao diện mặc định của vinhdanh",
                                     suggestion: "cài lại vinhdanh, hoặc đặt biến môi trường VINHDANH_THEME trỏ tới thư mục giao diện (có layouts/, partials/)")])
        }
        var library = MustacheLibrary()
        var diagnostics: [Diagnostic] = []
        var hashes: [String: (hash: ContentHash, includes: [String], seesPage: Bool)] = [:]
        var texts: [(shown: String, text: String)] = []
        for (name, path) in sources.sorted(by: { $0.key < $1.key }) {
            let shown = sitePaths.relative(path)
            guard case .success(let text) = FileIO.readText(path, relative: shown) else {
                diagnostics.append(Diagnostic(file: shown, code: .badTemplate, message: "không đọc được mẫu trang"))
                continue
            }
            let seesPage = lookups(in: text).contains { $0 == "page" || $0.hasPrefix("page.") }
            hashes[name] = (ContentHash(text: text), includes(in: text).map(\.name), seesPage)
            texts.append((shown, text))
            do {
                library.register(try MustacheTemplate(string: text), named: name)
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.append(Diagnostic(file: shown, line: error.context.lineNumber, column: error.context.columnNumber,
                                              code: .badTemplate, message: "mẫu trang sai cú pháp Mustache (\(error.error))"))
            } catch {
                diagnostics.append(Diagnostic(file: shown, code: .badTemplate, message: "mẫu trang sai cú pháp Mustache (\(error))"))
            }
        }
        diagnostics += missing(required, in: sources, sitePaths) + unknownPartials(texts, sources)
        if !diagnostics.isEmpty { return (nil, diagnostics) }
        return (Theme(library: library, assets: assets.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }, sources: hashes), [])
    }

    /// The partials a template's text includes or extends, `{{> name}}` and `{{< name}}`,
    /// each with the line and column of its tag.
    static func includes(in text: String) -> [(name: String, line: Int, column: Int)] {
        TemplateTag.scan(text).filter { $0.sigil == ">" || $0.sigil == "<" }.map { ($0.name, $0.line, $0.column) }
    }

    /// The names a template's text looks up, `{{name}}`, `{{#name}}`, `{{{name}}}`… (not
    /// partials), in order.
    static func lookups(in text: String) -> [String] {
        TemplateTag.scan(text).filter { $0.sigil != ">" && $0.sigil != "<" }.map(\.name)
    }

    /// Whether template `name` includes partial `partial`, however deep.
    func includes(_ name: String, _ partial: String) -> Bool {
        var seen = Set<String>()
        var queue = sources[name]?.includes ?? []
        while let next = queue.popLast() {
            if next == partial { return true }
            guard seen.insert(next).inserted else { continue }
            queue += sources[next]?.includes ?? []
        }
        return false
    }

    /// Whether template `name`, or a partial it includes however deep, looks up the page
    /// it is on (`page`, `page.title`…): a shared part (header, footer…) that does is
    /// rendered for each page rather than once.
    func seesPage(_ name: String) -> Bool {
        var seen = Set<String>()
        var queue = [name]
        while let next = queue.popLast() {
            guard seen.insert(next).inserted, let source = sources[next] else { continue }
            if source.seesPage { return true }
            queue += source.includes
        }
        return false
    }

    /// A template a page kind renders with that neither the site nor the default theme has.
    private static func missing(_ required: [String], in sources: [String: String], _ paths: SitePaths) -> [Diagnostic] {
        Set(required).subtracting(sources.keys).sorted().map { name in
            let file = name.hasPrefix("layout-") ? "layouts/" + name.dropFirst("layout-".count) : "partials/" + name
            return Diagnostic(file: paths.relative(paths.templates) + "/\(file).mustache", code: .badTemplate,
                              message: "thiếu mẫu trang \(file).mustache, mà trang web cần",
                              suggestion: "chép lại tệp này từ giao diện mặc định của vinhdanh (thư mục theme/ của mã nguồn)")
        }
    }

    /// Each `{{> name}}` or `{{< name}}` whose partial does not exist, at its tag.
    private static func unknownPartials(_ texts: [(shown: String, text: String)], _ sources: [String: String]) -> [Diagnostic] {
        let partials = sources.keys.filter { !$0.hasPrefix("layout-") }.sorted()
        var found: [Diagnostic] = []
        for (shown, text) in texts {
            for include in includes(in: text) where sources[include.name] == nil {
                // The partials whose names share the longest start with the one written.
                let shared = { (a: String) in zip(a, include.name).prefix { $0 == $1 }.count }
                let best = partials.map(shared).max() ?? 0
                let close = partials.filter { best > 0 && shared($0) == best }.prefix(3)
                found.append(Diagnostic(file: shown, line: include.line, column: include.column, code: .badTemplate,
                                        message: "mẫu trang gọi partial “\(include.name)” nhưng không có partials/\(include.name).mustache",
                                        suggestion: close.isEmpty ? nil : "có phải " + close.map { "{{> \($0)}}" }.joined(separator: " hay ") + "?"))
            }
        }
        return found
    }

    /// The hash of templates `names` and of every partial they include, however deep: what
    /// a page rendered with them depends on.
    func inputs(of names: [String]) -> ContentHash {
        var seen = Set<String>()
        var queue = names
        while let name = queue.popLast() {
            guard seen.insert(name).inserted else { continue }
            queue += sources[name]?.includes ?? []
        }
        var hasher = InputHasher()
        for name in seen.sorted() {
            hasher.add(name)
            hasher.add(sources[name]?.hash ?? ContentHash(high: 0, low: 0))
        }
        return hasher.hash
    }

    /// Partials are named by their path under `partials/` (`base`, `profile-card`) so
    /// templates can close `{{<base}}…{{/base}}` (Mustache section names cannot hold `/`);
    /// layouts are `layout-<name>`.
    static func templateName(folder: String, file: String) -> String {
        let stem = file.replacingSuffix(".mustache")
        return folder == "partials" ? stem : "layout-" + stem
    }

    /// The default theme's folder, wherever `vinhdanh` was installed.
    public static var defaultDirectory: String? { DefaultTheme.directory()?.path }

    /// Renders template `name` with `context`; a missing template renders as empty.
    /// The context is first converted to ``TemplateValues`` (same output, fewer casts).
    func render(_ name: String, _ context: [String: Any]) -> String {
        recorder?.note(name, context)
        return library.render(TemplateValues.wrap(context), withTemplate: name) ?? ""
    }

    /// Renders template `name` with `view`.
    func render(_ name: String, _ view: some TemplateView) -> String { render(name, view.values) }

    /// `renderFragment` with `view`.
    func renderFragment(_ name: String, _ view: some TemplateView) -> String { renderFragment(name, view.values) }

    /// `render` for a fragment inserted into other templates: the template file's final
    /// newline is dropped, so `{{{x}}}` sits inline where the template puts it.
    func renderFragment(_ name: String, _ context: [String: Any]) -> String {
        let html = render(name, context)
        return html.hasSuffix("\n") ? String(html.dropLast()) : html
    }
}
