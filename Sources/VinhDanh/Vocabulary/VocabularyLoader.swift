import VinhDanhSupport
import VinhDanhText

/// Reads `content/vocab/<kind>.yaml`: a YAML list of entries in display order.
public enum VocabularyLoader {
    static let knownFields: Set<String> = ["key", "name", "aliases", "level", "recipients", "description", "order", "source",
                                           "from", "until", "province"]

    /// Parses the text of a vocabulary file at site-relative `path`.
    public static func parse(_ text: String, path: String, kind: Vocabulary.Kind) -> (Vocabulary, [Diagnostic]) {
        let document: YAMLDocument
        switch YAMLDocument.parse(text, file: path, firstLine: 1) {
        case .success(let parsed): document = parsed
        case .failure(let diagnostic): return (Vocabulary(kind: kind, entries: []), [diagnostic])
        }
        var r = FieldReader(document: document)
        guard let list = document.root?.sequence else {
            r.report(document.root, .badVocabulary, "tệp danh mục phải là một danh sách, mỗi mục bắt đầu bằng `- key: …`")
            return (Vocabulary(kind: kind, entries: []), r.diagnostics)
        }
        var entries: [VocabularyEntry] = []
        var keys: [String: Int] = [:]
        for item in list {
            guard let mapping = item.mapping else {
                r.report(item, .badVocabulary, "mỗi mục của danh mục phải có `key:` và `name:`")
                continue
            }
            var entry = VocabularyEntry(key: "", name: "", line: r.document.position(of: item).line)
            for (name, key, value) in r.pairs(of: mapping) {
                switch name {
                case "key": entry.key = r.text(value, field: name) ?? ""
                case "name": entry.name = r.text(value, field: name) ?? ""
                case "aliases": entry.aliases = r.textList(value, field: name).map(\.text)
                case "description": entry.description = r.text(value, field: name)
                case "level": entry.level = r.text(value, field: name)
                case "recipients":
                    for (written, node) in r.textList(value, field: name) {
                        if let recipient = SubjectKind(text: written) { entry.recipients.append(recipient) } else {
                            r.report(node, .badVocabulary, "đối tượng “\(written)” không hợp lệ",
                                     suggestion: "dùng individual, collective hoặc household")
                        }
                    }
                case "from", "until":
                    guard let text = r.text(value, field: name) else { continue }
                    guard let date = CalendarDate(parsing: text) else {
                        r.report(value, .badVocabulary, "ngày “\(text)” không hợp lệ", suggestion: "viết dạng YYYY-MM-DD, ví dụ 2025-06-30")
                        continue
                    }
                    if name == "from" { entry.from = date } else { entry.until = date }
                case "province": entry.province = r.text(value, field: name)
                case "order", "source": continue
                default:
                    r.report(key, .unknownField, "trường “\(name)” của danh mục không được hỗ trợ", severity: .warning)
                }
            }
            if !Slug.isValid(entry.key) {
                r.report(item, .badVocabulary, "mục danh mục có `key` “\(entry.key)” không hợp lệ",
                         suggestion: "key là chữ thường không dấu nối bằng gạch ngang, ví dụ \(Slug.make(entry.name))")
                continue
            }
            if entry.name.isEmpty {
                r.report(item, .badVocabulary, "mục “\(entry.key)” thiếu tên hiển thị (`name`)")
                continue
            }
            if let firstLine = keys[entry.key] {
                r.report(item, .badVocabulary, "key “\(entry.key)” bị trùng (đã có ở dòng \(firstLine))")
                continue
            }
            keys[entry.key] = entry.line
            entries.append(entry)
        }
        return (Vocabulary(kind: kind, entries: entries), r.diagnostics)
    }
}
