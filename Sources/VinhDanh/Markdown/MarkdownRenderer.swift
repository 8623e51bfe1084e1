import CCmarkGFM
import Foundation
import VinhDanhSupport
import VinhDanhText

/// GitHub-flavoured Markdown to HTML through cmark-gfm, always in safe mode: raw HTML
/// is dropped and `javascript:`/`vbscript:`/`data:` links are emptied.
///
/// Safe to call from many threads: parsing is serialised (see ``parseLock``), rendering
/// runs in parallel.
public struct MarkdownRenderer: Sendable {
    /// The version of the cmark-gfm library linked (`0.29.0.gfm.6`), for `--version`.
    public static var libraryVersion: String { String(cString: cmark_version_string()) }

    /// What a render produced.
    public struct Output: Sendable, Equatable {
        /// The HTML.
        public var html: String
        /// Headings in order: level, text and the id given to them.
        public var headings: [Heading]
    }

    /// A heading of the rendered document.
    public struct Heading: Sendable, Equatable {
        public var level: Int
        public var text: String
        public var id: String
    }

    /// Extensions attached to every parser.
    static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]
    // Table alignment as style attributes: the `align` attribute is obsolete HTML.
    static let options = CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES | CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE | CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES

    /// Registering the core extensions is not thread-safe; a `static let` runs it once.
    private static let registered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    /// cmark-gfm's inline parser edits a process-wide special-character table when
    /// strikethrough or autolink is attached, so concurrent parses lose `<del>` and links.
    /// Parsing is a small part of the cost; rendering stays parallel.
    private static let parseLock = NSLock()

    /// Root path prefixed to root-relative links (`/ho-so/x/` → `/sub/ho-so/x/`).
    let rootPath: String

    /// Heading ids by heading text: the same headings ("Thành tích nổi bật") recur in
    /// thousands of profiles. At most 4,096 texts are kept, so a site whose headings all
    /// differ costs no more than that.
    private let headingSlugs = Memo<String, String>(limit: 4096)

    /// Creates a renderer whose root-relative links are rebased on `rootPath`.
    public init(rootPath: String = "/") {
        _ = Self.registered
        self.rootPath = rootPath
    }

    /// Renders `markdown` (NFC text) to HTML, giving each heading a stable id.
    public func render(_ markdown: String) -> Output {
        let options = Int32(Self.options)
        Self.parseLock.lock()
        guard let parser = cmark_parser_new(options) else {
            Self.parseLock.unlock()
            return Output(html: "", headings: [])
        }
        for name in Self.extensionNames {
            if let ext = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, ext)
            }
        }
        var source = markdown
        source.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
        }
        let document = cmark_parser_finish(parser)
        Self.parseLock.unlock()
        defer {
            cmark_node_free(document)
            cmark_parser_free(parser)
        }
        let headings = headings(of: document)
        var html = ""
        if let rendered = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser)) {
            html = rendered.withMemoryRebound(to: UInt8.self, capacity: 1) { start in
                Self.addHeadingIDs(UnsafeBufferPointer(start: start, count: strlen(rendered)), headings)
            }
            free(rendered)
        }
        if rootPath != "/" { html = Self.rebase(html, on: rootPath) }
        return Output(html: html, headings: headings)
    }

    private func headings(of document: OpaquePointer?) -> [Heading] {
        var result: [Heading] = []
        var used: [String: Int] = [:]
        guard let iterator = cmark_iter_new(document) else { return [] }
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator),
                  cmark_node_get_type(node) == CMARK_NODE_HEADING else { continue }
            let text = Self.plainText(of: node)
            var id = headingSlugs.value(for: text) { Slug.make(text) }
            if id.isEmpty { id = "muc" }
            let count = used[id, default: 0] + 1
            used[id] = count
            if count > 1 { id += "-\(count)" }
            result.append(Heading(level: Int(cmark_node_get_heading_level(node)), text: text, id: id))
        }
        return result
    }

    private static func plainText(of node: OpaquePointer) -> String {
        var text = ""
        var child = cmark_node_first_child(node)
        while let current = child {
            if let literal = cmark_node_get_literal(current) { text += String(cString: literal) }
            text += plainText(of: current)
            child = cmark_node_next(current)
        }
        return text
    }

    /// cmark renders headings as bare `<hN>`; safe mode would blank an HTML node we
    /// inserted, so ids are added to the output. Escaped text can never contain `<h`.
    /// Works on cmark's bytes, so the page is decoded into a `String` once.
    static func addHeadingIDs(_ html: UnsafeBufferPointer<UInt8>, _ headings: [Heading]) -> String {
        guard !headings.isEmpty else { return String(decoding: html, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(html.count + headings.count * 24)
        var position = 0
        for heading in headings {
            let tag = Array("<h\(heading.level)>".utf8)
            guard let found = find(tag, in: html, from: position) else { break }
            out.append(contentsOf: html[position..<found])
            out.append(contentsOf: "<h\(heading.level) id=\"\(heading.id)\">".utf8)
            position = found + tag.count
        }
        out.append(contentsOf: html[position...])
        return String(decoding: out, as: UTF8.self)
    }

    private static func find(_ needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard needle.count <= haystack.count else { return nil }
        var i = start
        while i + needle.count <= haystack.count {
            if haystack[i] == needle[0] && haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }

    /// Prefixes root-relative `href`/`src` values (not protocol-relative `//host`).
    static func rebase(_ html: String, on root: String) -> String {
        let prefix = String(root.dropLast())
        var out = ""
        var rest = Substring(html)
        while let range = rest.firstRange(of: "=\"/") {
            let before = rest[..<range.lowerBound]
            out += rest[..<range.upperBound].dropLast()
            let after = rest[range.upperBound...]
            if (before.hasSuffix(" href") || before.hasSuffix(" src")) && !after.hasPrefix("/") {
                out += prefix
            }
            out += "/"
            rest = after
        }
        out += rest
        return out
    }
}
