/// One output file to produce. The plan of a build is a list of these, rendered in
/// parallel; each is a pure function of the site model and the templates.
public enum PageJob: Sendable, Hashable {
    case home
    case profile(Int)
    /// A taxonomy's index page.
    case taxonomy(TaxonomyKind)
    /// One page (1-based) of a term's list.
    case term(TaxonomyKind, term: Int, page: Int)
    /// A standalone page from `content/pages/`.
    case page(Int)
    /// `/thong-ke/` and its downloads, and the official report's page.
    case statistics
    case statisticsCSV
    case statisticsJSON
    case report
    /// `/tim-kiem/` and one file of its index.
    case search
    case searchFile(Int)
    case notFound
    case sitemap(part: Int)
    case sitemapIndex
    case feed
    case robots
}
