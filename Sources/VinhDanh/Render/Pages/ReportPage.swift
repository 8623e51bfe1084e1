import VinhDanhContent
import VinhDanhIndex
import VinhDanhSupport
import VinhDanhText

/// The official report's totals beside the database's own counts (when the site has
/// `content/data/report-totals.yaml`).
struct ReportPage: PageKind {
    func pages(_ r: SiteRenderer) -> [PageRef] { r.site.report == nil ? [] : [PageRef()] }
    func path(_ page: PageRef, _ r: SiteRenderer) -> String? { r.site.report.map(r.urls.report) }
    func render(_ page: PageRef, _ r: SiteRenderer) -> [UInt8] { html(r, "layout-report", r.reportContext()) }
    var templates: [String] { ["layout-report", "stat-table"] + sharedTemplates }
    func inputs(_ page: PageRef, _ r: SiteRenderer, _ hasher: inout InputHasher) { r.addAllProfiles(&hasher) }
}

extension SiteRenderer {
    /// `/thong-ke/bao-cao-<period>/`: the official report's totals beside the database's
    /// own counts for the same award types, period and province (coverage).
    func reportContext() -> [String: Any] {
        guard let report = site.report else { return [:] }
        func number(_ value: Int?) -> String { value.map(Formatting.count) ?? "–" }
        let items = report.items.map { item in
            ReportItemView(name: item.label, source: item.source ?? "",
                           cells: [number(item.collective), number(item.individual), number(item.household), Formatting.count(item.total)].map { CellView(value: $0) })
        }
        // Coverage: the report's records of each award type against the profiles' records in the period.
        var reported: [String: Statistics.Counts] = [:]
        var order: [String] = []
        for item in report.items {
            guard let key = item.award, site.vocabularies.awards.index(forKey: key) != nil else { continue }
            if reported[key] == nil { order.append(key) }
            reported[key, default: .init()].add(.collective, item.collective ?? 0)
            reported[key, default: .init()].add(.individual, item.individual ?? 0)
            reported[key, default: .init()].add(.household, item.household ?? 0)
        }
        let years = report.years ?? 2014...2023
        let covered = coveredRecords(report, years: years)
        let coverage = order.compactMap { key -> CoverageRowView? in
            guard let index = site.vocabularies.awards.index(forKey: key), let expected = reported[key] else { return nil }
            let found = covered[index] ?? Statistics.Counts()
            // Link the award's term page only when the site has one (some types have no profile yet).
            let used = index < statistics.byAwardTotals.count && statistics.byAwardTotals[index] > 0
            return CoverageRowView(name: site.vocabularies.awards.entries[index].name, url: used ? urls.term(.award, key) : "",
                                   cells: [Formatting.count(expected.total), Formatting.count(found.total),
                                           Formatting.percent(found.total, of: expected.total)].map { CellView(value: $0) })
        }
        let chart = SVGChart.bars(report.items.map { .init(label: $0.label, value: Double($0.total), valueText: Formatting.count($0.total)) })
        return base.page(
            title: strings(.reportTitle, ["period": report.period, "issuer": report.issuer]),
            description: strings(.reportDescription, ["period": report.period, "number": report.number, "issuer": report.issuer]),
            path: urls.report(report), section: "thong-ke",
            breadcrumbs: [(strings[.navHome], urls.home), (strings[.navStatistics], urls.statistics), (strings(.reportBreadcrumb, ["period": report.period]), nil)],
            type: "article",
            layout: ReportLayout(report: ReportView(
                title: report.title, issuer: report.issuer, number: report.number,
                date: CalendarDate(parsing: report.date)?.vietnamese ?? report.date, period: report.period,
                firstYear: String(years.lowerBound), lastYear: String(years.upperBound), section: report.section,
                source: report.sectionSource, notes: report.notes, chart: chart, items: items, coverage: coverage)))
    }

    /// The profiles' award records of the report's period by award type (vocabulary
    /// index), of its province's profiles only when it names one.
    private func coveredRecords(_ report: ReportTotals, years: ClosedRange<Int>) -> [Int: Statistics.Counts] {
        var found: [Int: Statistics.Counts] = [:]
        guard let province = report.province else {
            for (type, byYear) in statistics.byAwardAndYear {
                for (year, counts) in byYear where years.contains(year) {
                    for kind in Self.kindColumns { found[type, default: .init()].add(kind, counts[kind]) }
                }
            }
            return found
        }
        let districts = site.vocabularies.districts.entries
        site.profiles.withUnsafeBufferPointer { profiles in
            // Each award by the province of the unit in force when it was made.
            for i in profiles.indices {
                for award in profiles[i].awards where years.contains(award.year) && districts[award.place].province == province {
                    found[award.type, default: .init()].add(profiles[i].kind)
                }
            }
        }
        return found
    }
}
