import Foundation

/// Renders every output file of a site. Pure: the same site, index and theme always give
/// the same bytes, whichever thread renders a page and in whatever order.
public struct SiteRenderer: Sendable {
    let site: Site
    let index: SiteIndex
    let theme: Theme
    let urls: SiteURLs
    let markdown: MarkdownRenderer
    /// Each profile's list item, rendered once and reused on every list that shows it.
    let cards: [String]
    /// Award records counted for `/thong-ke/` and the term summaries.
    let statistics: Statistics
    /// The files of the search index.
    public internal(set) var searchIndex: SearchIndex
    /// Term descriptions rendered once: [taxonomy][term].
    let termDescriptions: [TaxonomyKind: [String]]
    /// Links to every term in use, rendered once.
    let termLinks: TermLinks

    /// Most URLs one sitemap file may hold (the protocol's limit; smaller in tests).
    let sitemapLimit: Int

    /// Published photo sizes (path relative to `content/`), for width and height attributes.
    let photoSizes: [String: PhotoSize]

    /// A renderer for `site` after an edit that changed neither the list order, the terms
    /// nor the awards of any profile (see ``IncrementalBuild``): everything is reused from
    /// `previous` except the list items of `changed` profiles. The search index is kept as
    /// it was; replace it with ``withSearchIndex(_:)`` once rebuilt.
    public init(updating previous: SiteRenderer, site: Site, changed: Set<Int>, index: SiteIndex? = nil) {
        self.site = site
        self.index = index ?? previous.index
        theme = previous.theme
        urls = previous.urls
        markdown = previous.markdown
        photoSizes = previous.photoSizes
        sitemapLimit = previous.sitemapLimit
        var cards = previous.cards
        for i in changed { cards[i] = Self.card(site, urls, theme, i) }
        self.cards = cards
        termDescriptions = previous.termDescriptions
        termLinks = previous.termLinks
        statistics = previous.statistics
        searchIndex = previous.searchIndex
        base = BaseContext(site: site, urls: urls, theme: theme)
        paginationItems = RenderCache(theme: theme, template: "pagination-item")
    }

    /// The same renderer with another search index.
    public func withSearchIndex(_ index: SearchIndex) -> SiteRenderer {
        var copy = self
        copy.searchIndex = index
        return copy
    }

    /// Every profile's list item (`partials/profile-card`), rendered in parallel. Needs
    /// no index, so a build renders them while the index is being built.
    public static func cards(site: Site, theme: Theme) -> [String] {
        let urls = SiteURLs(baseURL: site.config.baseURL)
        return Parallel.map(site.profiles.count) { i in card(site, urls, theme, i) }
    }

    /// Prepares the renderer (renders the list items in parallel unless given `cards`
    /// from ``cards(site:theme:)``). With `deferringSearchIndex` the search index is left
    /// empty for the caller to build alongside the pages and attach with
    /// ``withSearchIndex(_:)``.
    public init(site: Site, index: SiteIndex, theme: Theme, cards: [String]? = nil,
                photoSizes: [String: PhotoSize] = [:],
                sitemapLimit: Int = 50_000, deferringSearchIndex: Bool = false) {
        self.photoSizes = photoSizes
        self.sitemapLimit = max(1, sitemapLimit)
        self.site = site
        self.index = index
        self.theme = theme
        urls = SiteURLs(baseURL: site.config.baseURL)
        let markdown = MarkdownRenderer(rootPath: urls.root)
        self.markdown = markdown
        self.cards = cards ?? Self.cards(site: site, theme: theme)
        var descriptions: [TaxonomyKind: [String]] = [:]
        for taxonomy in index.taxonomies {
            descriptions[taxonomy.kind] = taxonomy.terms.map { term in
                term.description.map { markdown.render($0).html } ?? ""
            }
        }
        termDescriptions = descriptions
        termLinks = TermLinks(index: index, theme: theme, urls: urls)
        statistics = Statistics(site: site)
        searchIndex = deferringSearchIndex ? .empty : SearchIndex(site: site, index: index, root: urls.root)
        base = BaseContext(site: site, urls: urls, theme: theme)
        paginationItems = RenderCache(theme: theme, template: "pagination-item")
    }

    // MARK: Plan

    /// The jobs writing the search index's files.
    public var searchFileJobs: [PageJob] { searchIndex.files.indices.map { .searchFile($0) } }

