import Yams

/// A parsed YAML block that remembers where it sits in its file, so every diagnostic
/// about it names the line of the *file*, not of the block.
public struct YAMLDocument {
    /// Site-relative path of the file.
    public let file: String
    /// File line of the block's first line.
    public let firstLine: Int
    /// The root node (`nil` for an empty block).
    public let root: Node?

    /// Largest YAML block accepted; a profile's front matter is a few hundred bytes.
    public static let maximumBytes = 256 * 1024

    /// Parses `yaml`, refusing anchors and aliases (a few lines of them can expand to
    /// gigabytes) and oversized blocks. Problems come back as diagnostics.
    public static func parse(_ yaml: String, file: String, firstLine: Int) -> Result<YAMLDocument, Diagnostic> {
        if yaml.utf8.count > maximumBytes {
            return .failure(Diagnostic(
                file: file, line: firstLine, code: .tooLarge,
                message: "phần khai báo đầu tệp quá lớn (\(yaml.utf8.count / 1024) KiB)",
                suggestion: "giữ phần giữa hai dòng --- dưới \(maximumBytes / 1024) KiB; đưa nội dung dài xuống phần thân"))
        }
        do {
            // Told its encoding, the parser skips an 18 µs environment lookup per call.
            let parser = try Parser(yaml: yaml, resolver: .basic, constructor: .default, encoding: .utf8)
            let root = try parser.singleRoot()
            // Anchors are weak references owned by the parser: check while it is alive.
            // Without a `&` or `*` anywhere in the text there is neither an anchor nor an
            // alias, and the walk over every node is skipped.
            let mayHaveAnchors = yaml.utf8.contains { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "*") }
            let anchored = mayHaveAnchors ? withExtendedLifetime(parser) { root.flatMap(firstAnchored) } : nil
            if let anchored {
                let line = firstLine + (anchored.mark?.line ?? 1) - 1
                return .failure(Diagnostic(
                    file: file, line: line, column: anchored.mark?.column ?? 1, code: .yamlAlias,
                    message: "không dùng neo/bí danh YAML (& và *) trong hồ sơ",
                    suggestion: "viết đầy đủ giá trị; nếu giá trị bắt đầu bằng * hoặc &, hãy đặt nó trong ngoặc kép"))
            }
            return .success(YAMLDocument(file: file, firstLine: firstLine, root: root))
        } catch let error as YamlError {
            return .failure(diagnostic(for: error, file: file, firstLine: firstLine))
        } catch {
            return .failure(Diagnostic(file: file, line: firstLine, code: .yamlSyntax,
                                       message: "không đọc được YAML: \(error)"))
        }
    }

    private static func firstAnchored(_ node: Node) -> Node? {
        if node.anchor != nil { return node }
        switch node {
        case .alias: return node
        case .scalar: return nil
        case .sequence(let sequence): return sequence.lazy.compactMap(firstAnchored).first
        case .mapping(let mapping):
            for (key, value) in mapping {
                if let found = firstAnchored(key) ?? firstAnchored(value) { return found }
            }
            return nil
        }
    }

    private static func diagnostic(for error: YamlError, file: String, firstLine: Int) -> Diagnostic {
        let suggestion = "kiểm tra thụt lề và dấu hai chấm; giá trị có dấu hai chấm (:), dấu # hoặc bắt đầu bằng ký tự đặc biệt cần đặt trong ngoặc kép"
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return Diagnostic(file: file, line: firstLine + mark.line - 1, column: mark.column, code: .yamlSyntax,
                              message: "lỗi cú pháp YAML (\(problem))", suggestion: suggestion)
        default:
            return Diagnostic(file: file, line: firstLine, code: .yamlSyntax,
                              message: "lỗi cú pháp YAML (\(error))", suggestion: suggestion)
        }
    }

    /// File line and column of `node`.
    public func position(of node: Node?) -> (line: Int, column: Int) {
        guard let mark = node?.mark else { return (firstLine, 1) }
        return (firstLine + mark.line - 1, mark.column)
    }
}
