import VinhDanhContent
import VinhDanhSupport
import VinhDanhText
import VinhDanhVocabulary

/// The static search index of `/tim-kiem/`, written by the build (no server code, no
/// Node toolchain) and read by a small client (`assets/search.js`) that fetches only the
/// shards a query needs.
///
/// Files under `tim-kiem/chi-muc/`:
/// - `meta.json`: vocabularies for display and filters, the shard keys, chunk size.
/// - `s/<key>.json`: tokens (folded: lowercase, no diacritics, đ → d) starting with `key`,
///   each with the profiles it occurs in, by the form it was written in (so `Đường` can
///   rank above `Dương`) and by field (title, or unit/commune/position/summary).
/// - `d/<n>.json`: display rows of profiles `n*chunk ..< (n+1)*chunk` in list order.
/// - `f/<taxonomy>/<key>.json`: the profiles of each term, for filters.
/// Profile numbers are positions in the site's list order; id lists are delta-encoded.
public struct SearchIndex: Sendable {
    /// Relative path (under the output root) → file contents.
    public let files: [(path: String, bytes: [UInt8])]

    /// No files: a placeholder while the index is built on another thread.
    package static let empty = SearchIndex(files: [])

    private init(files: [(path: String, bytes: [UInt8])]) {
        self.files = files
    }

    /// Profiles per display chunk.
    static let chunkSize = 64
    /// A shard larger than this is split by one more letter of its tokens.
    static let shardLimit = 24 * 1024

    /// One token's postings: written form → (title ids, other-field ids).
    private typealias Postings = [String: (title: [Int], other: [Int])]

    /// Builds every file of the index.
    public init(site: Site, index: SiteIndex, root: String) {
        let profiles = site.profiles
        let vocab = site.vocabularies
        // Tokenise slices of profiles in parallel, then join them in order, so each id
        // list stays sorted.
        let order = index.order
        let sliceSize = 2048
        // Each profile's commune of today is searchable beside the one it names (Cao Xá
        // is found by "tân yên").
        let communes = vocab.places.communes
        let today = index.todayCommunes.map { $0.map { communes[$0].name } }
        let slices = Parallel.map((order.count + sliceSize - 1) / sliceSize) { slice in
            Self.tokenize(profiles, order, today: today, range: (slice * sliceSize)..<min(order.count, (slice + 1) * sliceSize))
        }
        var tokens: [String: Postings] = [:]
        for slice in slices {
            for (key, forms) in slice {
                for (form, lists) in forms {
                    tokens[key, default: [:]][form, default: ([], [])].title += lists.title
                    tokens[key, default: [:]][form, default: ([], [])].other += lists.other
                }
            }
        }
        var files: [(String, [UInt8])] = []
        let prefix = "tim-kiem/chi-muc/"

        // Shards: by the first two letters, split further while too large.
        var shardKeys: [String] = []
        func emit(_ key: String, _ members: [String], depth: Int) {
            let json = Self.shardJSON(members.sorted(), tokens)
            if json.utf8.count > Self.shardLimit && depth < 5 {
                var groups: [String: [String]] = [:]
                var short: [String] = []
                for token in members {
                    if token.count > depth { groups[String(token.prefix(depth + 1)), default: []].append(token) } else { short.append(token) }
                }
                if groups.count > 1 || !short.isEmpty {
                    if !short.isEmpty { emit(key, short, depth: 99) }
                    for (sub, group) in groups.sorted(by: { $0.key < $1.key }) { emit(sub, group, depth: depth + 1) }
                    return
                }
            }
            shardKeys.append(key)
            files.append((prefix + "s/\(key).json", Array(json.utf8)))
        }
        var byShard: [String: [String]] = [:]
        for token in tokens.keys { byShard[String(token.prefix(2)), default: []].append(token) }
        for (key, members) in byShard.sorted(by: { $0.key < $1.key }) { emit(key, members, depth: 2) }

        // Display chunks.
        let chunk = Self.chunkSize
        for start in stride(from: 0, to: index.order.count, by: chunk) {
            let rows = index.order[start..<min(start + chunk, index.order.count)].map { i -> String in
                let p = profiles[i]
                let top = p.awards.map(\.type).min() ?? -1
                return "[" + [JSONText.string(p.title), JSONText.string(p.slug),
                              "\(SubjectKind.allCases.firstIndex(of: p.kind) ?? 0)", "\(p.district)", "\(top)"].joined(separator: ",") + "]"
            }
            files.append((prefix + "d/\(start / chunk).json", Array(("[" + rows.joined(separator: ",\n") + "]").utf8)))
        }

        // Filters.
        var rank = [Int](repeating: 0, count: profiles.count)
        for (doc, i) in index.order.enumerated() { rank[i] = doc }
        var filterKeys: [String: [String]] = [:]
        for taxonomy in index.taxonomies {
            for term in taxonomy.terms {
                let ids = term.profiles.map { rank[$0] }.sorted()
                files.append((prefix + "f/\(taxonomy.kind.path)/\(term.key).json", Array(Self.deltas(ids).utf8)))
                filterKeys[taxonomy.kind.path, default: []].append(term.key)
            }
        }

        // Meta.
        func pairs(_ vocabulary: Vocabulary) -> String {
            "[" + vocabulary.entries.map { "[\(JSONText.string($0.key)),\(JSONText.string($0.name))]" }.joined(separator: ",") + "]"
        }
        let meta = JSONText.object([
            ("count", "\(profiles.count)"),
            ("chunk", "\(chunk)"),
            ("root", JSONText.string(root)),
            ("kinds", "[" + SubjectKind.allCases.map { "[\(JSONText.string($0.key)),\(JSONText.string(site.strings.label(of: $0)))]" }.joined(separator: ",") + "]"),
            ("districts", pairs(vocab.districts)),
            ("movements", pairs(vocab.movements)),
            ("awards", pairs(vocab.awards)),
            ("shards", "[" + shardKeys.sorted().map(JSONText.string).joined(separator: ",") + "]"),
            ("filters", JSONText.object(filterKeys.sorted { $0.key < $1.key }.map { ($0.key, "[" + $0.value.map(JSONText.string).joined(separator: ",") + "]") })),
        ])
        files.append((prefix + "meta.json", Array(meta.utf8)))
        self.files = files.sorted { $0.0 < $1.0 }.map { (path: $0.0, bytes: $0.1) }
    }

