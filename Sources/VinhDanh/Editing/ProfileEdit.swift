import VinhDanhVocabulary
/// A profile file with the fields an editor changed rewritten, and nothing else: each
/// changed key's lines are replaced (written as `new` writes them), a key the file lacked
/// is added after the key before it in ``ProfileFields/keys``, an emptied optional key
/// goes, an award row that did not change keeps its lines (and the comments among them),
/// and the body is replaced only when it changed.
struct ProfileEdit {
    /// The file as read.
    let layout: FrontMatterLayout
    /// The vocabularies' lenient matching, as in `new` and `import`.
    let input: FieldInput

    /// What an edit gives: the new bytes, and what was taken for a value typed as the
    /// start of a name (by field: `bang khen chu tich` → its key), for echoing back.
    struct Result {
        var bytes: [UInt8]
        var notes: [FieldProblem]
        /// Whether any field changed.
        var changed: Bool
    }

    /// The file with `fields` (already ``ProfileFields/cleaned``) in place of what it
    /// holds, or the problems of the values that could not be read.
    func apply(_ fields: ProfileFields) -> Swift.Result<Result, ProfileEditor.Refusal> {
        let old = ProfileFields(layout.root, body: String(decoding: layout.bodyBytes, as: UTF8.self))
            .cleaned
        var edits: [(lines: Range<Int>, with: [[UInt8]])] = []
        var problems: [FieldProblem] = [], notes: [FieldProblem] = []
        for key in ProfileFields.keys {
            let lines: [String]?
            switch key {
            case "movements":
                guard old.movements != fields.movements else { continue }
                var keys: [String] = []
                for movement in fields.movements {
                    switch resolve(movement, in: Vocabulary.Kind.movements, field: key, notes: &notes) {
                    case .success(let entry): keys.append(entry)
                    case .failure(let problem): problems.append(problem)
                    }
                }
                lines = keys.isEmpty ? nil : ["movements: " + YAMLText.keyList(keys)]
            case "awards":
                guard old.awards != fields.awards else { continue }
                switch awardLines(old: old.awards, new: fields.awards, notes: &notes) {
                case .success(let written):
                    edits.append(contentsOf: written)
                case .failure(.problems(let found)): problems += found
                case .failure(.conflict): break
                }
                continue
            default:
                guard let path = ProfileFields.text(key), old[keyPath: path] != fields[keyPath: path] else { continue }
                // `cá nhân` in the file and `individual` from the form are one kind.
                if key == "kind", let kind = SubjectKind(text: fields.kind), SubjectKind(text: old.kind) == kind { continue }
                var value = fields[keyPath: path]
                if key == "kind", !value.isEmpty {
                    switch input.kind(value, field: key) {
                    case .success(let kind): value = kind.rawValue
                    case .failure(let problem): problems.append(FieldProblem(field: key, problem))
                    }
                } else if key == "district", !value.isEmpty {
                    switch resolve(value, in: Vocabulary.Kind.districts, field: key, notes: &notes) {
                    case .success(let entry): value = entry
                    case .failure(let problem): problems.append(problem)
                    }
                }
                // Title and kind stay even when emptied, so the build says what is missing.
                lines = value.isEmpty && key != "title" && key != "kind" ? nil : ["\(key): " + YAMLText.scalar(value)]
            }
            guard lines != nil || layout.range(of: key) != nil else { continue }
            edits.append(edit(key, lines.map(layout.encode) ?? []))
        }
        if old.body != fields.body {
            let body = fields.body.replacingOccurrences(of: "\n", with: String(decoding: layout.lineEnd, as: UTF8.self))
            // A closing `---` that ends the file without a line end gets one first.
            let fence = layout.lines[layout.closing]
            let closed = fence.last == 0x0A ? fence : fence + layout.lineEnd
            edits.append((layout.closing..<layout.lines.count, [closed, Array(body.utf8)]))
        }
        guard problems.isEmpty else { return .failure(.problems(problems)) }
        var lines = layout.lines
        // Bottom up, so earlier ranges keep their meaning. At one place a replacement goes
        // first (what is inserted there then comes before it), and of two insertions the
        // later key first (so the earlier one ends up before it).
        let ordered = edits.enumerated().sorted { a, b in
            (a.element.lines.lowerBound, a.element.lines.isEmpty ? 0 : 1, a.offset) > (b.element.lines.lowerBound, b.element.lines.isEmpty ? 0 : 1, b.offset)
        }
        for (_, edit) in ordered {
            lines.replaceSubrange(edit.lines, with: edit.with)
        }
        return .success(Result(bytes: layout.bytes(lines), notes: notes, changed: !edits.isEmpty))
    }

