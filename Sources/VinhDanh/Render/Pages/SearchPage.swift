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
        let filters = [TaxonomyKind.district, .movement, .award, .year, .kind].map { kind in
            SearchFilterView(name: kind.path, label: strings.noun(of: kind),
                             options: index.taxonomy(kind).terms.map { SearchOptionView(key: $0.key, name: $0.name) })
        }
        return base.page(
            title: strings[.searchTitle],
            description: strings[.searchDescription],
            path: urls.search, section: "tim-kiem", breadcrumbs: [(strings[.navHome], urls.home), (strings[.navSearch], nil)],
            layout: SearchLayout(search: SearchView(
                index: urls.content("tim-kiem/chi-muc/"), script: urls.asset("search.js"), filters: filters,
                browse: [TaxonomyKind.movement, .district, .award, .year, .kind].map { IndexLinkView(title: strings.title(of: $0), url: urls.taxonomy($0)) })))
    }
}
