import Foundation
import VinhDanhConfig
import VinhDanhContent
import VinhDanhIndex
import VinhDanhMarkdown
import VinhDanhSupport
import VinhDanhText

/// Renders every output file of a site. Pure: the same site, index and theme always give
/// the same bytes, whichever thread renders a page and in whatever order.
public struct SiteRenderer: Sendable {
    package let site: Site
    package let index: SiteIndex
    package let theme: Theme
    package let urls: SiteURLs
    let markdown: MarkdownRenderer
    /// Each profile's list item, rendered once and reused on every list that shows it.
    package let cards: ProfileCards
    /// Award records counted for `/thong-ke/` and the term summaries.
    package let statistics: Statistics
    /// The files of the search index.
    public internal(set) var searchIndex: SearchIndex
    /// Term descriptions rendered once: [taxonomy][term].
    let termDescriptions: [TaxonomyKind: [String]]
    /// Links to every term in use, rendered once.
    let termLinks: TermLinks

    /// Most URLs one sitemap file may hold (the protocol's limit; smaller in tests).
    package let sitemapLimit: Int

    /// Published photo sizes (path relative to `content/`), for width and height attributes.
    package let photoSizes: [String: PhotoSize]

    /// Hash of the site-wide inputs of every file: settings, vocabularies, pages, base URL.
    let siteInputs: ContentHash
    /// Hash of the templates of each kind of ``PageGraph/kinds``, by index.
    let templateInputs: [ContentHash]
    /// Hash of every profile's facts that the index reads (``SiteIndex/addIndexedFacts(_:_:)``):
    /// all that the pages counting every profile show (statistics, report, downloads).
    let allProfiles: ContentHash
    /// The newest profile's date (the home and index pages' sitemap date).
    let newestDate: CalendarDate?
    /// Each term's newest profile date: [taxonomy][term] (sitemap dates).
    let termDates: [[CalendarDate?]]
    /// The sitemap's entries, listed once (see ``sitemapEntries()``).
    let sitemapMemo = Memo<Int, [(loc: String, lastmod: CalendarDate?)]>()

    /// The same renderer with another search index.
    public func withSearchIndex(_ index: SearchIndex) -> SiteRenderer {
        var copy = self
        copy.searchIndex = index
        return copy
    }

    /// Every profile's list item (`partials/profile-card`), rendered in parallel. Needs
    /// no index, so a build renders them while the index is being built.
    public static func cards(site: Site, theme: Theme) -> [String?] {
        let urls = SiteURLs(baseURL: site.config.baseURL)
        return Parallel.map(site.profiles.count) { i in card(site, urls, theme, i) }
    }

    /// Prepares the renderer (renders the list items in parallel unless given `cards`
    /// from ``cards(site:theme:)``). With `deferringSearchIndex` the search index is left
    /// empty for the caller to build alongside the pages and attach with
    /// ``withSearchIndex(_:)``.
    /// With `previous`, a renderer of the same site before an edit of its profiles only
    /// (same settings, vocabularies and theme), what does not depend on the profiles is
    /// taken from it: the shared parts of every page, the rendered pagination items and
    /// term descriptions. `statistics` gives the site's ``Statistics`` (counted by the
    /// caller, the index's work, not the renderer's); it is called once, after everything
    /// else is prepared, so a count running on another thread overlaps that work.
    public init(site: Site, index: SiteIndex, theme: Theme, cards: [String?]? = nil,
                photoSizes: [String: PhotoSize] = [:],
                sitemapLimit: Int = 50_000, deferringSearchIndex: Bool = false, reusing previous: SiteRenderer? = nil,
                statistics: () -> Statistics) {
        self.photoSizes = photoSizes
        self.sitemapLimit = max(1, sitemapLimit)
        self.site = site
        self.index = index
        self.theme = theme
        urls = SiteURLs(baseURL: site.config.baseURL)
        let markdown = MarkdownRenderer(rootPath: urls.root)
        self.markdown = markdown
        self.cards = ProfileCards(site: site, urls: urls, theme: theme, rendered: cards ?? Self.cards(site: site, theme: theme))
        // A term's description as HTML, from the previous renderer when it had the term.
        var known: [TaxonomyKind: [String: String]] = [:]
        for taxonomy in previous?.index.taxonomies ?? [] {
            for (term, html) in zip(taxonomy.terms, previous?.termDescriptions[taxonomy.kind] ?? []) { known[taxonomy.kind, default: [:]][term.key] = html }
        }
        var descriptions: [TaxonomyKind: [String]] = [:]
        for taxonomy in index.taxonomies {
            descriptions[taxonomy.kind] = taxonomy.terms.map { term in
                known[taxonomy.kind]?[term.key] ?? term.description.map { markdown.render($0).html } ?? ""
            }
        }
        termDescriptions = descriptions
        // Rendered here, not by the index: each link is the theme's `term-link` partial.
        termLinks = TermLinks(index: index, theme: theme, urls: urls)
        searchIndex = deferringSearchIndex ? .empty : SearchIndex(site: site, index: index, root: urls.root)
        base = previous?.base ?? BaseContext(site: site, urls: urls, theme: theme)
        paginationItems = previous?.paginationItems ?? RenderCache(theme: theme, template: "pagination-item")
        var hasher = InputHasher()
        hasher.add(site.settingsHash)
        hasher.add(site.config.baseURL)
        siteInputs = hasher.hash
        templateInputs = previous?.templateInputs ?? PageGraph.kinds.map { theme.inputs(of: $0.templates) }
        (allProfiles, newestDate, termDates) = Self.contentInputs(site, index)
        self.statistics = statistics()
    }

