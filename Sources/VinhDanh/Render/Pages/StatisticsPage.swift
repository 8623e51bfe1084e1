import VinhDanhConfig
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

    /// A table of counts by kind: caption, column headers, rows of cells, then the total row.
    func table(caption: String, first: String, rows: [Statistics.Row], link: ((Statistics.Row) -> String)? = nil) -> StatisticsTableView {
        func cells(_ counts: Statistics.Counts) -> [CellView] {
            (Self.kindColumns.map { counts[$0] } + [counts.total]).map { CellView(value: Formatting.count($0)) }
        }
        var body = rows.map { row in StatisticsRowView(name: row.name, url: link?(row) ?? "", isTotal: false, cells: cells(row.counts)) }
        let total = rows.reduce(into: Statistics.Counts()) { sum, row in
            for kind in Self.kindColumns { sum.add(kind, row.counts[kind]) }
        }
        body.append(StatisticsRowView(name: strings[.statisticsTotal], url: "", isTotal: true, cells: cells(total)))
        return StatisticsTableView(caption: caption, columns: [first] + Self.kindColumns.map(strings.label(of:)) + [strings[.statisticsTotal]], rows: body)
    }

    func chart(_ rows: [Statistics.Row]) -> String {
        SVGChart.bars(rows.map { .init(label: $0.name, value: Double($0.counts.total), valueText: Formatting.count($0.counts.total)) })
    }

    func statisticsContext() -> [String: Any] {
        let stats = statistics
        let share = stats.byYear.map { row in
            let direct = row.counts.individual + row.counts.household
            return FigureRowView(name: row.name, cells: [Formatting.count(direct), Formatting.count(row.counts.total),
                                                         Formatting.percent(direct, of: row.counts.total)].map { CellView(value: $0) })
        }
        let shareChart = SVGChart.bars(stats.byYear.map { row in
            let direct = row.counts.individual + row.counts.household
            return .init(label: row.name, value: Formatting.percentValue(direct, of: row.counts.total),
                         valueText: Formatting.percent(direct, of: row.counts.total))
        }, maximum: 100)
        func section(_ id: String, _ title: SiteStrings.Key, note: SiteStrings.Key? = nil, _ rows: [Statistics.Row],
                     caption: SiteStrings.Key, first: String, link: @escaping (Statistics.Row) -> String) -> StatisticsSectionView {
            StatisticsSectionView(id: id, title: strings[title], note: note.map { strings[$0] } ?? "", chart: chart(rows),
                                  table: table(caption: strings[caption], first: first, rows: rows, link: link))
        }
        var sections = [
            section("hinh-thuc", .byAward, stats.byAward, caption: .byAwardCaption, first: strings.noun(of: .award)) { urls.term(.award, $0.key) },
            section("nam", .byYear, stats.byYear, caption: .byYearCaption, first: strings.noun(of: .year)) { urls.term(.year, $0.key) },
            section("dia-ban", .byDistrict, stats.byDistrict, caption: .byDistrictCaption, first: strings.noun(of: .district)) { urls.term(.district, $0.key) },
            section("phong-trao", .byMovement, note: .byMovementNote, stats.byMovement, caption: .byMovementCaption,
                    first: strings.noun(of: .movement)) { urls.term(.movement, $0.key) },
        ]
        let communes = communeRows()
        if !communes.isEmpty {
            sections.append(section("xa-phuong", .byCommune, note: .byCommuneNote, communes, caption: .byCommuneCaption,
                                    first: strings[.byCommuneColumn]) { $0.key == Self.undetermined ? "" : urls.term(.district, $0.key) })
        }
        return base.page(
            title: strings[.statisticsTitle],
            description: strings(.statisticsDescription, ["count": Formatting.count(site.profiles.count)]),
            path: urls.statistics, section: "thong-ke", breadcrumbs: [(strings[.navHome], urls.home), (strings[.navStatistics], nil)],
            layout: StatisticsLayout(stats: StatisticsView(
                profiles: Formatting.count(site.profiles.count), records: Formatting.count(stats.total.total),
                sections: sections, share: ShareView(chart: shareChart, rows: share),
                csv: urls.content("thong-ke/thong-ke.csv"), json: urls.content("thong-ke/thong-ke.json"),
                report: site.report.map(urls.report) ?? "")))
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
