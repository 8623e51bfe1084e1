import Foundation
import VinhDanhSupport
import VinhDanhText
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

    /// The front matter's one-line fields, as written (`kind` a key or a label,
    /// `district` a key or a name).
    public var title = "", kind = "", district = "", commune = "", unit = "", position = "", ethnicity = ""
    /// The movements, each a key, a name or the unique start of one.
    public var movements: [String] = []
    /// The awards, one row each.
    public var awards: [AwardRow] = []
    /// The photo's path under `content/`, the summary, the profile's date.
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

    /// The same fields as typed: LF line ends (a browser sends CRLF), spaces trimmed,
    /// dates written `dd/mm/yyyy` as `yyyy-mm-dd` (the form the files use), an award's
    /// year taken from its date when left empty, blank award rows and movements dropped.
    public var cleaned: ProfileFields {
        func lf(_ text: String) -> String { text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n") }
        func clean(_ text: String) -> String { lf(text).trimmedWhitespace }
        var fields = self
        for path in Self.keys.compactMap(Self.text) { fields[keyPath: path] = clean(fields[keyPath: path]) }
        fields.date = Self.isoDate(fields.date)
        fields.movements = movements.map(clean).filter { !$0.isEmpty }
        fields.awards = awards.map { row in
            let date = Self.isoDate(clean(row.date))
            var year = clean(row.year)
            if year.isEmpty, let day = CalendarDate(parsing: date) { year = String(day.year) }
            return AwardRow(type: clean(row.type), year: year, date: date, decision: clean(row.decision))
        }.filter { !$0.isEmpty }
        fields.body = lf(body)
        return fields
    }

    /// `other` with the fields these (an editor's form) changed from `base` (the version
    /// the form was made from): what to offer after a conflict, so that saving again
    /// writes the editor's changes without undoing what was saved meanwhile elsewhere.
    /// Also returns the keys both changed, to different values.
    public func changes(from base: ProfileFields, onto other: ProfileFields) -> (fields: ProfileFields, bothChanged: [String]) {
        let mine = cleaned, base = base.cleaned
        var merged = other.cleaned
        var both: [String] = []
        for key in Self.keys + ["body"] {
            switch key {
            case "movements":
                guard mine.movements != base.movements else { continue }
                if merged.movements != base.movements, merged.movements != mine.movements { both.append(key) }
                merged.movements = mine.movements
            case "awards":
                guard mine.awards != base.awards else { continue }
                if merged.awards != base.awards, merged.awards != mine.awards { both.append(key) }
                merged.awards = mine.awards
            case "body":
                guard mine.body != base.body else { continue }
                if merged.body != base.body, merged.body != mine.body { both.append(key) }
                merged.body = mine.body
            default:
                guard let path = Self.text(key), mine[keyPath: path] != base[keyPath: path] else { continue }
                if merged[keyPath: path] != base[keyPath: path], merged[keyPath: path] != mine[keyPath: path] { both.append(key) }
                merged[keyPath: path] = mine[keyPath: path]
            }
        }
        return (merged, both)
    }

    /// A date written day first (`15/3/2025`) as the files write dates (`2025-03-15`);
    /// anything else as it is, for the parser to judge.
    static func isoDate(_ text: String) -> String {
        CalendarDate(dayFirst: text)?.description ?? text
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
