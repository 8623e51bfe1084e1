import VinhDanhContent
import Yams

/// A profile file's bytes cut into lines, with the lines each top-level key of its front
/// matter spans (and each item of a block `awards:` list), so that an edit replaces the
/// lines of the fields it changes and leaves every other byte as it was: comments, key
/// order, unknown keys, quoting, BOM, line ends, and the body.
struct FrontMatterLayout {
    /// Each line's bytes with its own line end (the last may have none).
    var lines: [[UInt8]]
    /// Whether the file starts with a UTF-8 BOM (kept, not part of `lines`).
    let hasBOM: Bool
    /// The line end new lines get: the first line's (`\r\n` for a file saved on Windows).
    let lineEnd: [UInt8]
    /// Index in `lines` of the closing `---`.
    let closing: Int
    /// Each top-level key in file order, with the lines it spans: from its own line to
    /// the next key's, less the blank and comment lines before that key (they stay).
    let keys: [(name: String, lines: Range<Int>)]
    /// The lines of each item of a block `awards:` list (`nil` when the list is written
    /// on one line or there is none), each with the comment and blank lines before it;
    /// lines before the first item stay with the key.
    let awardItems: [Range<Int>]?
    /// The front matter as parsed.
    let root: Node.Mapping

    /// Why a file cannot be edited in place.
    enum Failure: Error, Equatable {
        /// Not `---` … `---` with a block mapping between (or not UTF-8, or old Mac line ends).
        case notAProfile(String)
    }

