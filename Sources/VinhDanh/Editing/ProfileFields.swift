import VinhDanhSupport
import Yams

/// A profile's fields as the editor's form shows them and sends them back: each as
/// written in the file (a key or a name), awards as rows, the Markdown body as text.
public struct ProfileFields: Sendable, Equatable {
    /// One award, a row of the form.
    public struct AwardRow: Sendable, Equatable {
        /// The award type (key, name or the unique start of one).
        public var type: String
        /// The year.
        public var year: String
        /// The decision's date (`dd/mm/yyyy` or `yyyy-mm-dd`), when known.
        public var date: String
        /// The decision.
        public var decision: String

        /// Creates a row.
        public init(type: String = "", year: String = "", date: String = "", decision: String = "") {
            self.type = type
            self.year = year
            self.date = date
            self.decision = decision
        }

        /// Whether every cell is empty (a blank row of the form).
        public var isEmpty: Bool { type.isEmpty && year.isEmpty && date.isEmpty && decision.isEmpty }
    }

    public var title = "", kind = "", district = "", commune = "", unit = "", position = "", ethnicity = ""
    public var movements: [String] = []
    public var awards: [AwardRow] = []
    public var photo = "", summary = "", date = ""
    /// The Markdown body, with LF line ends.
    public var body = ""

    /// Empty fields.
    public init() {}

    /// The keys the form edits, in the order `new` writes them: a key a file lacks is
    /// added after the nearest one before it in this order. Any other key of a file is
    /// left as it is.
    public static let keys = ["title", "kind", "district", "commune", "unit", "position", "ethnicity",
                              "movements", "awards", "photo", "summary", "date"]

    /// The one-line text field of key `key` (`nil` for movements and awards).
    static func text(_ key: String) -> WritableKeyPath<ProfileFields, String>? {
        switch key {
        case "title": \.title
        case "kind": \.kind
        case "district": \.district
        case "commune": \.commune
        case "unit": \.unit
        case "position": \.position
        case "ethnicity": \.ethnicity
        case "photo": \.photo
        case "summary": \.summary
        case "date": \.date
        default: nil
        }
    }

    /// The fields of a parsed front matter and body.
    init(_ root: Node.Mapping, body: String) {
        for key in Self.keys {
            if let path = Self.text(key) { self[keyPath: path] = root[key].map(Self.text) ?? "" }
        }
        switch root["movements"] {
        case .sequence(let items)?: movements = items.map(Self.text)
        case let node?: movements = Self.text(node).isEmpty ? [] : [Self.text(node)]
        case nil: break
        }
        if case .sequence(let items)? = root["awards"] { awards = items.map(Self.row) }
        self.body = body
    }

    /// The same fields as typed: spaces trimmed, blank award rows and movements dropped,
    /// body with LF line ends.
    public var cleaned: ProfileFields {
        var fields = self
        for path in Self.keys.compactMap(Self.text) { fields[keyPath: path] = fields[keyPath: path].trimmedWhitespace }
        fields.movements = movements.map(\.trimmedWhitespace).filter { !$0.isEmpty }
        fields.awards = awards.map { AwardRow(type: $0.type.trimmedWhitespace, year: $0.year.trimmedWhitespace,
                                              date: $0.date.trimmedWhitespace, decision: $0.decision.trimmedWhitespace) }
            .filter { !$0.isEmpty }
        fields.body = body.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        return fields
    }

    static func row(_ node: Node) -> AwardRow {
        guard case .mapping(let item) = node else { return AwardRow(type: text(node)) }
        return AwardRow(type: item["type"].map(text) ?? "", year: item["year"].map(text) ?? "",
                        date: item["date"].map(text) ?? "", decision: item["decision"].map(text) ?? "")
    }

    /// A scalar's text; a list or table as its items' texts joined (the form shows something, the parser judges).
    static func text(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar): return scalar.string
        case .sequence(let items): return items.map(text).joined(separator: ", ")
        case .mapping, .alias: return ""
        }
    }
}
