/// The template interface: what each template is rendered with, for site owners who
/// override the theme (`docs/theming.md`, written from here). The names come from the
/// contexts the pages are really rendered with (``ContextRecorder``); their meanings are
/// written below, one per name, and a test fails when the two disagree.
enum TemplateReference {
    /// The interface's version. A site's template can say which one it was written for
    /// with a comment on its first lines, `{{! vinhdanh-templates: 1}}`.
    static let version = 1

    /// What each name means, by its dotted path (the same path means the same thing in
    /// every template that has it).
    static let meanings: [String: String] = [
        // Every page (BaseContext).
        "site": "The site's settings (`content/site.yaml`).",
        "site.title": "Site name.",
        "site.description": "Site description.",
        "site.baseURL": "Public address, ending in `/`.",
        "site.root": "The site's root path (`/` or `/sub-path/`): prefix of every internal link.",
        "site.language": "`language` of `site.yaml`.",
        "site.organization": "The organisation that keeps the site.",
        "site.notice": "A notice shown on every page (empty when none).",
        "site.stylesheet": "URL of the theme's `assets/style.css`.",
        "site.feed": "URL of the Atom feed.",
        "page": "The page being rendered. A site's `head`, `header`, `footer` or `breadcrumbs` that uses it is rendered with each page.",
        "page.title": "The page's own title.",
        "page.fullTitle": "Title for `<title>`: the page's, then the site's.",
        "page.description": "Meta description: the page's summary, else the site's description.",
        "page.canonical": "Absolute URL of the page.",
        "page.ogType": "Open Graph type (`website`, `profile`).",
        "page.ogImage": "Absolute URL of the sharing image (empty when none).",
        "page.ogImageAlt": "Its alternative text.",
        "page.section": "The navigation section the page belongs to (`dia-ban`, `thong-ke`…).",
        "headHTML": "`partials/head` rendered (the site's part of every `<head>`).",
        "headerHTML": "`partials/header` rendered for the page's section.",
        "footerHTML": "`partials/footer` rendered.",
        "breadcrumbs": "The trail above the page (false on the home page).",
        "breadcrumbs.trailHTML": "`partials/breadcrumbs` rendered: the links before the current page.",
        "breadcrumbs.current": "The current page's name, last in the trail.",
        "pagination": "The page bar of a paginated list (false with one page).",
        "pagination.items": "Each place of the bar, `partials/pagination-item` rendered.",
        "pagination.current": "The current page's number.",
        "pagination.count": "The number of pages.",
        "pagination.previous": "URL of the previous page (empty on the first).",
        "pagination.next": "URL of the next page (empty on the last).",
        // partials/header, nav
        "nav": "The navigation links.",
        "nav.name": "Link text.",
        "nav.url": "Link target.",
        "nav.current": "Whether it is the current section.",
        // partials/breadcrumbs
        "trail": "The links before the current page.",
        "trail.name": "Link text.",
        "trail.url": "Link target.",
        // partials/term-link, pagination-item, profile-card
        "name": "Link text: a term's name (the bare year for years).",
        "url": "Link target.",
        "gap": "Whether this place of the page bar is a gap (…).",
        "current": "Whether this place is the current page.",
        "number": "The page number.",
        "title": "The profile's name or title.",
        "kind": "Its kind: Cá nhân, Tập thể or Hộ gia đình.",
        "district": "Its place's name.",
        "summary": "Its summary (empty when none).",
        "photo": "URL of its photo (empty when none).",
        "topAward": "Its most senior award's name (empty when none).",
        "topAwardYear": "The latest year it received that award.",
        // layouts/profile
        "profile": "The profile.",
        "profile.title": "Name or title.",
        "profile.summary": "Summary (empty when none).",
        "profile.kindLink": "Link to its kind's list.",
        "profile.districtLink": "Link to its place's list.",
        "profile.commune": "Its commune as written (empty when none).",
        "profile.today": "Link to the commune of today it is part of, with the province (empty when unknown).",
        "profile.unit": "Unit or workplace.",
        "profile.position": "Position.",
        "profile.ethnicity": "Ethnic group.",
        "profile.movements": "Links to its movements' lists.",
        "profile.hasMovements": "Whether it has any.",
        "profile.awards": "Its awards, as written.",
        "profile.awards.typeLink": "Link to the award type's list.",
        "profile.awards.issuer": "The province that made it, for a provincial award (empty otherwise).",
        "profile.awards.yearLink": "Link to the year's list.",
        "profile.awards.decision": "The decision (empty when none).",
        "profile.awards.placeLink": "Link to the unit in force at the award, when the profile's awards were made in more than one place (empty otherwise).",
        "profile.awardsPlaced": "Whether they were (the table then has a place column).",
        "profile.body": "The Markdown body, rendered as HTML.",
        "profile.date": "Its `date`, as dd/mm/yyyy (empty when none).",
        "profile.isoDate": "The same, as yyyy-mm-dd.",
        "profile.photo": "Its photo (false when none).",
        "profile.photo.url": "Photo URL.",
        "profile.photo.alt": "Alternative text.",
        "profile.photo.width": "Width to show, in pixels (false when unknown).",
        "profile.photo.height": "Height to show, in pixels (false when unknown).",
        "jsonLD": "The schema.org description of the profile, as JSON for a `<script>`.",
        // layouts/taxonomy
        "taxonomy": "A taxonomy's index page.",
        "taxonomy.title": "The taxonomy's title.",
        "taxonomy.isYear": "Whether it is the years.",
        "taxonomy.terms": "Its terms with profiles (for places: the district-level units).",
        "taxonomy.terms.key": "Term key.",
        "taxonomy.terms.name": "Term name.",
        "taxonomy.terms.url": "URL of its list.",
        "taxonomy.terms.count": "Its number of profiles.",
        "taxonomy.terms.period": "A place's period (`đến 30/06/2025`; empty for others).",
        "taxonomy.hasGroups": "Whether today's communes are listed, grouped by the former units they came from.",
        "taxonomy.groups": "Those groups.",
        "taxonomy.groups.name": "The former unit's name.",
        "taxonomy.groups.period": "Its period.",
        "taxonomy.groups.communes": "Today's communes formed (in part) from it, as terms.",
        "taxonomy.groups.communes.key": "Term key.",
        "taxonomy.groups.communes.name": "Term name.",
        "taxonomy.groups.communes.url": "URL of its list.",
        "taxonomy.groups.communes.count": "Its number of profiles.",
        "taxonomy.groups.communes.period": "Empty.",
        "taxonomy.since": "The day today's communes began (dd/mm/yyyy).",
        // layouts/term
        "term": "One page of a term's list.",
        "term.name": "The term's name.",
        "term.noun": "What the term is (`Địa bàn`, `Phong trào`…).",
        "term.count": "Its number of profiles.",
        "term.cards": "This page's profiles, `partials/profile-card` rendered.",
        "term.first": "Position of the first profile shown.",
        "term.last": "Position of the last profile shown.",
        "term.paginated": "Whether the list has more than one page.",
        "term.description": "The term's description, as HTML (page 1 only).",
        "term.summary": "A place's or movement's count of award records (page 1 only).",
        "term.became": "What a former unit became, as HTML (page 1 only; empty otherwise).",
        "term.groups": "A commune of today's list in two parts (empty for other terms).",
        "term.groups.id": "The part's anchor.",
        "term.groups.heading": "Its heading.",
        "term.groups.note": "A note under it (empty when none).",
        "term.groups.rows": "The awards made there, as table rows (empty for the second part).",
        "term.groups.groupCards": "The former communes' exemplars, `partials/profile-card` rendered (empty for the first part).",
        // layouts/home
        "totals": "The site's totals.",
        "totals.profiles": "Number of profiles.",
        "totals.awards": "Number of award records.",
        "totals.kinds": "Profiles by kind.",
        "totals.kinds.label": "The kind.",
        "totals.kinds.count": "Its number of profiles.",
        "totals.kinds.url": "URL of its list.",
        "indexes": "The browse indexes (movements, places, award types).",
        "indexes.title": "The index's title.",
        "indexes.url": "URL of the index page.",
        "indexes.terms": "Its terms.",
        "indexes.terms.key": "Term key.",
        "indexes.terms.name": "Term name.",
        "indexes.terms.url": "URL of its list.",
        "indexes.terms.count": "Its number of profiles.",
        "indexes.terms.period": "A place's period (empty for others).",
        "newest": "The newest profiles, `partials/profile-card` rendered.",
        // layouts/page
        "content": "A standalone page (`content/pages/`).",
        "content.title": "Its title.",
        "content.body": "Its Markdown, rendered as HTML.",
        // layouts/search
        "search": "The search page.",
        "search.index": "URL of the search index's folder.",
        "search.script": "URL of `assets/search.js`.",
        "search.filters": "The filters.",
        "search.filters.name": "Filter key (the taxonomy's path).",
        "search.filters.label": "Filter label.",
        "search.filters.options": "Its choices.",
        "search.filters.options.key": "Choice key.",
        "search.filters.options.name": "Choice name.",
        "search.browse": "Links to the browse indexes (shown without JavaScript).",
        "search.browse.title": "Link text.",
        "search.browse.url": "Link target.",
        // layouts/statistics, partials/stat-table
        "stats": "The statistics page.",
        "stats.profiles": "Number of profiles.",
        "stats.records": "Number of award records.",
        "stats.csv": "URL of the CSV download.",
        "stats.json": "URL of the JSON download.",
        "stats.report": "URL of the report page (empty when none).",
        "stats.share": "Award shares beside the official report.",
        "stats.share.chart": "The chart, as SVG.",
        "stats.share.rows": "Its rows.",
        "stats.share.rows.name": "Row name.",
        "stats.share.rows.cells": "Its cells.",
        "stats.share.rows.cells.value": "A cell's text.",
        "stats.sections": "The tables, one section each.",
        "stats.sections.id": "The section's anchor.",
        "stats.sections.title": "Its heading.",
        "stats.sections.note": "A note under it (empty when none).",
        "stats.sections.chart": "Its chart, as SVG (empty when none).",
        "stats.sections.table": "Its table (`partials/stat-table`).",
        "stats.sections.table.caption": "Table caption.",
        "stats.sections.table.columns": "Column headers.",
        "stats.sections.table.rows": "Rows.",
        "stats.sections.table.rows.name": "Row header.",
        "stats.sections.table.rows.url": "Its link (empty when none).",
        "stats.sections.table.rows.isTotal": "Whether it is the total row.",
        "stats.sections.table.rows.cells": "Its cells.",
        "stats.sections.table.rows.cells.value": "A cell's text.",
        // layouts/report
        "report": "The official report's page (`content/data/report-totals.yaml`).",
        "report.title": "The report's title.",
        "report.issuer": "Who issued it.",
        "report.number": "Its number.",
        "report.date": "Its date.",
        "report.period": "The period it covers.",
        "report.firstYear": "First year of the period.",
        "report.lastYear": "Last year.",
        "report.section": "The section of the report the figures come from.",
        "report.source": "Where the report was read.",
        "report.notes": "Notes on the figures.",
        "report.chart": "The chart, as SVG.",
        "report.items": "The report's figures beside the site's.",
        "report.items.name": "Row name.",
        "report.items.source": "Where in the report.",
        "report.items.cells": "Its cells.",
        "report.items.cells.value": "A cell's text.",
        "report.coverage": "How much of the report the site covers, by place.",
        "report.coverage.name": "The place.",
        "report.coverage.url": "Its list.",
        "report.coverage.cells": "Its cells.",
        "report.coverage.cells.value": "A cell's text.",
    ]

