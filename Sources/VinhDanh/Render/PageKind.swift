import VinhDanhSupport
import VinhDanhText

/// One page of a kind, as numbers its kind gives meaning to (a profile's index; a
/// taxonomy, a term and a page number…).
public struct PageRef: Sendable, Hashable {
    public var a: Int
    public var b: Int
    public var c: Int

    init(_ a: Int = 0, _ b: Int = 0, _ c: Int = 0) {
        self.a = a
        self.b = b
        self.c = c
    }
}

/// One output file to produce: a page of one of ``PageGraph/kinds``. Each is a pure
/// function of the site model and the templates.
public struct PageJob: Sendable, Hashable {
    /// Index of its kind in ``PageGraph/kinds``.
    public let kind: Int
    public let ref: PageRef
}

/// One kind of output file (profile pages, term lists, the feed…): which files it makes,
/// where each is written, how it renders, and what each shows.
///
/// Full builds, incremental builds and the preview server derive their work from these
/// declarations: a file is rendered again only when the hash of its ``inputs(_:_:_:)``
/// changed. So `inputs` must feed in every value the file shows beyond the site-wide
/// settings, vocabularies and the ``templates`` it names (the random edit sequences of
/// the tests catch a value left out). A profile's facts go in only through
/// `addSource`, `addCard` or `addAllProfiles`: they note which profiles a file shows, so
/// that the preview server hashes again only the files that show an edited profile. A
/// new kind is one type and a line in ``PageGraph/kinds``.
protocol PageKind: Sendable {
    /// The kind's files, in plan order.
    func pages(_ r: SiteRenderer) -> [PageRef]
    /// The site path of an HTML page (`/ho-so/x/`); `nil` for other files.
    func path(_ page: PageRef, _ r: SiteRenderer) -> String?
    /// The output file, relative to the output folder (by default the HTML page's file).
    func file(_ page: PageRef, _ r: SiteRenderer) -> String
    /// The file's bytes.
    func render(_ page: PageRef, _ r: SiteRenderer) -> [UInt8]
    /// Adds everything the file shows that is not site-wide.
    func inputs(_ page: PageRef, _ r: SiteRenderer, _ hasher: inout InputHasher)
    /// The templates it renders with, by name (`layout-profile`, `profile-card`…): a
    /// change to one of them, or to a partial they include, renders the kind again.
    var templates: [String] { get }
    /// Whether its HTML pages are listed in the sitemap.
    var inSitemap: Bool { get }
    /// Whether it makes one file per profile (`PageRef(i)` for profile `i`) that shows that
    /// profile alone: an edit that changes the index then keeps the files of the profiles
    /// it did not touch without hashing them again.
    var onePerProfile: Bool { get }
    /// A page's last change for the sitemap: the newest content it shows.
    func lastModified(_ page: PageRef, _ r: SiteRenderer) -> CalendarDate?
    /// Whether its files are for machines, not for an editor looking at the preview (the
    /// search index, the sitemap): the preview server writes them just after the reload,
    /// off the path from save to reload. Builds write them with the rest.
    var followsReload: Bool { get }
}

extension PageKind {
    func file(_ page: PageRef, _ r: SiteRenderer) -> String {
        path(page, r).map(r.urls.outputFile) ?? ""
    }

    var inSitemap: Bool { true }

    var onePerProfile: Bool { false }

    var followsReload: Bool { false }

    func lastModified(_ page: PageRef, _ r: SiteRenderer) -> CalendarDate? { nil }

    /// `layout` rendered with `context`, as bytes.
    func html(_ r: SiteRenderer, _ layout: String, _ context: [String: Any]) -> [UInt8] {
        Array(r.theme.render(layout, context).utf8)
    }
}

/// The partials every HTML page is rendered with (``BaseContext``).
let sharedTemplates = ["head", "header", "nav", "footer", "breadcrumbs"]
