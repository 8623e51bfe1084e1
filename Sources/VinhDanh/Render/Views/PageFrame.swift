/// The names every layout is rendered with, besides its own (``BaseContext``).
struct PageFrame: TemplateView {
    /// The site's settings (`content/site.yaml`).
    let site: SiteView
    /// The page being rendered. A site's `head`, `header`, `footer` or `breadcrumbs` that uses it is rendered with each page.
    let page: PageView
    /// `partials/head` rendered (the site's part of every `<head>`).
    let headHTML: TemplateText
    /// `partials/header` rendered for the page's section.
    let headerHTML: TemplateText
    /// `partials/footer` rendered.
    let footerHTML: TemplateText
    /// The trail above the page (false on the home page).
    let breadcrumbs: BreadcrumbsView?
    /// `site` as made once per build (the same table on every page).
    private let siteObject: TemplateObject
    /// `page` as made once for this page (the shared parts that see it use the same).
    private let pageObject: TemplateObject

    init(site: SiteView, siteObject: TemplateObject, page: PageView, pageObject: TemplateObject,
         headHTML: TemplateText, headerHTML: TemplateText, footerHTML: TemplateText, breadcrumbs: BreadcrumbsView?) {
        self.site = site
        self.siteObject = siteObject
        self.page = page
        self.pageObject = pageObject
        self.headHTML = headHTML
        self.headerHTML = headerHTML
        self.footerHTML = footerHTML
        self.breadcrumbs = breadcrumbs
    }

    var values: [String: Any] {
        ["site": siteObject, "page": pageObject, "headHTML": headHTML, "headerHTML": headerHTML,
         "footerHTML": footerHTML, "breadcrumbs": breadcrumbs.objectOrFalse]
    }
}

/// The site's settings, as every page and shared part sees them.
struct SiteView: TemplateView {
    /// Site name.
    let title: String
    /// Site description.
    let description: String
    /// The site's root path (`/` or `/sub-path/`): prefix of every internal link.
    let root: String
    /// Public address, ending in `/`.
    let baseURL: String
    /// The organisation that keeps the site.
    let organization: String
    /// A notice shown on every page (empty when none).
    let notice: String
    /// `language` of `site.yaml`.
    let language: String
    /// URL of the theme's `assets/style.css`.
    let stylesheet: String
    /// URL of the Atom feed.
    let feed: String

    var values: [String: Any] {
        ["title": TemplateText(title), "description": TemplateText(description), "root": TemplateText(root),
         "baseURL": TemplateText(baseURL), "organization": TemplateText(organization), "notice": TemplateText(notice),
         "language": TemplateText(language), "stylesheet": TemplateText(stylesheet), "feed": TemplateText(feed)]
    }
}

/// The page being rendered, for its `<head>` and for shared parts that show it.
struct PageView: TemplateView {
    /// The page's own title.
    let title: String
    /// Title for `<title>`: the page's, then the site's.
    let fullTitle: String
    /// Meta description: the page's summary, else the site's description.
    let description: String
    /// Absolute URL of the page.
    let canonical: String
    /// Open Graph type (`website`, `profile`).
    let ogType: String
    /// Absolute URL of the sharing image (empty when none).
    let ogImage: String
    /// Its alternative text.
    let ogImageAlt: String
    /// The navigation section the page belongs to (`dia-ban`, `thong-ke`…).
    let section: String

    var values: [String: Any] {
        ["title": TemplateText(title), "fullTitle": TemplateText(fullTitle), "description": TemplateText(description),
         "canonical": TemplateText(canonical), "ogType": TemplateText(ogType), "ogImage": TemplateText(ogImage),
         "ogImageAlt": TemplateText(ogImageAlt), "section": TemplateText(section)]
    }
}

/// The trail above a page.
struct BreadcrumbsView: TemplateView {
    /// `partials/breadcrumbs` rendered: the links before the current page.
    let trailHTML: String
    /// The current page's name, last in the trail.
    let current: String

    var values: [String: Any] { ["trailHTML": TemplateText(trailHTML), "current": TemplateText(current)] }
}

/// The page bar of a paginated list.
struct PaginationView: TemplateView {
    /// Each place of the bar, `partials/pagination-item` rendered.
    let items: [String]
    /// The current page's number.
    let current: String
    /// The number of pages.
    let count: String
    /// URL of the previous page (empty on the first).
    let previous: String
    /// URL of the next page (empty on the last).
    let next: String

    var values: [String: Any] {
        ["items": items.texts, "current": TemplateText(current), "count": TemplateText(count),
         "previous": TemplateText(previous), "next": TemplateText(next)]
    }
}