    /// Cuts `bytes` up. Fails on what only a text editor should touch: a flow mapping
    /// (`{…}`) at the top, the same key twice, lone CR line ends.
    static func read(_ bytes: [UInt8]) -> Result<FrontMatterLayout, Failure> {
        var bytes = bytes[...]
        let hasBOM = bytes.starts(with: [0xEF, 0xBB, 0xBF])
        if hasBOM { bytes = bytes.dropFirst(3) }
        var lines: [[UInt8]] = []
        var start = bytes.startIndex
        for index in bytes.indices where bytes[index] == 0x0A {
            lines.append(Array(bytes[start...index]))
            start = index + 1
        }
        if start < bytes.endIndex { lines.append(Array(bytes[start...])) }
        // A CR is allowed only as part of a CRLF line end.
        if lines.contains(where: { line in line.dropLast(line.ends(with: [0x0D, 0x0A]) ? 2 : line.last == 0x0A ? 1 : 0).contains(0x0D) }) {
            return .failure(.notAProfile("tệp dùng kiểu xuống dòng CR cũ"))
        }
        guard let first = lines.first, FrontMatter.isFence(Substring(text(first))),
              let closing = lines.indices.dropFirst().first(where: { FrontMatter.isFence(Substring(text(lines[$0]))) }) else {
            return .failure(.notAProfile("không tìm thấy phần khai báo đầu tệp (giữa hai dòng ---)"))
        }
        guard let yaml = String(validating: lines[1..<closing].joined().filter { $0 != 0x0D }, as: UTF8.self) else {
            return .failure(.notAProfile("tệp không phải UTF-8"))
        }
        let root: Node.Mapping
        do {
            guard let node = try Yams.compose(yaml: yaml), case .mapping(let mapping) = node, mapping.style != .flow else {
                return .failure(.notAProfile("phần khai báo đầu tệp không phải danh sách khóa: giá trị"))
            }
            root = mapping
        } catch let error as YamlError {
            // The file's line: YAML line n is file line n + 1.
            let line: Int? = switch error {
            case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): mark.line + 1
            default: nil
            }
            return .failure(.notAProfile("phần khai báo đầu tệp sai cú pháp YAML" + (line.map { " (dòng \($0))" } ?? "")))
        } catch {
            return .failure(.notAProfile("phần khai báo đầu tệp sai cú pháp YAML"))
        }
        // YAML line n (1-based) is file line index n: line 0 is the opening fence.
        var starts: [(name: String, line: Int, isBlockText: Bool)] = []
        for (key, value) in root {
            guard let name = key.string, let mark = key.mark else { continue }
            if starts.contains(where: { $0.name == name }) {
                return .failure(.notAProfile("khóa “\(name)” có hai lần (dòng \(mark.line + 1))"))
            }
            var isBlockText = false
            if case .scalar(let scalar) = value { isBlockText = scalar.style == .literal || scalar.style == .folded }
            starts.append((name, mark.line, isBlockText))
        }
        // Blank and comment lines before the next key are left to it; not in a block of text
        // (`summary: |`), whose last lines may start with `#`.
        func end(before next: Int, after start: Int, isBlockText: Bool = false) -> Int {
            var end = next
            while !isBlockText, end > start + 1, isBlankOrComment(lines[end - 1]) { end -= 1 }
            return end
        }
        var keys: [(name: String, lines: Range<Int>)] = []
        for (i, key) in starts.enumerated() {
            let next = i + 1 < starts.count ? starts[i + 1].line : closing
            keys.append((key.name, key.line..<end(before: next, after: key.line, isBlockText: key.isBlockText)))
        }
        var awardItems: [Range<Int>]?
        // A block list: nothing but a comment after `awards:` on its line (Yams reports
        // block lists with the style `any`).
        if case .sequence(let awards)? = root["awards"], awards.style != .flow,
           let range = keys.first(where: { $0.name == "awards" })?.lines,
           text(lines[range.lowerBound]).dropFirst("awards:".count).trimmingCharacters(in: " \t").prefix(1).allSatisfy({ $0 == "#" }) {
            var itemStarts: [Int] = []
            for item in awards {
                guard var line = item.mark?.line else { continue }
                // `-` alone on its line, the item below it.
                if line - 1 > range.lowerBound, text(lines[line - 1]).trimmingCharacters(in: " \t") == "-" { line -= 1 }
                itemStarts.append(line)
            }
            // Each item from the end of the one before (its comments and blank lines go with
            // it); the lines before the first item stay with `awards:`.
            let ends = itemStarts.enumerated().map { i, line in
                end(before: i + 1 < itemStarts.count ? itemStarts[i + 1] : range.upperBound, after: line)
            }
            awardItems = itemStarts.indices.map { i in (i == 0 ? itemStarts[0] : ends[i - 1])..<ends[i] }
        }
        let lineEnd: [UInt8] = first.ends(with: [0x0D, 0x0A]) ? [0x0D, 0x0A] : [0x0A]
        return .success(FrontMatterLayout(lines: lines, hasBOM: hasBOM, lineEnd: lineEnd, closing: closing,
                                          keys: keys, awardItems: awardItems, root: root))
    }

    /// The body's bytes: everything after the closing fence's line.
    var bodyBytes: [UInt8] { lines[(closing + 1)...].flatMap { $0 } }

    /// The lines of key `name`, if the file has it.
    func range(of name: String) -> Range<Int>? {
        keys.first { $0.name == name }?.lines
    }

    /// The indent of the items of the `awards:` list (`  ` when it has none).
    var awardIndent: String {
        guard let first = awardItems?.first else { return "  " }
        return String(Self.text(lines[first.lowerBound]).prefix { $0 == " " })
    }

    /// A line's text, without its line end and trailing spaces.
    static func text(_ line: [UInt8]) -> String {
        var text = String(decoding: line, as: UTF8.self)
        while let last = text.last, last == "\n" || last == "\r" || last == "\r\n" || last == " " || last == "\t" { text.removeLast() }
        return text
    }

    private static func isBlankOrComment(_ line: [UInt8]) -> Bool {
        let trimmed = text(line).trimmingCharacters(in: " \t")
        return trimmed.isEmpty || trimmed.hasPrefix("#")
    }

    /// `text` as lines with this file's line end.
    func encode(_ text: [String]) -> [[UInt8]] {
        text.map { Array($0.utf8) + lineEnd }
    }

    /// The file's bytes with `lines`.
    func bytes(_ lines: [[UInt8]]) -> [UInt8] {
        (hasBOM ? [0xEF, 0xBB, 0xBF] : []) + lines.flatMap { $0 }
    }
}

extension String {
    /// `self` without leading and trailing characters of `characters`.
    func trimmingCharacters(in characters: String) -> String {
        Substring(self).trimmingCharacters(in: characters)
    }
}

extension Array where Element == UInt8 {
    fileprivate func ends(with suffix: [UInt8]) -> Bool {
        count >= suffix.count && self[(count - suffix.count)...].elementsEqual(suffix)
    }
}
