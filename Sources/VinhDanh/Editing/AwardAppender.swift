/// Adds an award to an existing profile file by editing its text, so the editor's body,
/// field order, comments, indentation, BOM and line ends all stay as they were.
enum AwardAppender {
    /// `text` (LF line ends) with `award` added at the end of its `awards:` list.
    static func append(_ award: ProfileDraft.Award, to text: String, path: String) -> Result<String, InputProblem> {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.first?.trimmingTrailingSpaces == "---",
              let closing = lines.indices.dropFirst().first(where: { lines[$0].trimmingTrailingSpaces == "---" }) else {
            return .failure(InputProblem(field: path, message: "không tìm thấy phần khai báo đầu tệp để thêm khen thưởng"))
        }
        func item(indent: String) -> [String] {
            YAMLText.reindented(YAMLText.award(type: award.type.key, year: award.year, decision: award.decision), to: indent)
        }
        guard let key = (1..<closing).first(where: { lines[$0].hasPrefix("awards:") }) else {
            lines.insert(contentsOf: ["awards:"] + item(indent: "  "), at: closing)
            return .success(lines.joined(separator: "\n"))
        }
        let rest = lines[key].dropFirst("awards:".count).trimmingCharacters(in: " \t")
        if rest == "[]" {
            lines[key] = "awards:"
            lines.insert(contentsOf: item(indent: "  "), at: key + 1)
            return .success(lines.joined(separator: "\n"))
        }
        guard rest.isEmpty || rest.hasPrefix("#") else {
            return .failure(InputProblem(field: path, message: "danh sách `awards` viết trên một dòng, không tự thêm được",
                                         suggestion: "viết mỗi khen thưởng một mục `- type: …` trên các dòng riêng rồi nhập lại"))
        }
        // The block runs until the next top-level line; insert after its last non-blank line.
        var end = key + 1
        var last = key
        var indent = "  "
        var sawItem = false
        while end < closing {
            let line = lines[end]
            if let first = line.first, first != " ", first != "\t", first != "-" { break }
            if !line.allSatisfy({ $0 == " " || $0 == "\t" }) { last = end }
            if !sawItem, let dash = line.firstIndex(of: "-"), line[..<dash].allSatisfy({ $0 == " " }) {
                indent = String(line[..<dash])
                sawItem = true
            }
            end += 1
        }
        lines.insert(contentsOf: item(indent: indent), at: last + 1)
        return .success(lines.joined(separator: "\n"))
    }
}

extension String {
    var trimmingTrailingSpaces: String {
        var text = self
        while let last = text.last, last == " " || last == "\t" { text.removeLast() }
        return text
    }
}

extension Substring {
    func trimmingCharacters(in characters: String) -> String {
        var text = self
        while let first = text.first, characters.contains(first) { text.removeFirst() }
        while let last = text.last, characters.contains(last) { text.removeLast() }
        return String(text)
    }
}
