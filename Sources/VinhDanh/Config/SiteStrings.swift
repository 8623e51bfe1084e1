import VinhDanhSupport
import VinhDanhText

/// The words pages show that the code writes (navigation labels, page titles, filter
/// labels, the sentences of list pages): the theme's `strings.yaml`, overridden key by
/// key by the site's `site-templates/strings.yaml`. `{name}` marks where a value goes.
/// What editors are told (diagnostics) stays in the binary.
public struct SiteStrings: Sendable {
    /// The keys the code uses; the default theme's file has each of them (tested), and a
    /// theme without one is an error when it loads.
    public enum Key: String, CaseIterable, Sendable {
        case navHome = "nav.home", navStatistics = "nav.statistics", navSearch = "nav.search", navAbout = "nav.about"
        case movementTitle = "taxonomy.movement.title", movementNoun = "taxonomy.movement.noun"
        case districtTitle = "taxonomy.district.title", districtNoun = "taxonomy.district.noun"
        case awardTitle = "taxonomy.award.title", awardNoun = "taxonomy.award.noun"
        case yearTitle = "taxonomy.year.title", yearNoun = "taxonomy.year.noun"
        case kindTitle = "taxonomy.kind.title", kindNoun = "taxonomy.kind.noun"
        case taxonomyDescription = "taxonomy.description"
        case individual = "kind.individual", collective = "kind.collective", household = "kind.household"
        case termYear = "term.year", termPage = "term.page", termDescription = "term.description", termSummary = "term.summary"
        case periodBetween = "period.between", periodUntil = "period.until", periodFrom = "period.from"
        case communeDescription = "commune.description", communeSince = "commune.since", communeAwards = "commune.awards"
        case communeFormer = "commune.former", communeFormerNote = "commune.formerNote", unitBecame = "unit.became"
        case profilePhoto = "profile.photo", awardIssuer = "award.issuer"
        case notFoundTitle = "notFound.title", notFoundDescription = "notFound.description"
        case searchTitle = "search.title", searchDescription = "search.description"
        case statisticsTitle = "statistics.title", statisticsDescription = "statistics.description"
        case statisticsTotal = "statistics.total", statisticsUndetermined = "statistics.undetermined"
        case byAward = "statistics.byAward", byAwardCaption = "statistics.byAward.caption"
        case byYear = "statistics.byYear", byYearCaption = "statistics.byYear.caption"
        case byDistrict = "statistics.byDistrict", byDistrictCaption = "statistics.byDistrict.caption"
        case byMovement = "statistics.byMovement", byMovementCaption = "statistics.byMovement.caption"
        case byMovementNote = "statistics.byMovement.note"
        case byCommune = "statistics.byCommune", byCommuneCaption = "statistics.byCommune.caption"
        case byCommuneColumn = "statistics.byCommune.column", byCommuneNote = "statistics.byCommune.note"
        case reportTitle = "report.title", reportDescription = "report.description", reportBreadcrumb = "report.breadcrumb"
    }

    /// The file, relative to a theme folder or to a site's `site-templates/`.
    public static let fileName = "strings.yaml"

    private let table: [String: String]

    /// Strings from `table` (key → text).
    init(_ table: [String: String]) { self.table = table }

    /// No strings (a site that could not load its theme): each key shows as itself.
    public static let empty = SiteStrings([:])

    /// The text of `key`.
    public subscript(_ key: Key) -> String { table[key.rawValue] ?? key.rawValue }

    /// The text of `key` with each `{name}` replaced by its value.
    public func callAsFunction(_ key: Key, _ values: KeyValuePairs<String, String>) -> String {
        var text = self[key]
        for (name, value) in values { text = text.replacingOccurrences(of: "{\(name)}", with: value) }
        return text
    }

    /// A hash of every text, for the build's caches.
    public var hash: ContentHash {
        var hasher = InputHasher()
        for key in table.keys.sorted() {
            hasher.add(key)
            hasher.add(table[key])
        }
        return hasher.hash
    }

    /// Reads the default theme's file (`defaultText`, shown as `defaultShown`) under the
    /// site's (`siteText`, at `siteShown`): a missing key is an error, a key the code does
    /// not use a warning, each at its line.
    package static func parse(defaultText: String?, defaultShown: String, siteText: String?, siteShown: String) -> (SiteStrings, [Diagnostic]) {
        var table: [String: String] = [:]
        var diagnostics: [Diagnostic] = []
        let known = Set(Key.allCases.map(\.rawValue))
        for (text, shown) in [(defaultText, defaultShown), (siteText, siteShown)] {
            // A file with nothing but comments overrides nothing.
            guard let text, text.split(separator: "\n").contains(where: { line in
                let content = line.drop { $0 == " " || $0 == "\t" || $0 == "\r" }
                return !content.isEmpty && !content.hasPrefix("#")
            }) else { continue }
            switch YAMLDocument.parse(text, file: shown, firstLine: 1) {
            case .failure(let diagnostic): diagnostics.append(diagnostic)
            case .success(let document):
                var r = FieldReader(document: document)
                for (name, key, value) in r.rootMapping(what: "tệp chữ của giao diện") ?? [] {
                    guard known.contains(name) else {
                        r.report(key, .unknownField, "khóa chữ “\(name)” không được dùng ở đâu",
                                 suggestion: Key.allCases.map(\.rawValue).min { EditDistance.between(name, $0) < EditDistance.between(name, $1) }
                                    .map { "có phải ý bạn là `\($0)`?" }, severity: .warning)
                        continue
                    }
                    if let string = r.text(value, field: name) { table[name] = string }
                }
                diagnostics += r.diagnostics
            }
        }
        let missing = Key.allCases.map(\.rawValue).filter { table[$0] == nil }
        if !missing.isEmpty {
            diagnostics.append(Diagnostic(file: defaultShown, code: .badTemplate,
                                          message: "tệp chữ của giao diện thiếu \(missing.count) khóa: \(missing.prefix(5).joined(separator: ", "))",
                                          suggestion: "chép lại \(fileName) từ giao diện mặc định của vinhdanh"))
        }
        return (SiteStrings(table), diagnostics)
    }
}
