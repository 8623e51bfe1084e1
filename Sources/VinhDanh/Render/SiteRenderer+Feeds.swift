extension SiteRenderer {
    /// HTML pages listed in sitemaps, in plan order, each with its last-modified date:
    /// the newest content it shows (never the build time).
    private func sitemapEntries() -> [(loc: String, lastmod: CalendarDate?)] {
        // `effectiveDate` is computed; a term's newest date is worked out once, not once
        // per page of the term (quadratic in the term's size otherwise).
        let dates = site.profiles.map(\.effectiveDate)
        var termDates: [TaxonomyKind: [CalendarDate?]] = [:]
        for taxonomy in index.taxonomies {
            termDates[taxonomy.kind] = taxonomy.terms.map { $0.profiles.lazy.map { dates[$0] }.max() }
        }
        let newest = index.newest.first.map { dates[$0] }
        return plan().compactMap { job in
            if case .notFound = job { return nil }
            let lastmod: CalendarDate?
            switch job {
            case .profile(let i): lastmod = dates[i]
            case .term(let kind, let t, _): lastmod = termDates[kind]?[t] ?? nil
            case .home, .taxonomy: lastmod = newest
            default: lastmod = nil
            }
            return path(of: job).map { (urls.absolute($0), lastmod) }
        }
    }

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

    /// Atom feed of the 50 newest profiles.
    func feed() -> String {
        let config = site.config
        let e = HTMLEscaping.escape
        let newest = index.newest.prefix(50)
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
