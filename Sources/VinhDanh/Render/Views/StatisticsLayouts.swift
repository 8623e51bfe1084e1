/// What `layouts/statistics` is rendered with, besides the ``PageFrame``.
struct StatisticsLayout: TemplateView {
    /// The statistics page.
    let stats: StatisticsView

    var values: [String: Any] { ["stats": stats.object] }
}

/// The statistics page.
struct StatisticsView: TemplateView {
    /// Number of profiles.
    let profiles: String
    /// Number of award records.
    let records: String
    /// The tables, one section each.
    let sections: [StatisticsSectionView]
    /// Award shares beside the official report.
    let share: ShareView
    /// URL of the CSV download.
    let csv: String
    /// URL of the JSON download.
    let json: String
    /// URL of the report page (empty when none).
    let report: String

    var values: [String: Any] {
        ["profiles": TemplateText(profiles), "records": TemplateText(records), "sections": sections.objects,
         "share": share.object, "csv": TemplateText(csv), "json": TemplateText(json), "report": TemplateText(report)]
    }
}

/// The share of awards made to individuals and households, by year.
struct ShareView: TemplateView {
    /// The chart, as SVG.
    let chart: String
    /// Its rows.
    let rows: [FigureRowView]

    var values: [String: Any] { ["chart": TemplateText(chart), "rows": rows.objects] }
}

/// A row of figures.
struct FigureRowView: TemplateView {
    /// Row name.
    let name: String
    /// Its cells.
    let cells: [CellView]

    var values: [String: Any] { ["name": TemplateText(name), "cells": cells.objects] }
}

/// A cell of a table.
struct CellView: TemplateView {
    /// A cell's text.
    let value: String

    var values: [String: Any] { ["value": TemplateText(value)] }
}

/// A section of the statistics page.
struct StatisticsSectionView: TemplateView {
    /// The section's anchor.
    let id: String
    /// Its heading.
    let title: String
    /// A note under it (empty when none).
    let note: String
    /// Its chart, as SVG (empty when none).
    let chart: String
    /// Its table (`partials/stat-table`).
    let table: StatisticsTableView

    var values: [String: Any] {
        ["id": TemplateText(id), "title": TemplateText(title), "note": TemplateText(note), "chart": TemplateText(chart),
         "table": table.object]
    }
}

/// A table of counts by kind (`partials/stat-table`).
struct StatisticsTableView: TemplateView {
    /// Table caption.
    let caption: String
    /// Column headers.
    let columns: [String]
    /// Rows.
    let rows: [StatisticsRowView]

    var values: [String: Any] { ["caption": TemplateText(caption), "columns": columns.texts, "rows": rows.objects] }
}

/// A row of a table of counts.
struct StatisticsRowView: TemplateView {
    /// Row header.
    let name: String
    /// Its link (empty when none).
    let url: String
    /// Whether it is the total row.
    let isTotal: Bool
    /// Its cells.
    let cells: [CellView]

    var values: [String: Any] { ["name": TemplateText(name), "url": TemplateText(url), "isTotal": isTotal, "cells": cells.objects] }
}

/// What `layouts/report` is rendered with, besides the ``PageFrame``.
struct ReportLayout: TemplateView {
    /// The official report's page (`content/data/report-totals.yaml`).
    let report: ReportView

    var values: [String: Any] { ["report": report.object] }
}

/// The official report's figures beside the site's.
struct ReportView: TemplateView {
    /// The report's title.
    let title: String
    /// Who issued it.
    let issuer: String
    /// Its number.
    let number: String
    /// Its date.
    let date: String
    /// The period it covers.
    let period: String
    /// First year of the period.
    let firstYear: String
    /// Last year.
    let lastYear: String
    /// The section of the report the figures come from.
    let section: String
    /// Where the report was read.
    let source: String
    /// Notes on the figures.
    let notes: [String]
    /// The chart, as SVG.
    let chart: String
    /// The report's figures beside the site's.
    let items: [ReportItemView]
    /// How much of the report the site covers, by award type.
    let coverage: [CoverageRowView]

    var values: [String: Any] {
        ["title": TemplateText(title), "issuer": TemplateText(issuer), "number": TemplateText(number), "date": TemplateText(date),
         "period": TemplateText(period), "firstYear": TemplateText(firstYear), "lastYear": TemplateText(lastYear),
         "section": TemplateText(section), "source": TemplateText(source), "notes": notes.texts,
         "chart": TemplateText(chart), "items": items.objects, "coverage": coverage.objects]
    }
}

/// A figure of the report.
struct ReportItemView: TemplateView {
    /// Row name.
    let name: String
    /// Where in the report.
    let source: String
    /// Its cells.
    let cells: [CellView]

    var values: [String: Any] { ["name": TemplateText(name), "source": TemplateText(source), "cells": cells.objects] }
}

/// The site's coverage of one of the report's award types.
struct CoverageRowView: TemplateView {
    /// The award type.
    let name: String
    /// Its list (empty when no profile has it).
    let url: String
    /// Its cells.
    let cells: [CellView]

    var values: [String: Any] { ["name": TemplateText(name), "url": TemplateText(url), "cells": cells.objects] }
}