    /// The reference, in Markdown: for each template rendered on its own (layouts, and the
    /// partials rendered once and inserted as HTML), each name with its meaning and an
    /// example from the site whose contexts were `recorded`.
    static func markdown(_ recorded: [String: KeyTree]) -> String {
        var text = """
            # Theming reference

            Written by `TemplateReferenceTests` from the contexts the sample site's pages are \
            rendered with (template interface version \(version)). Do not edit by hand: \
            run `VINHDANH_WRITE_REFERENCE=1 swift test --filter TemplateReferenceTests`.

            A site overrides any template of `theme/` with a file at the same path in its \
            `site-templates/`. Each template below is rendered with the names listed under \
            it. Partials it includes (`{{> nav}}`, `{{> pagination}}`, `{{> stat-table}}`) \
            see the same names, at the place they are included. `vinhdanh check` warns \
            (VD031) of a name a site template looks up that its page does not offer. A \
            template can say which version it was written for: `{{! vinhdanh-templates: \(version)}}`. \
            The words the code writes into these names (navigation labels, titles, the \
            sentences of list pages) come from `theme/strings.yaml`, which a site's \
            `site-templates/strings.yaml` overrides key by key.

            """
        let order = recorded.keys.sorted { ($0.hasPrefix("layout-") ? 0 : 1, $0) < ($1.hasPrefix("layout-") ? 0 : 1, $1) }
        for name in order {
            guard let tree = recorded[name] else { continue }
            let file = name.hasPrefix("layout-") ? "layouts/\(name.dropFirst("layout-".count)).mustache" : "partials/\(name).mustache"
            text += "\n## `\(file)`\n\n"
            func list(_ node: KeyTree, _ path: String, _ depth: Int) {
                for key in node.children.keys.sorted() {
                    guard let child = node.children[key] else { continue }
                    let full = path.isEmpty ? key : path + "." + key
                    let example = child.example.map { " Example: `\(Self.shown($0))`." } ?? ""
                    text += String(repeating: "  ", count: depth) + "- `\(key)`: \(meanings[full] ?? "(no meaning written)")\(example)\n"
                    list(child, full, depth + 1)
                }
            }
            list(tree, "", 0)
        }
        return text
    }

    /// An example as shown: on one line, at most 60 characters, no backquote.
    private static func shown(_ example: String) -> String {
        let line = example.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "`", with: "'")
        return line.count > 60 ? String(line.prefix(59)) + "…" : line
    }

    /// Every dotted path of `recorded`.
    static func paths(_ recorded: [String: KeyTree]) -> Set<String> {
        var found = Set<String>()
        func walk(_ node: KeyTree, _ path: String) {
            for (key, child) in node.children {
                let full = path.isEmpty ? key : path + "." + key
                found.insert(full)
                walk(child, full)
            }
        }
        for tree in recorded.values { walk(tree, "") }
        return found
    }
}
