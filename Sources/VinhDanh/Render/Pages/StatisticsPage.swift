import Foundation
import VinhDanhIndex
import VinhDanhSupport
import VinhDanhVocabulary

/// `/thong-ke/`: award records counted by type, year, district and movement.
struct StatisticsPage: PageKind {
    func pages(_ r: SiteRenderer) -> [PageRef] { [PageRef()] }
    func path(_ page: PageRef, _ r: SiteRenderer) -> String? { r.urls.statistics }
    func render(_ page: PageRef, _ r: SiteRenderer) -> [UInt8] { html(r, "layout-statistics", r.statisticsContext()) }
    var templates: [String] { ["layout-statistics", "stat-table"] + sharedTemplates }
    func inputs(_ page: PageRef, _ r: SiteRenderer, _ hasher: inout InputHasher) { r.addAllProfiles(&hasher) }
}

extension SiteRenderer {
    /// The kinds as table columns, in display order.
    static let kindColumns: [SubjectKind] = [.individual, .collective, .household]

    /// A table context: caption, column headers, rows of cells (first cell is the row header).
    func table(caption: String, first: String, rows: [Statistics.Row], link: ((Statistics.Row) -> String)? = nil) -> [String: Any] {
        var body = rows.map { row -> [String: Any] in
            var cells: [[String: Any]] = Self.kindColumns.map { ["value": Formatting.count(row.counts[$0])] }
            cells.append(["value": Formatting.count(row.counts.total)])
            return ["name": row.name, "url": link?(row) ?? "", "cells": cells]
        }
        let total = rows.reduce(into: Statistics.Counts()) { sum, row in
            for kind in Self.kindColumns { sum.add(kind, row.counts[kind]) }
        }
        body.append(["name": strings[.statisticsTotal], "url": "", "isTotal": true,
                     "cells": (Self.kindColumns.map { total[$0] } + [total.total]).map { ["value": Formatting.count($0)] }])
        return ["caption": caption, "columns": [first] + Self.kindColumns.map(strings.label(of:)) + [strings[.statisticsTotal]], "rows": body]
    }

    func chart(_ rows: [Statistics.Row]) -> String {
        SVGChart.bars(rows.map { .init(label: $0.name, value: Double($0.counts.total), valueText: Formatting.count($0.counts.total)) })
    }

    func statisticsContext() -> [String: Any] {
        let stats = statistics
        let share = stats.byYear.map { row -> [String: Any] in
            let direct = row.counts.individual + row.counts.household
            return ["name": row.name, "cells": [["value": Formatting.count(direct)], ["value": Formatting.count(row.counts.total)],
                                                ["value": Formatting.percent(direct, of: row.counts.total)]]]
        }
        let shareChart = SVGChart.bars(stats.byYear.map { row in
            let direct = row.counts.individual + row.counts.household
            return .init(label: row.name, value: Formatting.percentValue(direct, of: row.counts.total),
                         valueText: Formatting.percent(direct, of: row.counts.total))
        }, maximum: 100)
        var sections: [[String: Any]] = [
            ["id": "hinh-thuc", "title": strings[.byAward], "chart": chart(stats.byAward),
             "table": table(caption: strings[.byAwardCaption], first: strings.noun(of: .award),
                            rows: stats.byAward) { urls.term(.award, $0.key) }],
            ["id": "nam", "title": strings[.byYear], "chart": chart(stats.byYear),
             "table": table(caption: strings[.byYearCaption], first: strings.noun(of: .year), rows: stats.byYear) { urls.term(.year, $0.key) }],
            ["id": "dia-ban", "title": strings[.byDistrict], "chart": chart(stats.byDistrict),
             "table": table(caption: strings[.byDistrictCaption], first: strings.noun(of: .district),
                            rows: stats.byDistrict) { urls.term(.district, $0.key) }],
            ["id": "phong-trao", "title": strings[.byMovement], "chart": chart(stats.byMovement),
             "note": strings[.byMovementNote],
             "table": table(caption: strings[.byMovementCaption], first: strings.noun(of: .movement),
                            rows: stats.byMovement) { urls.term(.movement, $0.key) }],
        ]
        let communes = communeRows()
        if !communes.isEmpty {
            sections.append(["id": "xa-phuong", "title": strings[.byCommune], "chart": chart(communes),
                             "note": strings[.byCommuneNote],
                             "table": table(caption: strings[.byCommuneCaption], first: strings[.byCommuneColumn],
                                            rows: communes) { $0.key == Self.undetermined ? "" : urls.term(.district, $0.key) }])
        }
        let path = urls.statistics
        return base.page(
            title: strings[.statisticsTitle],
            description: strings(.statisticsDescription, ["count": Formatting.count(site.profiles.count)]),
            path: path, section: "thong-ke", breadcrumbs: [(strings[.navHome], urls.home), (strings[.navStatistics], nil)],
            extra: [
                "stats": [
                    "profiles": Formatting.count(site.profiles.count),
                    "records": Formatting.count(stats.total.total),
                    "sections": sections,
                    "share": ["chart": shareChart, "rows": share] as [String: Any],
                    "csv": urls.content("thong-ke/thong-ke.csv"),
                    "json": urls.content("thong-ke/thong-ke.json"),
                    "report": site.report.map(urls.report) ?? "",
                ] as [String: Any],
            ])
    }

    /// The key of the row of profiles whose commune of today is not known.
    static let undetermined = "chua-xac-dinh"

    /// Award records by the commune of today each profile's commune is part of
    /// (``SiteIndex/todayCommunes``), in the communes' order, then those of profiles
    /// with none; empty for a site without places.
    func communeRows() -> [Statistics.Row] {
        let places = site.vocabularies.places
        guard !places.communes.isEmpty else { return [] }
        var counts = [Statistics.Counts](repeating: .init(), count: places.communes.count + 1)
        site.profiles.withUnsafeBufferPointer { profiles in
            for i in profiles.indices {
                let commune = i < index.todayCommunes.count ? index.todayCommunes[i] ?? places.communes.count : places.communes.count
                counts[commune].add(profiles[i].kind, profiles[i].awards.count)
            }
        }
        var rows = places.communes.indices.compactMap { c -> Statistics.Row? in
            counts[c].total > 0 ? Statistics.Row(key: places.communes[c].key, name: places.communes[c].name, counts: counts[c]) : nil
        }
        if let rest = counts.last, rest.total > 0 { rows.append(Statistics.Row(key: Self.undetermined, name: strings[.statisticsUndetermined], counts: rest)) }
        return rows
    }
}
