import Yams

/// Reads typed values out of a YAML mapping, turning every mismatch into a diagnostic
/// with the value's line in the file (Yams' own type errors carry no position).
package struct FieldReader {
    package let document: YAMLDocument
    package private(set) var diagnostics: [Diagnostic] = []

    package init(document: YAMLDocument) {
        self.document = document
    }

    package mutating func report(_ node: Node?, _ code: DiagnosticCode, _ message: String,
                                 suggestion: String? = nil, severity: Diagnostic.Severity = .error) {
        let (line, column) = document.position(of: node)
        diagnostics.append(Diagnostic(file: document.file, line: line, column: column, severity: severity,
                                      code: code, message: message, suggestion: suggestion))
    }

    /// The root as a mapping of field name → (key node, value node); reports anything else.
    package mutating func rootMapping(what: String) -> [(name: String, key: Node, value: Node)]? {
        guard let root = document.root else {
            report(nil, .missingField, "\(what) trống")
            return nil
        }
        guard let mapping = root.mapping else {
            report(root, .wrongType, "\(what) phải là các dòng dạng `tên: giá trị`")
            return nil
        }
        return pairs(of: mapping)
    }

    package func pairs(of mapping: Node.Mapping) -> [(name: String, key: Node, value: Node)] {
        mapping.map { (name: $0.key.scalar?.string ?? "", key: $0.key, value: $0.value) }
    }

    /// A text value; a number or a date written bare counts as text. Empty → `nil`.
    package mutating func text(_ node: Node, field: String) -> String? {
        guard let scalar = node.scalar else {
            report(node, .wrongType, "trường `\(field)` phải là một giá trị văn bản, không phải danh sách hay nhóm",
                   suggestion: "viết `\(field): giá trị` trên một dòng")
            return nil
        }
        let value = scalar.string.trimmedWhitespace
        if scalar.style == .plain, ["~", "null", "Null", "NULL", ""].contains(value) { return nil }
        return value
    }

    /// A list of text values; one bare value counts as a list of one.
    package mutating func textList(_ node: Node, field: String) -> [(text: String, node: Node)] {
        if node.scalar != nil {
            return text(node, field: field).map { [($0, node)] } ?? []
        }
        guard let sequence = node.sequence else {
            report(node, .wrongType, "trường `\(field)` phải là một danh sách",
                   suggestion: "viết `\(field): [a, b]` hoặc mỗi mục một dòng bắt đầu bằng `- `")
            return []
        }
        var result: [(String, Node)] = []
        for item in sequence {
            if let value = text(item, field: field), !value.isEmpty { result.append((value, item)) }
        }
        return result
    }

    /// A whole number.
    package mutating func integer(_ node: Node, field: String) -> Int? {
        guard let value = text(node, field: field) else { return nil }
        guard let number = Int(value) else {
            report(node, .wrongType, "trường `\(field)` phải là một số nguyên, không phải “\(value)”")
            return nil
        }
        return number
    }
}

extension String {
    /// The text without leading and trailing whitespace (Unicode's definition).
    package var trimmedWhitespace: String {
        // Most values have nothing to trim: check the first and last bytes before looking
        // at Unicode properties (a non-ASCII byte may start or end a space such as U+00A0).
        if let first = utf8.first, let last = utf8.last,
           first > 0x20 && first < 0x80 && last > 0x20 && last < 0x80 {
            return self
        }
        var scalars = Substring(self).unicodeScalars
        while let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
