import VinhDanhContent
import VinhDanhIndex
import VinhDanhSupport
import VinhDanhText

/// `check`'s look at a site's own templates (`site-templates/`): every name a template
/// looks up must be one its context offers, or it renders as nothing without a word
/// (`{{titel}}`). The names offered are those of the contexts the templates were really
/// rendered with (``ContextRecorder``); a partial is offered those of every template that
/// includes it, at any level (it may be included inside a section), so a name is missed
/// there only when no level has it.
///
/// Not covered: names after a `{{=<% %>=}}` delimiter change (``TemplateTag``), swift-mustache's
/// transforms (`{{uppercase(name)}}`), and sections of a list no page had an item of (its
/// items' names are not known, so nothing inside is reported).
package enum TemplateCheck {
    /// Warnings for the site's own templates (none when it overrides no template):
    /// renders every page of `site` with `theme`, noting each template's context, then
    /// checks each site template against the contexts of the templates that use it.
    package static func warnings(site: Site, index: SiteIndex, theme: Theme) -> [Diagnostic] {
        let paths = site.paths
        var files: [(name: String, shown: String, text: String)] = []
        for folder in ["layouts", "partials"] {
            for file in FileIO.listFiles(under: paths.templates + "/" + folder, suffix: ".mustache") {
                let shown = paths.relative(paths.templates) + "/\(folder)/\(file)"
                guard case .success(let text) = FileIO.readText(paths.templates + "/\(folder)/\(file)", relative: shown) else { continue }
                files.append((Theme.templateName(folder: folder, file: file), shown, text))
            }
        }
        guard !files.isEmpty else { return [] }
        let recorded = contexts(site: site, index: index, theme: theme)
        var found = files.compactMap { version(of: $0.text, shown: $0.shown) }
        for file in files {
            // What the template is rendered with: its own contexts, and those of every
            // template that includes it, however deep.
            let context = KeyTree()
            var used = false
            for (entry, tree) in recorded where entry == file.name || theme.includes(entry, file.name) {
                // A partial may be included inside a section: it is offered the names
                // of every level of its includer's context.
                if entry == file.name { context.merge(tree) } else { context.merge(tree.flattened()) }
                used = true
            }
            if used { found += unknownNames(in: file.text, shown: file.shown, context: context) }
        }
        return found
    }

    /// A warning when a template says it was written for another version of the template
    /// interface (`{{! vinhdanh-templates: N}}` in its first lines) than this one's.
    static func version(of text: String, shown: String) -> Diagnostic? {
        for (i, line) in text.split(separator: "\n", maxSplits: 5, omittingEmptySubsequences: false).prefix(5).enumerated() {
            guard let range = line.range(of: "vinhdanh-templates:") else { continue }
            let written = Int(line[range.upperBound...].prefix { $0 == " " || $0.isNumber }.trimmingCharacters(in: .whitespacesAndNewlines))
            guard written != TemplateReference.version else { return nil }
            return Diagnostic(file: shown, line: i + 1, severity: .warning, code: .unknownTemplateName,
                              message: "mẫu trang viết cho giao diện mẫu phiên bản \(written.map(String.init) ?? "?"), vinhdanh này dùng phiên bản \(TemplateReference.version)",
                              suggestion: "xem các tên mỗi mẫu trang nhận trong docs/theming.md rồi sửa số phiên bản")
        }
        return nil
    }

    /// The names each template is offered: every page of `site` rendered with `theme`,
    /// each render's context noted under its template's name.
    static func contexts(site: Site, index: SiteIndex, theme: Theme) -> [String: KeyTree] {
        var recording = theme
        let recorder = ContextRecorder()
        recording.recorder = recorder
        let counting = Background { Statistics(site: site) }
        let renderer = SiteRenderer(site: site, index: index, theme: recording, deferringSearchIndex: true,
                                    statistics: { counting.wait() })
        let jobs = renderer.plan()
        _ = Parallel.map(jobs.count) { renderer.render(jobs[$0]).bytes.count }
        return recorder.recorded
    }

    /// The tags of a template's text that look names up or open and close sections and
    /// blocks (partials left out).
    static func tags(in text: String) -> [TemplateTag] {
        TemplateTag.scan(text).filter { $0.sigil != ">" }
    }

    /// A warning for each name in `text` (the site's template `shown`) that `context`
    /// does not offer where it is looked up, with the closest name offered there.
    static func unknownNames(in text: String, shown: String, context: KeyTree) -> [Diagnostic] {
        enum Frame { case section(KeyTree?), inverted, block }
        var stack: [Frame] = [.section(context)]
        var found: [Diagnostic] = []
        /// Where a name leads: found (`tree`, `nil` inside an unknown section, where
        /// anything goes), or not offered, with the names offered where it failed.
        enum Lookup { case found(KeyTree?), missing(part: String, offered: [String]) }
        func resolve(_ name: String) -> Lookup {
            let parts = name.split(separator: ".").map(String.init)
            guard let head = parts.first else { return .found(nil) }
            var offered: [String] = []
            for frame in stack.reversed() {
                guard case .section(let node) = frame else { continue }
                guard let node else { return .found(nil) }
                guard var found = node.children[head] else {
                    // Innermost first: a tie goes to the nearest section's name.
                    offered += node.children.keys.sorted().filter { !offered.contains($0) }
                    continue
                }
                for part in parts.dropFirst() {
                    guard let next = found.children[part] else { return .missing(part: part, offered: found.children.keys.sorted()) }
                    found = next
                }
                return .found(found)
            }
            return .missing(part: head, offered: offered)
        }
        for tag in tags(in: text) {
            switch tag.sigil {
            case "/":
                if stack.count > 1 { stack.removeLast() }
                continue
            case "$", "<":
                stack.append(.block)
                continue
            default: break
            }
            var opened: KeyTree? = nil
            switch tag.name == "." ? .found(nil) : resolve(tag.name) {
            case .found(let tree): opened = tree
            case .missing(let part, let offered):
                let near = offered.enumerated().min { (EditDistance.between(part, $0.element), $0.offset) < (EditDistance.between(part, $1.element), $1.offset) }?.element
                let close = near.flatMap { EditDistance.between(part, $0) <= max(2, part.count / 3) ? $0 : nil }
                let written = tag.name.split(separator: ".").map(String.init)
                let suggestion = close.map { name in
                    "có phải ý bạn là {{" + (written.firstIndex(of: part).map { (written[..<$0] + [name]).joined(separator: ".") } ?? name) + "}}?"
                }
                found.append(Diagnostic(file: shown, line: tag.line, column: tag.column, severity: .warning, code: .unknownTemplateName,
                                        message: "mẫu trang dùng “\(tag.name)” mà trang không có giá trị này: chỗ đó sẽ trống",
                                        suggestion: suggestion ?? "các tên dùng được ở đây: " + offered.prefix(12).joined(separator: ", ")))
            }
            switch tag.sigil {
            case "#": stack.append(.section(opened))
            case "^": stack.append(.inverted)
            default: break
            }
        }
        return found
    }
}
