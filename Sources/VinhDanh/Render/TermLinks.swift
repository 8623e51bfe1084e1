import VinhDanhIndex

/// `partials/term-link` rendered once per term in use: a profile page links its kind,
/// district, movements, award types and years, and these links are the same on every
/// profile that shares the term. A year's link is named by the bare year (`2021`, not
/// `Năm 2021`): it sits in the awards table's year column.
struct TermLinks: Sendable {
    /// [taxonomy][term key] → the link's HTML.
    private let links: [TaxonomyKind: [String: String]]
    private let theme: Theme
    private let urls: SiteURLs

    init(index: SiteIndex, theme: Theme, urls: SiteURLs) {
        self.theme = theme
        self.urls = urls
        var links: [TaxonomyKind: [String: String]] = [:]
        for taxonomy in index.taxonomies {
            for term in taxonomy.terms {
                let name = taxonomy.kind == .year ? term.key : term.name
                links[taxonomy.kind, default: [:]][term.key] = Self.render(theme, name: name, url: urls.term(taxonomy.kind, term.key))
            }
        }
        self.links = links
    }

    /// The link to term `key` of `kind`, named `name`.
    func html(_ kind: TaxonomyKind, _ key: String, name: String) -> String {
        links[kind]?[key] ?? Self.render(theme, name: name, url: urls.term(kind, key))
    }

    /// The link to term `key` of `kind` if that term has a page, else its name as text.
    func htmlIfListed(_ kind: TaxonomyKind, _ key: String, name: String) -> String {
        links[kind]?[key] ?? HTMLEscaping.escape(name)
    }

    private static func render(_ theme: Theme, name: String, url: String) -> String {
        theme.renderFragment("term-link", NamedLink(name: name, url: url))
    }
}
