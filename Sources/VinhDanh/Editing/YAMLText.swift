/// Writing YAML values by hand for files editors will read and edit: plain where that is
/// safe, double-quoted otherwise.
enum YAMLText {
    /// Characters that may not start a plain scalar.
    private static let indicators: Set<Character> = ["-", "?", ":", ",", "[", "]", "{", "}", "#", "&", "*", "!", "|", ">", "'", "\"", "%", "@", "`"]
    /// Words YAML would read as something other than text.
    private static let reserved: Set<String> = ["true", "false", "yes", "no", "on", "off", "null", "~"]

    /// `text` as a YAML scalar: plain (`Nguyễn Văn An`) when it reads back as the same
    /// string, else double-quoted with `\` and `"` escaped.
    static func scalar(_ text: String) -> String {
        let plainIsSafe = !text.isEmpty
            && !indicators.contains(text.first ?? " ")
            && text.first?.isWhitespace == false && text.last?.isWhitespace == false
            && !text.contains(": ") && !text.contains(" #") && !text.hasSuffix(":")
            && !text.contains(where: { $0.isNewline || $0 == "\t" })
            && !reserved.contains(text.lowercased())
            && Double(text) == nil && Int(text) == nil
        if plainIsSafe { return text }
        var quoted = "\""
        // By scalar: `\r\n` is one Character, and must come out as `\r\n` escaped.
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": quoted += "\\\\"
            case "\"": quoted += "\\\""
            case "\n": quoted += "\\n"
            case "\r": quoted += "\\r"
            case "\t": quoted += "\\t"
            default: quoted.unicodeScalars.append(scalar)
            }
        }
        return quoted + "\""
    }

    /// A flow list of plain keys: `[a, b]`.
    static func keyList(_ keys: [String]) -> String {
        "[" + keys.joined(separator: ", ") + "]"
    }

    /// The lines of one award item under `awards:`, each ending in a newline, indented
    /// by two spaces (a file's own indent replaces them: ``reindented(_:to:)``).
    static func award(type: String, year: Int?, date: String? = nil, decision: String?) -> String {
        var lines = "  - type: \(type)\n"
        if let year { lines += "    year: \(year)\n" }
        if let date, !date.isEmpty { lines += "    date: \(scalar(date))\n" }
        if let decision, !decision.isEmpty { lines += "    decision: \(scalar(decision))\n" }
        return lines
    }

    /// The lines of ``award(type:year:date:decision:)`` at `indent` instead of two spaces.
    static func reindented(_ award: String, to indent: String) -> [String] {
        award.split(separator: "\n").map { indent + String($0.dropFirst(2)) }
    }
}
