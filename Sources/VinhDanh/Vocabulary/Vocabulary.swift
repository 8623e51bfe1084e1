import VinhDanhText

/// A list of terms (districts, movements or award types) in display order, looked up by
/// key, name or alias ignoring case, diacritics and spacing.
public struct Vocabulary: Sendable {
    /// Which vocabulary this is.
    public enum Kind: String, Sendable, CaseIterable {
        case districts, movements, awards

        /// Vietnamese noun for messages ("địa bàn", …).
        public var noun: String {
            switch self {
            case .districts: return "địa bàn (huyện/thị xã/thành phố)"
            case .movements: return "phong trào thi đua"
            case .awards: return "hình thức khen thưởng"
            }
        }

        /// File name under `content/vocab/`.
        public var fileName: String { rawValue + ".yaml" }
    }

    /// Which vocabulary this is.
    public let kind: Kind
    /// Entries in display order (for awards: most senior first).
    public let entries: [VocabularyEntry]
    private let lookup: [String: Int]

    /// Builds the lookup table. Keys win over names, names over aliases, earlier entries
    /// over later ones, so an alias can never steal another entry's key.
    public init(kind: Kind, entries: [VocabularyEntry]) {
        self.kind = kind
        self.entries = entries
        var lookup: [String: Int] = [:]
        for pass in 0..<3 {
            for (index, entry) in entries.enumerated() {
                let names: [String] = pass == 0 ? [entry.key] : pass == 1 ? [entry.name] : entry.aliases
                for name in names {
                    let folded = Folding.compact(name)
                    if !folded.isEmpty, lookup[folded] == nil { lookup[folded] = index }
                }
            }
        }
        self.lookup = lookup
    }

    /// The index of the entry `text` names, or `nil`.
    public func resolve(_ text: String) -> Int? {
        lookup[Folding.compact(text)]
    }

    /// The entry `text` names, or, for what editors type (`new`, `import`), the one entry
    /// whose key, name or an alias starts with it, ignoring case, diacritics and spacing
    /// (`bang khen chu tich`); `nil` when none or several do.
    public func resolveLeniently(_ text: String) -> Int? {
        if let index = resolve(text) { return index }
        let typed = Folding.compact(text)
        guard typed.count >= 3 else { return nil }
        var found: Int?
        for (folded, index) in lookup where folded.hasPrefix(typed) {
            if let found, found != index { return nil }
            found = index
        }
        return found
    }

    /// The index of the entry whose key is exactly `key`.
    public func index(forKey key: String) -> Int? {
        entries.firstIndex { $0.key == key }
    }

    /// Up to `limit` entries nearest to `text`, for "did you mean" (edit distance on the
    /// folded forms, plus entries that contain what was typed).
    public func suggestions(for text: String, limit: Int = 3) -> [VocabularyEntry] {
        let typed = Folding.compact(text)
        guard !typed.isEmpty else { return Array(entries.prefix(limit)) }
        var scored: [(score: Int, index: Int)] = []
        for (folded, index) in lookup {
            var score = EditDistance.between(typed, folded)
            if folded.contains(typed) || typed.contains(folded) {
                score = min(score, abs(folded.count - typed.count) / 4)
            }
            let allowed = max(2, typed.count / 3)
            if score <= allowed { scored.append((score, index)) }
        }
        scored.sort { ($0.score, $0.index) < ($1.score, $1.index) }
        var seen = Set<Int>()
        var result: [VocabularyEntry] = []
        for item in scored where seen.insert(item.index).inserted {
            result.append(entries[item.index])
            if result.count == limit { break }
        }
        return result
    }

    /// "Có phải ý bạn là: `luc-ngan` (Huyện Lục Ngạn)?" or a pointer to the list.
    public func suggestionText(for text: String) -> String {
        let near = suggestions(for: text)
        if near.isEmpty {
            return "xem danh sách trong content/vocab/\(kind.fileName)"
        }
        let listed = near.map { "\($0.key) (\($0.name))" }.joined(separator: ", ")
        return "có phải ý bạn là: \(listed)?"
    }
}