    /// Postings of the profiles at list positions `range`.
    private static func tokenize(_ profiles: [Profile], _ order: [Int], today: [String?], range: Range<Int>) -> [String: Postings] {
        // Words repeat endlessly (Vietnamese has a few thousand syllables): each distinct
        // spelling is lowercased and folded once, and gets a number; postings are kept by
        // number. A spelling is looked up by its bytes (the text is NFC already), which
        // spares Swift's Unicode-normalising string hash on every word.
        var numberOfSpelling: [UTF8Key: Int] = [:]
        var numberOfForm: [String: Int] = [:]
        var forms: [(key: String, word: String)] = []
        var lists: [(title: [Int], other: [Int])] = []
        func add(_ text: String?, doc: Int, title: Bool) {
            guard let text else { return }
            for raw in words(text) {
                let number: Int
                if let known = numberOfSpelling[UTF8Key(raw)] { number = known } else {
                    let word = raw.lowercased()
                    let key = Slug.make(word).replacingOccurrences(of: "-", with: "")
                    if key.isEmpty {
                        number = -1
                    } else if let known = numberOfForm[word] {
                        number = known
                    } else {
                        number = forms.count
                        numberOfForm[word] = number
                        forms.append((key, word))
                        lists.append(([], []))
                    }
                    numberOfSpelling[UTF8Key(raw)] = number
                }
                guard number >= 0 else { continue }
                if title {
                    if lists[number].title.last != doc { lists[number].title.append(doc) }
                } else if lists[number].other.last != doc && lists[number].title.last != doc {
                    lists[number].other.append(doc)
                }
            }
        }
        for doc in range {
            let profile = profiles[order[doc]]
            add(profile.title, doc: doc, title: true)
            add(profile.unit, doc: doc, title: false)
            add(profile.commune, doc: doc, title: false)
            if !today.isEmpty { add(today[order[doc]], doc: doc, title: false) }
            add(profile.position, doc: doc, title: false)
            add(profile.summary, doc: doc, title: false)
        }
        var tokens: [String: Postings] = [:]
        for (number, form) in forms.enumerated() {
            tokens[form.key, default: [:]][form.word] = lists[number]
        }
        return tokens
    }

    /// The words of `text`: runs of letters and digits. Splits on ASCII punctuation and
    /// spaces and on general punctuation (U+2000–U+206F: “ ” – … ); every other non-ASCII
    /// character counts as a letter (Vietnamese letters are all non-ASCII or ASCII letters).
    static func words(_ text: String) -> [Substring] {
        var words: [Substring] = []
        var start: String.Index?
        var index = text.startIndex
        for scalar in text.unicodeScalars {
            let v = scalar.value
            let isWordScalar = v < 0x80
                ? (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
                : !(v >= 0x2000 && v <= 0x206F) && v != 0xA0 && v != 0xAB && v != 0xBB && v != 0x3000
            let next = text.unicodeScalars.index(after: index)
            if isWordScalar {
                if start == nil { start = index }
            } else if let s = start {
                words.append(text[s..<index])
                start = nil
            }
            index = next
        }
        if let s = start { words.append(text[s..<text.endIndex]) }
        return words
    }

    /// `[first, d1, d2, …]` for increasing ids.
    static func deltas(_ ids: [Int]) -> String {
        var out: [UInt8] = [UInt8(ascii: "[")]
        out.reserveCapacity(ids.count * 4 + 2)
        var previous = 0
        for (i, id) in ids.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            out += String(id - previous).utf8   // a small string: no allocation
            previous = id
        }
        out.append(UInt8(ascii: "]"))
        return String(decoding: out, as: UTF8.self)
    }

    /// `{"token":{"form":[[title ids],[other ids]],…},…}`
    private static func shardJSON(_ members: [String], _ tokens: [String: Postings]) -> String {
        "{" + members.map { token in
            let forms = (tokens[token] ?? [:]).sorted { $0.key < $1.key }.map { form, lists in
                JSONText.string(form) + ":[" + deltas(lists.title) + "," + deltas(lists.other) + "]"
            }
            return JSONText.string(token) + ":{" + forms.joined(separator: ",") + "}"
        }.joined(separator: ",\n") + "}"
    }
}

/// Text that hashes and compares by its UTF-8 bytes: no Unicode normalisation, which is
/// right for text already in NFC.
private struct UTF8Key: Hashable {
    let text: Substring

    init(_ text: Substring) {
        self.text = text
    }

    static func == (lhs: UTF8Key, rhs: UTF8Key) -> Bool {
        lhs.text.utf8.elementsEqual(rhs.text.utf8)
    }

    func hash(into hasher: inout Hasher) {
        let hashed: Void? = text.utf8.withContiguousStorageIfAvailable { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        if hashed == nil {
            for byte in text.utf8 { hasher.combine(byte) }
        }
    }
}
