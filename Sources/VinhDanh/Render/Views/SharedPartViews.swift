/// What `partials/head` and `partials/footer` are rendered with.
struct SharedPartView: TemplateView {
    /// The site's settings (`content/site.yaml`).
    let site: SiteView
    /// The page it is on, when the site's version of the part uses it (false otherwise: the part is then rendered once for every page).
    let page: PageView?
    private let siteObject: TemplateObject
    private let pageObject: TemplateObject?

    init(site: SiteView, siteObject: TemplateObject, page: PageView? = nil, pageObject: TemplateObject? = nil) {
        self.site = site
        self.siteObject = siteObject
        self.page = page
        self.pageObject = pageObject
    }

    var values: [String: Any] { ["site": siteObject, "page": pageObject ?? false] }
}

/// What `partials/header` (and the `partials/nav` it includes) is rendered with.
struct HeaderView: TemplateView {
    /// The site's settings (`content/site.yaml`).
    let site: SiteView
    /// The page it is on, when the site's header uses it (false otherwise: the header is then rendered once per section).
    let page: PageView?
    /// The navigation links.
    let nav: [NavigationLink]
    private let siteObject: TemplateObject
    private let pageObject: TemplateObject?

    init(site: SiteView, siteObject: TemplateObject, page: PageView? = nil, pageObject: TemplateObject? = nil, nav: [NavigationLink]) {
        self.site = site
        self.siteObject = siteObject
        self.page = page
        self.pageObject = pageObject
        self.nav = nav
    }

    var values: [String: Any] { ["site": siteObject, "page": pageObject ?? false, "nav": nav.objects] }
}

/// One link of the navigation.
struct NavigationLink: TemplateView {
    /// Link text.
    let name: String
    /// Link target.
    let url: String
    /// Whether it is the current section.
    let current: Bool

    var values: [String: Any] { ["name": TemplateText(name), "url": TemplateText(url), "current": current] }
}

/// What `partials/breadcrumbs` is rendered with.
struct BreadcrumbsPartView: TemplateView {
    /// The links before the current page.
    let trail: [NamedLink]
    /// The page it is on, when the site's breadcrumbs use it (false otherwise: each trail is then rendered once).
    let page: PageView?
    private let pageObject: TemplateObject?

    init(trail: [NamedLink], page: PageView? = nil, pageObject: TemplateObject? = nil) {
        self.trail = trail
        self.page = page
        self.pageObject = pageObject
    }

    var values: [String: Any] { ["trail": trail.objects, "page": pageObject ?? false] }
}

/// A link: its text and target (`partials/term-link`, a trail's links).
struct NamedLink: TemplateView {
    /// Link text: a term's name (the bare year for years).
    let name: String
    /// Link target.
    let url: String

    var values: [String: Any] { ["name": TemplateText(name), "url": TemplateText(url)] }
}

/// What `partials/pagination-item` is rendered with: one place of a page bar.
struct PaginationItemView: TemplateView {
    /// Whether this place of the page bar is a gap (…).
    let gap: Bool
    /// Whether this place is the current page.
    let current: Bool
    /// The page number (empty for a gap).
    let number: String
    /// Link target (empty for a gap and the current page).
    let url: String

    var values: [String: Any] { ["gap": gap, "current": current, "number": TemplateText(number), "url": TemplateText(url)] }
}

/// What `partials/profile-card` is rendered with: a profile in a list.
struct ProfileCardView: TemplateView {
    /// The profile's name or title.
    let title: String
    /// URL of its page.
    let url: String
    /// Its kind: Cá nhân, Tập thể or Hộ gia đình.
    let kind: String
    /// Its place's name.
    let district: String
    /// Its summary (empty when none).
    let summary: String
    /// URL of its photo (empty when none).
    let photo: String
    /// Its most senior award's name (empty when none).
    let topAward: String
    /// The latest year it received that award (empty when none).
    let topAwardYear: String

    var values: [String: Any] {
        ["title": TemplateText(title), "url": TemplateText(url), "kind": TemplateText(kind), "district": TemplateText(district),
         "summary": TemplateText(summary), "photo": TemplateText(photo), "topAward": TemplateText(topAward),
         "topAwardYear": TemplateText(topAwardYear)]
    }
}
