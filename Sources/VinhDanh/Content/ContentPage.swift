import VinhDanhSupport
import VinhDanhText

/// A standalone page (`content/pages/<name>.md` → `/<name>/`), such as the about page.
public struct ContentPage: Sendable {
    /// Site-relative source path.
    public var path: String
    /// URL segment (the file name, slugified).
    public var slug: String
    public var title: String
    public var summary: String?
    public var body: String

    static let knownFields: Set<String> = ["title", "summary", "slug"]

    /// Parses a page file; only `title` is required.
    public static func parse(_ text: String, path: String) -> (ContentPage?, [Diagnostic]) {
        guard case .success(let split) = FrontMatter.split(text) else {
            return (nil, [Diagnostic(file: path, code: .missingFrontMatter,
                                     message: "trang không có phần khai báo (giữa hai dòng ---) với `title:`",
                                     suggestion: "thêm ---, `title: Tên trang`, --- ở đầu tệp")])
        }
        let document: YAMLDocument
        switch YAMLDocument.parse(split.yaml, file: path, firstLine: split.yamlLine) {
        case .success(let parsed): document = parsed
        case .failure(let diagnostic): return (nil, [diagnostic])
        }
        var r = FieldReader(document: document)
        let stem = String(path.split(separator: "/").last ?? "").replacingSuffix(".md")
        var page = ContentPage(path: path, slug: Slug.make(stem), title: "", summary: nil, body: split.body)
        for (name, key, value) in r.rootMapping(what: "phần khai báo của trang") ?? [] {
            switch name {
            case "title": page.title = r.text(value, field: name) ?? ""
            case "summary": page.summary = r.text(value, field: name)
            case "slug": page.slug = Slug.make(r.text(value, field: name) ?? page.slug)
            default: r.report(key, .unknownField, "trường “\(name)” của trang không được hỗ trợ", severity: .warning)
            }
        }
        if page.title.isEmpty {
            r.report(document.root, .missingField, "trang thiếu tiêu đề (`title`)")
            return (nil, r.diagnostics)
        }
        return (page, r.diagnostics)
    }
}
