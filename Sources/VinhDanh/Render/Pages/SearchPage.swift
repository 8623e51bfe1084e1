import VinhDanhIndex
import VinhDanhSupport

/// `/tim-kiem/`: the search form, its filters filled from the terms in use.
struct SearchPage: PageKind {
    func pages(_ r: SiteRenderer) -> [PageRef] { [PageRef()] }
    func path(_ page: PageRef, _ r: SiteRenderer) -> String? { r.urls.search }
    func render(_ page: PageRef, _ r: SiteRenderer) -> [UInt8] { html(r, "layout-search", r.searchContext()) }
    var templates: [String] { ["layout-search"] + sharedTemplates }
    func inputs(_ page: PageRef, _ r: SiteRenderer, _ hasher: inout InputHasher) {
        for kind in TaxonomyKind.allCases { r.addTermList(kind, &hasher) }
    }
}

extension SiteRenderer {
    /// `/tim-kiem/`: the form (filters filled from the terms in use) and the client script.
    func searchContext() -> [String: Any] {
        func options(_ kind: TaxonomyKind) -> [[String: Any]] {
            index.taxonomy(kind).terms.map { ["key": $0.key, "name": $0.name] }
        }
        let filters: [[String: Any]] = [
            ["name": TaxonomyKind.district.path, "label": strings.noun(of: .district), "options": options(.district)],
            ["name": TaxonomyKind.movement.path, "label": strings.noun(of: .movement), "options": options(.movement)],
            ["name": TaxonomyKind.award.path, "label": strings.noun(of: .award), "options": options(.award)],
            ["name": TaxonomyKind.year.path, "label": strings.noun(of: .year), "options": options(.year)],
            ["name": TaxonomyKind.kind.path, "label": strings.noun(of: .kind), "options": options(.kind)],
        ]
        return base.page(
            title: strings[.searchTitle],
            description: strings[.searchDescription],
            path: urls.search, section: "tim-kiem", breadcrumbs: [(strings[.navHome], urls.home), (strings[.navSearch], nil)],
            extra: [
                "search": [
                    "filters": filters,
                    "script": urls.asset("search.js"),
                    "index": urls.content("tim-kiem/chi-muc/"),
                    "browse": [TaxonomyKind.movement, .district, .award, .year, .kind].map { ["title": strings.title(of: $0), "url": urls.taxonomy($0)] },
                ] as [String: Any],
            ])
    }
}