    /// Key `key` replaced by `lines` (removed when empty), or added where it belongs.
    private func edit(_ key: String, _ lines: [[UInt8]]) -> (lines: Range<Int>, with: [[UInt8]]) {
        if let range = layout.range(of: key) { return (range, lines) }
        let order = ProfileFields.keys
        let position = order.firstIndex(of: key) ?? order.count
        // After the nearest key before it that the file has, else before the nearest after.
        if let before = order[..<position].reversed().lazy.compactMap({ layout.range(of: $0) }).first {
            return (before.upperBound..<before.upperBound, lines)
        }
        if let after = order[(position + 1)...].lazy.compactMap({ layout.range(of: $0) }).first {
            return (after.lowerBound..<after.lowerBound, lines)
        }
        return (layout.closing..<layout.closing, lines)
    }

    /// The key of the entry `text` names in `kind`, noting what was taken for a start.
    private func resolve(_ text: String, in kind: Vocabulary.Kind, field: String, notes: inout [FieldProblem]) -> Swift.Result<String, FieldProblem> {
        switch input.entry(text, in: kind, field: field) {
        case .failure(let problem): return .failure(FieldProblem(field: field, problem))
        case .success(let entry):
            if input.leniency(text, in: kind) != nil {
                notes.append(FieldProblem(field: field, message: "“\(text)” được hiểu là \(entry.name) (\(entry.key))", isError: false))
            }
            return .success(entry.key)
        }
    }

    /// The edits of the `awards:` list. When it is a block list, each row that is also a
    /// row of the file (in order: a longest common subsequence) keeps its lines; the rest
    /// are written anew at the list's indent. Otherwise the key is written whole.
    private func awardLines(old: [ProfileFields.AwardRow], new: [ProfileFields.AwardRow], notes: inout [FieldProblem])
        -> Swift.Result<[(lines: Range<Int>, with: [[UInt8]])], ProfileEditor.Refusal> {
        var problems: [FieldProblem] = []
        let indent = layout.awardIndent
        func written(_ row: ProfileFields.AwardRow) -> [String] {
            let field = "awards"
            var type = row.type
            switch resolve(row.type, in: Vocabulary.Kind.awards, field: field, notes: &notes) {
            case .success(let key): type = key
            case .failure(let problem): problems.append(problem)
            }
            // The year may be left to the decision's date.
            var year: Int?
            if !row.year.isEmpty || row.date.isEmpty {
                switch input.year(row.year, field: field) {
                case .success(let valid): year = valid
                case .failure(let problem): problems.append(FieldProblem(field: field, problem))
                }
            }
            return YAMLText.reindented(YAMLText.award(type: type, year: year, date: row.date, decision: row.decision), to: indent)
        }
        let items = layout.awardItems
        guard let range = layout.range(of: "awards"), let items, items.count == old.count else {
            let lines = new.isEmpty ? ["awards: []"] : ["awards:"] + new.flatMap(written)
            return problems.isEmpty ? .success([edit("awards", layout.encode(lines))]) : .failure(.problems(problems))
        }
        let kept = Self.commonRows(old, new)
        var lines: [[UInt8]] = []
        var keptIndex = kept.startIndex
        for (n, row) in new.enumerated() {
            if keptIndex < kept.endIndex, kept[keptIndex].new == n {
                lines += layout.lines[items[kept[keptIndex].old]]
                keptIndex += 1
            } else {
                lines += layout.encode(written(row))
            }
        }
        guard problems.isEmpty else { return .failure(.problems(problems)) }
        // From the first item to the end of the list; the `awards:` line and any comment
        // before the first item stay (an emptied list becomes `awards: []`).
        if new.isEmpty { return .success([(range, layout.encode(["awards: []"]))]) }
        let first = items.first?.lowerBound ?? range.upperBound
        return .success([(first..<range.upperBound, lines)])
    }

    /// The pairs (old index, new index) of a longest common subsequence of equal rows, in order.
    static func commonRows(_ old: [ProfileFields.AwardRow], _ new: [ProfileFields.AwardRow]) -> [(old: Int, new: Int)] {
        var length = [[Int]](repeating: [Int](repeating: 0, count: new.count + 1), count: old.count + 1)
        for i in stride(from: old.count - 1, through: 0, by: -1) {
            for j in stride(from: new.count - 1, through: 0, by: -1) {
                length[i][j] = old[i] == new[j] ? length[i + 1][j + 1] + 1 : max(length[i + 1][j], length[i][j + 1])
            }
        }
        var pairs: [(old: Int, new: Int)] = []
        var i = 0, j = 0
        while i < old.count, j < new.count {
            if old[i] == new[j] {
                pairs.append((i, j))
                i += 1
                j += 1
            } else if length[i + 1][j] >= length[i][j + 1] {
                i += 1
            } else {
                j += 1
            }
        }
        return pairs
    }
}
