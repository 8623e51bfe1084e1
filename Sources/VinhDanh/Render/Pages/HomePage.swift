import VinhDanhIndex
import VinhDanhSupport
import VinhDanhText
import VinhDanhVocabulary

/// The home page: totals, the newest profiles, the ways in.
struct HomePage: PageKind {
    /// How many of the newest profiles the home page lists.
    static let newest = 12

    func pages(_ r: SiteRenderer) -> [PageRef] { [PageRef()] }
    func path(_ page: PageRef, _ r: SiteRenderer) -> String? { r.urls.home }
    func render(_ page: PageRef, _ r: SiteRenderer) -> [UInt8] { html(r, "layout-home", r.homeContext()) }
    var templates: [String] { ["layout-home", "profile-card"] + sharedTemplates }
    func lastModified(_ page: PageRef, _ r: SiteRenderer) -> CalendarDate? { r.newestDate }

    func inputs(_ page: PageRef, _ r: SiteRenderer, _ hasher: inout InputHasher) {
        hasher.add(r.site.profiles.count)
        hasher.add(r.index.awardCount)
        for kind in SubjectKind.allCases { hasher.add(r.index.countsByKind[kind] ?? 0) }
        for kind in [TaxonomyKind.movement, .district, .award] { r.addTermList(kind, &hasher) }
        for i in r.index.newest.prefix(Self.newest) { r.addCard(i, &hasher) }
    }
}

extension SiteRenderer {
    func homeContext() -> [String: Any] {
        let kinds = SubjectKind.allCases.map { kind in
            KindTotalView(label: strings.label(of: kind), count: Formatting.count(index.countsByKind[kind] ?? 0), url: urls.term(.kind, kind.key))
        }
        let indexes = [TaxonomyKind.movement, .district, .award].map { kind in
            BrowseIndexView(title: strings.title(of: kind), url: urls.taxonomy(kind), terms: termLinkList(kind))
        }
        let newest = index.newest.prefix(HomePage.newest).map { cards[$0] }.joined()
        let config = site.config
        return base.page(
            title: config.title, description: config.description, path: urls.home, section: "home",
            breadcrumbs: [(strings[.navHome], nil)],
            layout: HomeLayout(
                totals: TotalsView(profiles: Formatting.count(site.profiles.count), awards: Formatting.count(index.awardCount), kinds: kinds),
                indexes: indexes, newest: newest))
    }

    func termLinkList(_ kind: TaxonomyKind) -> [TermLinkView] {
        index.taxonomy(kind).terms.map { term in
            TermLinkView(key: term.key, name: term.name, url: urls.term(kind, term.key), count: Formatting.count(term.profiles.count), period: "")
        }
    }
}
