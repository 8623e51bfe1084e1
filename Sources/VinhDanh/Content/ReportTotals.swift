import VinhDanhSupport
import Yams

/// The province's official 10-year report totals (`content/data/report-totals.yaml`),
/// shown beside the database's own counts on `/thong-ke/bao-cao-2014-2023/`.
public struct ReportTotals: Sendable {
    /// One line item: an award form with its counts by recipient class.
    public struct Item: Sendable {
        /// Award type key, when the item maps onto one.
        public var award: String?
        public var label: String
        public var collective: Int?
        public var individual: Int?
        public var household: Int?
        public var source: String?

        /// The item's total (of the classes the report gives).
        public var total: Int { (collective ?? 0) + (individual ?? 0) + (household ?? 0) }
    }

    /// Report number (`80/BC-SNV`), issuer, date, title, period and where in the source.
    public var number = "", issuer = "", date = "", title = "", period = "", source = ""
    /// The former province whose profiles the report covers (`districts.yaml`'s
    /// `province`), when the site holds more than that province.
    public var province: String?
    /// What the totals section is and where it is in the report.
    public var section = "", sectionSource = ""
    public var items: [Item] = []
    public var notes: [String] = []

    /// First and last year of the period (`2014-2023`).
    public var years: ClosedRange<Int>? {
        let parts = period.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 2, parts[0] <= parts[1] else { return nil }
        return parts[0]...parts[1]
    }

    /// Parses the file's text; problems come back as diagnostics.
    public static func parse(_ text: String, path: String) -> (ReportTotals?, [Diagnostic]) {
        let document: YAMLDocument
        switch YAMLDocument.parse(text, file: path, firstLine: 1) {
        case .success(let parsed): document = parsed
        case .failure(let diagnostic): return (nil, [diagnostic])
        }
        var r = FieldReader(document: document)
        guard let root = document.root?.mapping else {
            r.report(document.root, .badSiteConfig, "tệp số liệu báo cáo phải là các dòng `tên: giá trị`")
            return (nil, r.diagnostics)
        }
        var totals = ReportTotals()
        if let report = root["report"]?.mapping {
            func text(_ key: String) -> String { report[key].flatMap { r.text($0, field: "report.\(key)") } ?? "" }
            totals.number = text("number"); totals.issuer = text("issuer"); totals.date = text("date")
            totals.title = text("title"); totals.period = text("period"); totals.source = text("source")
            totals.province = text("province").isEmpty ? nil : text("province")
            if let notes = report["general_notes"] { totals.notes = r.textList(notes, field: "report.general_notes").map(\.text) }
        }
        guard let awards = root["award_totals_2014_2023"]?.mapping, let items = awards["items"]?.sequence else {
            r.report(document.root, .badSiteConfig, "thiếu mục `award_totals_2014_2023.items` trong số liệu báo cáo")
            return (nil, r.diagnostics)
        }
        totals.section = awards["section"].flatMap { r.text($0, field: "section") } ?? ""
        totals.sectionSource = awards["source"].flatMap { r.text($0, field: "source") } ?? ""
        for node in items {
            guard let item = node.mapping else { continue }
            func number(_ key: String) -> Int? { item[key].flatMap { r.integer($0, field: key) } }
            totals.items.append(Item(
                award: item["award"].flatMap { r.text($0, field: "award") },
                label: item["label"].flatMap { r.text($0, field: "label") } ?? "",
                collective: number("collective"), individual: number("individual"), household: number("household"),
                source: item["source"].flatMap { r.text($0, field: "source") }))
        }
        return (totals, r.diagnostics)
    }
}
