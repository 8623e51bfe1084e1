import VinhDanhSupport

/// The standalone pages of `content/pages/` (`gioi-thieu.md` → `/gioi-thieu/`). Their
/// sources are site-wide inputs.
struct ContentPages: PageKind {
    func pages(_ r: SiteRenderer) -> [PageRef] { r.site.pages.indices.map { PageRef($0) } }
    func path(_ page: PageRef, _ r: SiteRenderer) -> String? { r.urls.page(r.site.pages[page.a].slug) }
    func render(_ page: PageRef, _ r: SiteRenderer) -> [UInt8] { html(r, "layout-page", r.pageContext(page.a)) }
    var templates: [String] { ["layout-page"] + sharedTemplates }
    func inputs(_ page: PageRef, _ r: SiteRenderer, _ hasher: inout InputHasher) {}
}

extension SiteRenderer {
    func pageContext(_ i: Int) -> [String: Any] {
        let page = site.pages[i]
        return base.page(
            title: page.title, description: page.summary, path: urls.page(page.slug), section: page.slug,
            breadcrumbs: [(strings[.navHome], urls.home), (page.title, nil)], type: "article",
            layout: ContentLayout(content: ContentView(title: page.title, body: markdown.render(page.body).html)))
    }
}
