import Foundation
import Mustache
import VinhDanhTheme

/// The templates and assets a build uses: the default theme, overridden file by file by
/// the site's own `site-templates/`.
public struct Theme: Sendable {
    /// Templates by name (`layout-profile`, `base`, …: see ``templateName(folder:file:)``).
    public let library: MustacheLibrary
    /// Asset files: path relative to `assets/` → absolute source path.
    public let assets: [(relative: String, source: String)]
    /// Each template's source hash and the partials it includes (`{{>x}}`, `{{<x}}`).
    let sources: [String: (hash: ContentHash, includes: [String])]

    /// Loads the default theme (`defaultDirectory`) under the site's `overrideDirectory`.
    /// Parse errors come back as diagnostics naming the file, line and column.
    public static func load(defaultDirectory: String?, overrideDirectory: String, sitePaths: SitePaths) -> (Theme?, [Diagnostic]) {
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
                                     message: "không tìm thấy giao diện mặc định (site-templates)",
                                     suggestion: "cài lại vinhdanh, hoặc đặt biến môi trường VINHDANH_THEME trỏ tới thư mục site-templates")])
        }
        var library = MustacheLibrary()
        var diagnostics: [Diagnostic] = []
        var hashes: [String: (hash: ContentHash, includes: [String])] = [:]
        for (name, path) in sources.sorted(by: { $0.key < $1.key }) {
            let shown = sitePaths.relative(path)
            guard case .success(let text) = SiteLoader.readText(path, relative: shown) else {
                diagnostics.append(Diagnostic(file: shown, code: .badTemplate, message: "không đọc được mẫu trang"))
                continue
            }
            hashes[name] = (ContentHash(text: text), includes(in: text))
            do {
                library.register(try MustacheTemplate(string: text), named: name)
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.append(Diagnostic(file: shown, line: error.context.lineNumber, column: error.context.columnNumber,
                                              code: .badTemplate, message: "mẫu trang sai cú pháp Mustache (\(error.error))"))
            } catch {
                diagnostics.append(Diagnostic(file: shown, code: .badTemplate, message: "mẫu trang sai cú pháp Mustache (\(error))"))
            }
        }
        if !diagnostics.isEmpty { return (nil, diagnostics) }
        return (Theme(library: library, assets: assets.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }, sources: hashes), [])
    }

    /// The partials a template's text includes or extends: `{{> name}}`, `{{< name}}`.
    static func includes(in text: String) -> [String] {
        var names: [String] = []
        var rest = text[...]
        while let open = rest.range(of: "{{") {
            rest = rest[open.upperBound...]
            guard let sigil = rest.first, sigil == ">" || sigil == "<", let close = rest.range(of: "}}") else { continue }
            names.append(rest[rest.index(after: rest.startIndex)..<close.lowerBound].trimmingCharacters(in: .whitespaces))
            rest = rest[close.upperBound...]
        }
        return names
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
        library.render(TemplateValues.wrap(context), withTemplate: name) ?? ""
    }

    /// `render` for a fragment inserted into other templates: the template file's final
    /// newline is dropped, so `{{{x}}}` sits inline where the template puts it.
    func renderFragment(_ name: String, _ context: [String: Any]) -> String {
        let html = render(name, context)
        return html.hasSuffix("\n") ? String(html.dropLast()) : html
    }
}
