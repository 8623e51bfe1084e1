import Foundation
import VinhDanhSupport

/// `/feed.xml`: an Atom feed of the newest profiles.
struct FeedFile: PageKind {
    /// How many of the newest profiles the feed carries.
    static let entries = 50

    func pages(_ r: SiteRenderer) -> [PageRef] { [PageRef()] }
    func path(_ page: PageRef, _ r: SiteRenderer) -> String? { nil }
    func file(_ page: PageRef, _ r: SiteRenderer) -> String { "feed.xml" }
    func render(_ page: PageRef, _ r: SiteRenderer) -> [UInt8] { Array(r.feed().utf8) }
    var templates: [String] { [] }
    func inputs(_ page: PageRef, _ r: SiteRenderer, _ hasher: inout InputHasher) {
        for i in r.index.newest.prefix(Self.entries) { r.addSource(i, &hasher) }
    }
}

extension SiteRenderer {
    /// Atom feed of the 50 newest profiles.
    func feed() -> String {
        let config = site.config
        let e = HTMLEscaping.escape
        let newest = index.newest.prefix(FeedFile.entries)
        let updated = newest.first.map { site.profiles[$0].effectiveDate.rfc3339 } ?? "1945-01-01T00:00:00Z"
        var xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="vi">
        <title>\(e(config.title))</title>
        <id>\(e(config.baseURL))</id>
        <link rel="alternate" type="text/html" href="\(e(config.baseURL))"/>
        <link rel="self" type="application/atom+xml" href="\(e(urls.absolute(urls.content("feed.xml"))))"/>
        <updated>\(updated)</updated>
        <author><name>\(e(config.organization.isEmpty ? config.title : config.organization))</name></author>

        """
        for i in newest {
            let profile = site.profiles[i]
            let url = urls.absolute(urls.profile(profile.slug))
            xml += "<entry><title>\(e(profile.title))</title><id>\(e(url))</id>"
            xml += "<link rel=\"alternate\" type=\"text/html\" href=\"\(e(url))\"/>"
            xml += "<updated>\(profile.effectiveDate.rfc3339)</updated>"
            if let summary = profile.summary { xml += "<summary>\(e(summary))</summary>" }
            xml += "</entry>\n"
        }
        return xml + "</feed>\n"
    }
}
