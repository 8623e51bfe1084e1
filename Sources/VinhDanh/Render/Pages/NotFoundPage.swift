import VinhDanhIndex
import VinhDanhSupport

/// `/404.html`, with links to the ways in. Not in the sitemap.
struct NotFoundPage: PageKind {
    func pages(_ r: SiteRenderer) -> [PageRef] { [PageRef()] }
    func path(_ page: PageRef, _ r: SiteRenderer) -> String? { r.urls.content("404.html") }
    func file(_ page: PageRef, _ r: SiteRenderer) -> String { "404.html" }
    func render(_ page: PageRef, _ r: SiteRenderer) -> [UInt8] { html(r, "layout-404", r.notFoundContext()) }
    var templates: [String] { ["layout-404"] + sharedTemplates }
    var inSitemap: Bool { false }
    func inputs(_ page: PageRef, _ r: SiteRenderer, _ hasher: inout InputHasher) {}
}

extension SiteRenderer {
    func notFoundContext() -> [String: Any] {
        base.page(title: strings[.notFoundTitle], description: strings[.notFoundDescription],
                  path: urls.content("404.html"), section: "", breadcrumbs: [],
                  layout: NotFoundLayout(indexes: [TaxonomyKind.movement, .district, .award].map {
                      IndexLinkView(title: strings.title(of: $0), url: urls.taxonomy($0))
                  }))
    }
}