    /// Every file to produce, in a fixed order.
    public func plan() -> [PageJob] {
        var jobs: [PageJob] = [.home]
        jobs += site.profiles.indices.map { .profile($0) }
        for taxonomy in index.taxonomies {
            jobs.append(.taxonomy(taxonomy.kind))
            for (t, term) in taxonomy.terms.enumerated() {
                for page in 1...pageCount(term) { jobs.append(.term(taxonomy.kind, term: t, page: page)) }
            }
        }
        jobs += site.pages.indices.map { .page($0) }
        jobs += [.statistics, .statisticsCSV, .statisticsJSON]
        if site.report != nil { jobs.append(.report) }
        jobs.append(.search)
        jobs += searchFileJobs
        jobs += [.notFound, .feed, .robots]
        let parts = (htmlURLCount(jobs) + sitemapLimit - 1) / sitemapLimit
        if parts <= 1 { jobs.append(.sitemap(part: 0)) } else {
            jobs += (1...parts).map { .sitemap(part: $0) }
            jobs.append(.sitemapIndex)
        }
        return jobs
    }

    /// The folders the HTML pages of `jobs` are written into, in job order.
    public func folders(of jobs: [PageJob]) -> [String] {
        var folders: [String] = []
        folders.reserveCapacity(jobs.count)
        for job in jobs {
            guard let path = path(of: job) else { continue }
            let file = urls.outputFile(path)
            guard let slash = file.lastIndex(of: "/") else { continue }
            folders.append(String(file[..<slash]))
        }
        return folders
    }

    func pageCount(_ term: Term) -> Int {
        max(1, (term.profiles.count + site.config.pagination - 1) / site.config.pagination)
    }

    private func htmlURLCount(_ jobs: [PageJob]) -> Int {
        jobs.count { if case .notFound = $0 { return false }; return path(of: $0) != nil }
    }

    /// The site path of an HTML page job (`nil` for non-pages).
    func path(of job: PageJob) -> String? {
        switch job {
        case .home: return urls.home
        case .profile(let i): return urls.profile(site.profiles[i].slug)
        case .taxonomy(let kind): return urls.taxonomy(kind)
        case .term(let kind, let t, let page): return urls.term(kind, index.taxonomy(kind).terms[t].key, page: page)
        case .page(let i): return urls.page(site.pages[i].slug)
        case .statistics: return urls.statistics
        case .report: return urls.report
        case .search: return urls.search
        case .notFound: return urls.content("404.html")
        case .statisticsCSV, .statisticsJSON, .searchFile, .sitemap, .sitemapIndex, .feed, .robots: return nil
        }
    }

    // MARK: Render

    /// The output file (relative to the output folder) and its bytes.
    public func render(_ job: PageJob) -> (file: String, bytes: [UInt8]) {
        switch job {
        case .home: return html(urls.home, theme.render("layout-home", homeContext()))
        case .profile(let i):
            return html(urls.profile(site.profiles[i].slug), theme.render("layout-profile", profileContext(i)))
        case .taxonomy(let kind): return html(urls.taxonomy(kind), theme.render("layout-taxonomy", taxonomyContext(kind)))
        case .term(let kind, let t, let page):
            let term = index.taxonomy(kind).terms[t]
            return html(urls.term(kind, term.key, page: page), theme.render("layout-term", termContext(kind, t, page)))
        case .page(let i): return html(urls.page(site.pages[i].slug), theme.render("layout-page", pageContext(i)))
        case .statistics: return html(urls.statistics, theme.render("layout-statistics", statisticsContext()))
        case .report: return html(urls.report, theme.render("layout-report", reportContext()))
        case .search: return html(urls.search, theme.render("layout-search", searchContext()))
        case .searchFile(let i): return (searchIndex.files[i].path, searchIndex.files[i].bytes)
        case .statisticsCSV: return ("thong-ke/thong-ke.csv", Array(statisticsCSV().utf8))
        case .statisticsJSON: return ("thong-ke/thong-ke.json", Array(statisticsJSON().utf8))
        case .notFound: return ("404.html", Array(theme.render("layout-404", notFoundContext()).utf8))
        case .sitemap(let part): return (part == 0 ? "sitemap.xml" : "sitemap-\(part).xml", Array(sitemap(part: part).utf8))
        case .sitemapIndex: return ("sitemap.xml", Array(sitemapIndex().utf8))
        case .feed: return ("feed.xml", Array(feed().utf8))
        case .robots:
            return ("robots.txt", Array("User-agent: *\nAllow: /\nSitemap: \(urls.absolute(urls.content("sitemap.xml")))\n".utf8))
        }
    }

    private func html(_ path: String, _ text: String) -> (file: String, bytes: [UInt8]) {
        (urls.outputFile(path), Array(text.utf8))
    }

    /// The parts of a page's context shared by every page.
    let base: BaseContext
    /// `partials/pagination-item` by place (see ``Pagination``).
    let paginationItems: RenderCache
}
