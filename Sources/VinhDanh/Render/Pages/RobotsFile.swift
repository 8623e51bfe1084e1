import VinhDanhSupport

/// `/robots.txt`: everything allowed, and where the sitemap is.
struct RobotsFile: PageKind {
    func pages(_ r: SiteRenderer) -> [PageRef] { [PageRef()] }
    func path(_ page: PageRef, _ r: SiteRenderer) -> String? { nil }
    func file(_ page: PageRef, _ r: SiteRenderer) -> String { "robots.txt" }
    func render(_ page: PageRef, _ r: SiteRenderer) -> [UInt8] {
        Array("User-agent: *\nAllow: /\nSitemap: \(r.urls.absolute(r.urls.content("sitemap.xml")))\n".utf8)
    }
    var templates: [String] { [] }
    func inputs(_ page: PageRef, _ r: SiteRenderer, _ hasher: inout InputHasher) {}
}
