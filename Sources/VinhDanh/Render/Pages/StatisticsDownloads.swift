import Foundation
import VinhDanhIndex
import VinhDanhSupport

/// `/thong-ke/thong-ke.csv` and `/thong-ke/thong-ke.json`: the statistics page's numbers.
struct StatisticsDownloads: PageKind {
    func pages(_ r: SiteRenderer) -> [PageRef] { [PageRef(0), PageRef(1)] }
    func path(_ page: PageRef, _ r: SiteRenderer) -> String? { nil }
    func file(_ page: PageRef, _ r: SiteRenderer) -> String { page.a == 0 ? "thong-ke/thong-ke.csv" : "thong-ke/thong-ke.json" }
    func render(_ page: PageRef, _ r: SiteRenderer) -> [UInt8] { Array((page.a == 0 ? r.statisticsCSV() : r.statisticsJSON()).utf8) }
    var templates: [String] { [] }
    func inputs(_ page: PageRef, _ r: SiteRenderer, _ hasher: inout InputHasher) { r.addAllProfiles(&hasher) }
}

extension SiteRenderer {
    /// `/thong-ke/thong-ke.csv`: every table of the page, one row per line.
    func statisticsCSV() -> String {
        let stats = statistics
        var csv = "bang,ma,ten,ca_nhan,tap_the,ho_gia_dinh,tong\r\n"
        func line(_ table: String, _ row: Statistics.Row) {
            let name = "\"" + row.name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            csv += "\(table),\(row.key),\(name),\(row.counts.individual),\(row.counts.collective),\(row.counts.household),\(row.counts.total)\r\n"
        }
        line("tong", Statistics.Row(key: "tong", name: strings[.statisticsTotal], counts: stats.total))
        for row in stats.byAward { line("hinh-thuc", row) }
        for row in stats.byYear { line("nam", row) }
        for row in stats.byDistrict { line("dia-ban", row) }
        for row in stats.byMovement { line("phong-trao", row) }
        for row in communeRows() { line("xa-phuong", row) }
        return csv
    }

    /// `/thong-ke/thong-ke.json`: the same numbers as JSON.
    func statisticsJSON() -> String {
        let stats = statistics
        func counts(_ c: Statistics.Counts) -> [(String, String)] {
            [("individual", "\(c.individual)"), ("collective", "\(c.collective)"), ("household", "\(c.household)"), ("total", "\(c.total)")]
        }
        func rows(_ rows: [Statistics.Row]) -> String {
            "[" + rows.map { JSONText.object([("key", JSONText.string($0.key)), ("name", JSONText.string($0.name))] + counts($0.counts)) }
                .joined(separator: ",\n") + "]"
        }
        return JSONText.object([
            ("profiles", JSONText.object(counts(stats.profiles))),
            ("records", JSONText.object(counts(stats.total))),
            ("byAward", rows(stats.byAward)),
            ("byYear", rows(stats.byYear)),
            ("byDistrict", rows(stats.byDistrict)),
            ("byMovement", rows(stats.byMovement)),
            ("byCommune", rows(communeRows())),
        ]) + "\n"
    }
}
