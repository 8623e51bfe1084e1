import VinhDanhConfig
import VinhDanhContent
import VinhDanhIndex

/// The parts of a template context every HTML page shares: the site, the page's head
/// (title, description, canonical, Open Graph), the site's header and footer, and
/// breadcrumbs.
///
/// Built once per build. Whatever is the same on many pages is rendered once here and
/// inserted as HTML, because each name a template looks up costs swift-mustache several
/// dynamic casts: `partials/head` once as `{{{headHTML}}}`, `partials/header` (with
/// `partials/nav`) once per section as
/// `{{{headerHTML}}}`, `partials/footer` once as `{{{footerHTML}}}`, and
/// `partials/breadcrumbs` once per distinct trail as `{{{breadcrumbs.trailHTML}}}`.
struct BaseContext: @unchecked Sendable {  // immutable after init; its template objects hold only text, flags and tables
    let config: SiteConfig
    let strings: SiteStrings
    let urls: SiteURLs
    /// The site's settings as templates see them.
    let site: SiteView
    /// `site` in template form, made once.
    private let siteObject: TemplateObject
    let hasAbout: Bool
    /// `partials/header` rendered for each section key, final newline trimmed.
    private let headerHTML: [String: TemplateText]
    /// `partials/footer`, final newline trimmed.
    private let footerHTML: TemplateText
    /// `partials/head` (the site's part of every `<head>`), final newline trimmed.
    private let headHTML: TemplateText
    /// `partials/breadcrumbs` by trail, filled as pages ask for them.
    private let trails: RenderCache
    /// The theme, for the shared parts a site made to show the page they are on: those
    /// are rendered with each page (``Theme/seesPage(_:)``) instead of once.
    private let theme: Theme
    private let headerSeesPage: Bool, footerSeesPage: Bool, headSeesPage: Bool, breadcrumbsSeesPage: Bool

    init(site: Site, urls: SiteURLs, theme: Theme) {
        config = site.config
        strings = site.strings
        self.urls = urls
        let view = SiteView(
            title: config.title, description: config.description, root: urls.root, baseURL: config.baseURL,
            organization: config.organization, notice: config.notice ?? "", language: config.language,
            stylesheet: urls.asset("style.css"), feed: urls.content("feed.xml"))
        self.site = view
        let siteObject = view.object
        self.siteObject = siteObject
        let hasAbout = site.pages.contains { $0.slug == "gioi-thieu" }
        self.hasAbout = hasAbout
        // Every section a page can belong to: home, the taxonomies, the pages, none (404).
        let sections = ["home", "", "thong-ke", "tim-kiem"] + TaxonomyKind.allCases.map(\.path) + site.pages.map(\.slug)
        var headerHTML: [String: TemplateText] = [:]
        for section in sections where headerHTML[section] == nil {
            let nav = Self.navigation(urls: urls, strings: site.strings, hasAbout: hasAbout, current: section)
            headerHTML[section] = TemplateText(theme.renderFragment("header", HeaderView(site: view, siteObject: siteObject, nav: nav)))
        }
        self.headerHTML = headerHTML
        footerHTML = TemplateText(theme.renderFragment("footer", SharedPartView(site: view, siteObject: siteObject)))
        headHTML = TemplateText(theme.renderFragment("head", SharedPartView(site: view, siteObject: siteObject)))
        trails = RenderCache(theme: theme, template: "breadcrumbs")
        self.theme = theme
        headerSeesPage = theme.seesPage("header")
        footerSeesPage = theme.seesPage("footer")
        headSeesPage = theme.seesPage("head")
        breadcrumbsSeesPage = theme.seesPage("breadcrumbs")
    }

    /// A page's context: the ``PageFrame`` with `layout`'s own names.
    func page(
        title: String, description: String?, path: String, section: String,
        breadcrumbs: [(String, String?)], image: (url: String, alt: String)? = nil, type: String = "website",
        layout: some TemplateView
    ) -> [String: Any] {
        let shareImage = image.map { (urls.absolute($0.url), $0.alt) }
            ?? config.image.map { (urls.absolute(urls.content($0)), config.title) }
        let page = PageView(
            title: title, fullTitle: path == urls.home ? config.title : title + " – " + config.title,
            description: description.flatMap { $0.isEmpty ? nil : $0 } ?? config.description,
            canonical: urls.absolute(path), ogType: type, ogImage: shareImage?.0 ?? "", ogImageAlt: shareImage?.1 ?? "",
            section: section)
        let pageObject = page.object
        // The shared parts: rendered once, unless the site's version shows the page.
        let header = headerSeesPage
            ? TemplateText(theme.renderFragment("header", HeaderView(
                site: site, siteObject: siteObject, page: page, pageObject: pageObject,
                nav: Self.navigation(urls: urls, strings: strings, hasAbout: hasAbout, current: section))))
            : headerHTML[section] ?? headerHTML[""] ?? TemplateText("")
        let footer = footerSeesPage
            ? TemplateText(theme.renderFragment("footer", SharedPartView(site: site, siteObject: siteObject, page: page, pageObject: pageObject)))
            : footerHTML
        let head = headSeesPage
            ? TemplateText(theme.renderFragment("head", SharedPartView(site: site, siteObject: siteObject, page: page, pageObject: pageObject)))
            : headHTML
        var trailView: BreadcrumbsView?
        if breadcrumbs.count > 1, let current = breadcrumbs.last {
            let trail = breadcrumbs.dropLast().map { NamedLink(name: $0.0, url: $0.1 ?? "") }
            let trailHTML: String
            if breadcrumbsSeesPage {
                trailHTML = theme.renderFragment("breadcrumbs", BreadcrumbsPartView(trail: trail, page: page, pageObject: pageObject))
            } else {
                let key = trail.map { $0.name + "\u{1F}" + $0.url }.joined(separator: "\u{1E}")
                trailHTML = trails.html(key: key) { BreadcrumbsPartView(trail: trail).values }
            }
            trailView = BreadcrumbsView(trailHTML: trailHTML, current: current.0)
        }
        let frame = PageFrame(site: site, siteObject: siteObject, page: page, pageObject: pageObject,
                              headHTML: head, headerHTML: header, footerHTML: footer, breadcrumbs: trailView)
        return frame.values.merging(layout.values) { frame, _ in frame }
    }

    private static func navigation(urls: SiteURLs, strings: SiteStrings, hasAbout: Bool, current: String) -> [NavigationLink] {
        var items: [(String, String, String)] = [("home", strings[.navHome], urls.home)]
        for kind in [TaxonomyKind.movement, .district, .award, .year, .kind] {
            items.append((kind.path, strings.title(of: kind), urls.taxonomy(kind)))
        }
        items.append(("thong-ke", strings[.navStatistics], urls.statistics))
        items.append(("tim-kiem", strings[.navSearch], urls.search))
        if hasAbout { items.append(("gioi-thieu", strings[.navAbout], urls.page("gioi-thieu"))) }
        return items.map { NavigationLink(name: $0.1, url: $0.2, current: $0.0 == current) }
    }
}
