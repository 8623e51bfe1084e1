import Foundation
import VinhDanhSupport

/// `/sitemap.xml`, or past ``SiteRenderer/sitemapLimit`` URLs an index of
/// `/sitemap-N.xml` parts: every HTML page of the other kinds with its content date.
/// A page is `PageRef(part)`; part 0 is the single sitemap, -1 the index.
struct SitemapFiles: PageKind {
    func pages(_ r: SiteRenderer) -> [PageRef] {
        let parts = (r.sitemapEntries().count + r.sitemapLimit - 1) / r.sitemapLimit
        if parts <= 1 { return [PageRef(0)] }
        return (1...parts).map { PageRef($0) } + [PageRef(-1)]
    }

    func path(_ page: PageRef, _ r: SiteRenderer) -> String? { nil }

    func file(_ page: PageRef, _ r: SiteRenderer) -> String {
        page.a <= 0 ? "sitemap.xml" : "sitemap-\(page.a).xml"
    }

    func render(_ page: PageRef, _ r: SiteRenderer) -> [UInt8] {
        Array((page.a < 0 ? r.sitemapIndex() : r.sitemap(part: page.a)).utf8)
    }

    var templates: [String] { [] }
    var followsReload: Bool { true }

    func inputs(_ page: PageRef, _ r: SiteRenderer, _ hasher: inout InputHasher) {
        hasher.add(page.a)
        hasher.add(r.sitemapLimit)
        for (path, date) in r.sitemapEntries() {
            hasher.add(path)
            hasher.add(date?.description)
        }
    }
}

extension SiteRenderer {
    func sitemap(part: Int) -> String {
        let entries = sitemapEntries()
        let chunk = part == 0 ? entries[...] : entries.dropFirst((part - 1) * sitemapLimit).prefix(sitemapLimit)
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for entry in chunk {
            xml += "<url><loc>\(HTMLEscaping.escape(entry.loc))</loc>"
            if let date = entry.lastmod { xml += "<lastmod>\(date)</lastmod>" }
            xml += "</url>\n"
        }
        return xml + "</urlset>\n"
    }

    func sitemapIndex() -> String {
        let parts = (sitemapEntries().count + sitemapLimit - 1) / sitemapLimit
        let newest = index.newest.first.map { site.profiles[$0].effectiveDate.description }
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for part in 1...max(1, parts) {
            xml += "<sitemap><loc>\(HTMLEscaping.escape(urls.absolute(urls.content("sitemap-\(part).xml"))))</loc>"
            if let newest { xml += "<lastmod>\(newest)</lastmod>" }
            xml += "</sitemap>\n"
        }
        return xml + "</sitemapindex>\n"
    }
}
