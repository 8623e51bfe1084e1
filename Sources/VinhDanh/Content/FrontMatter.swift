/// A Markdown file cut into its YAML front matter and its body, with the line numbers
/// needed to point editors at the right line of the *file*.
public struct FrontMatter: Sendable, Equatable {
    /// The YAML between the fences (without them).
    public var yaml: String
    /// File line of the first YAML line (the line after the opening `---`).
    public var yamlLine: Int
    /// The Markdown after the closing fence.
    public var body: String
    /// File line of the first body line.
    public var bodyLine: Int

    /// Why a file could not be split.
    public enum Failure: Error, Equatable, Sendable {
        /// The first line is not `---`.
        case missingOpening
        /// No closing `---` line; `openingLine` is where the block started.
        case unclosed(openingLine: Int)
    }

    /// Splits `text` (already LF-only). Fences are whole lines holding exactly `---`
    /// (trailing spaces allowed), never a `---` inside a value.
    public static func split(_ text: String) -> Result<FrontMatter, Failure> {
        let utf8 = text.utf8
        var lineCount = 0
        var lineStart = utf8.startIndex
        var index = utf8.startIndex
        var openingEnd: String.Index?
        // Scan line by line; stop at the closing fence so a long body is not split up.
        while index <= utf8.endIndex {
            let atEnd = index == utf8.endIndex
            if atEnd || utf8[index] == UInt8(ascii: "\n") {
                let line = (lineStart, index)
                if lineCount == 0 {
                    guard isFence(text[line.0..<line.1]) else { return .failure(.missingOpening) }
                    openingEnd = atEnd ? index : utf8.index(after: index)
                } else if isFence(text[line.0..<line.1]), let openingEnd {
                    let bodyStart = atEnd ? index : utf8.index(after: index)
                    return .success(FrontMatter(
                        yaml: String(text[openingEnd..<line.0]),
                        yamlLine: 2,
                        body: String(text[bodyStart...]),
                        bodyLine: lineCount + 2
                    ))
                }
                lineCount += 1
                if atEnd { break }
                lineStart = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        return .failure(.unclosed(openingLine: 1))
    }

    /// Whether `line` (without its line end) is a fence: `---`, trailing spaces allowed.
    package static func isFence(_ line: Substring) -> Bool {
        var trimmed = line
        while let last = trimmed.last, last == " " || last == "\t" { trimmed = trimmed.dropLast() }
        return trimmed == "---"
    }
}