    /// The renderer of `site` after an edit that kept the index (see ``SiteIndex/alike(_:_:)``)
    /// and every site-wide source: all but the profiles and their list items is taken
    /// from `previous` (``allProfiles`` too: it hashes what the index reads).
    package init(keepingIndexOf previous: SiteRenderer, site: Site, cards: [String?]) {
        self.site = site
        index = previous.index
        theme = previous.theme
        urls = previous.urls
        markdown = previous.markdown
        self.cards = ProfileCards(site: site, urls: previous.urls, theme: previous.theme, rendered: cards)
        statistics = previous.statistics
        searchIndex = previous.searchIndex
        termDescriptions = previous.termDescriptions
        termLinks = previous.termLinks
        sitemapLimit = previous.sitemapLimit
        photoSizes = previous.photoSizes
        siteInputs = previous.siteInputs
        templateInputs = previous.templateInputs
        allProfiles = previous.allProfiles
        newestDate = previous.newestDate
        termDates = previous.termDates
        base = previous.base
        paginationItems = previous.paginationItems
    }

    /// ``allProfiles``, ``newestDate`` and ``termDates``, from what the index keeps of
    /// each profile.
    private static func contentInputs(_ site: Site, _ index: SiteIndex) -> (ContentHash, CalendarDate?, [[CalendarDate?]]) {
        var hasher = InputHasher()
        for hash in index.factHashes { hasher.add(hash) }
        // A term's newest date is worked out once, not once per page of the term
        // (quadratic in the term's size otherwise).
        let dates = index.dates
        let termDates = index.taxonomies.map { taxonomy in taxonomy.terms.map { $0.profiles.lazy.map { dates[$0] }.max() } }
        return (hasher.hash, index.newest.first.map { dates[$0] }, termDates)
    }

    func pageCount(_ term: Term) -> Int {
        max(1, (term.profiles.count + site.config.pagination - 1) / site.config.pagination)
    }

    // MARK: Inputs

    /// What a profile's list item shows: its source and its photo's size.
    func addCard(_ i: Int, _ hasher: inout InputHasher) {
        addSource(i, &hasher)
        if let photo = site.profiles[i].photo, let size = photoSizes[photo] {
            hasher.add(size.width)
            hasher.add(size.height)
        }
    }

    /// What a page that shows profile `i`'s own facts depends on: its source file.
    func addSource(_ i: Int, _ hasher: inout InputHasher) {
        hasher.note(i)
        hasher.add(site.profiles[i].sourceHash)
    }

    /// What a list of a taxonomy's terms shows: each term's key, name and count.
    func addTermList(_ kind: TaxonomyKind, _ hasher: inout InputHasher) {
        for term in index.taxonomy(kind).terms {
            hasher.add(term.key)
            hasher.add(term.name)
            hasher.add(term.profiles.count)
        }
    }

    /// Every profile's indexed facts: for the pages that count them all.
    func addAllProfiles(_ hasher: inout InputHasher) {
        hasher.noteAll()
        hasher.add(allProfiles)
    }

    /// The parts of a page's context shared by every page.
    let base: BaseContext
    /// `partials/pagination-item` by place (see ``Pagination``).
    let paginationItems: RenderCache
}

extension SiteRenderer {
    /// The words pages show (``SiteStrings``).
    var strings: SiteStrings { site.strings }
}
