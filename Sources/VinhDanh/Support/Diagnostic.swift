/// One problem found in the content: where it is, how bad, and what to do about it.
///
/// Printed one per line as `path:line:column: error|warning: message — suggestion`, the
/// form editors' tools (VS Code problem matchers) jump to.
public struct Diagnostic: Error, Sendable, Hashable, Codable {
    /// How bad a problem is: errors stop the build, warnings do not.
    public enum Severity: String, Sendable, Codable {
        case error
        case warning
    }

    /// Path relative to the site folder (e.g. `content/profiles/luc-ngan/a.md`).
    public var file: String
    /// 1-based line; 1 when unknown.
    public var line: Int
    /// 1-based column; 1 when unknown.
    public var column: Int
    /// Error or warning.
    public var severity: Severity
    /// Stable identifier of the kind of problem (see ``DiagnosticCode``).
    public var code: DiagnosticCode
    /// What is wrong, in plain Vietnamese.
    public var message: String
    /// What to do about it, when there is something to suggest.
    public var suggestion: String?

    /// Creates a diagnostic.
    public init(
        file: String, line: Int = 1, column: Int = 1, severity: Severity = .error,
        code: DiagnosticCode, message: String, suggestion: String? = nil
    ) {
        self.file = file
        self.line = max(1, line)
        self.column = max(1, column)
        self.severity = severity
        self.code = code
        self.message = message
        self.suggestion = suggestion
    }

    /// The one-line form: `path:line:column: severity: message — suggestion`.
    public var formatted: String {
        var text = "\(file):\(line):\(column): \(severity.rawValue): \(message)"
        if let suggestion, !suggestion.isEmpty { text += " — \(suggestion)" }
        return text
    }
}

extension Diagnostic: Comparable {
    /// Orders by file, then position, so output is stable whatever order threads finish in.
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        (lhs.file, lhs.line, lhs.column, lhs.message) < (rhs.file, rhs.line, rhs.column, rhs.message)
    }
}
