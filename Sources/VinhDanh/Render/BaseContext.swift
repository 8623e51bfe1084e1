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
struct BaseContext: @unchecked Sendable {  // immutable after init; `Any` values are strings, numbers and tables
    let config: SiteConfig
    let strings: SiteStrings
    let urls: SiteURLs
    let siteValues: [String: Any]
    /// `siteValues` in template form, made once.
    private let siteObject: Any
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
        siteValues = [
            "title": config.title,
            "description": config.description,
            "root": urls.root,
            "baseURL": config.baseURL,
            "organization": config.organization,
            "notice": config.notice ?? "",
            "language": config.language,
            "stylesheet": urls.asset("style.css"),
            "feed": urls.content("feed.xml"),
        ]
        let hasAbout = site.pages.contains { $0.slug == "gioi-thieu" }
        self.hasAbout = hasAbout
        // Every section a page can belong to: home, the taxonomies, the pages, none (404).
        let sections = ["home", "", "thong-ke", "tim-kiem"] + TaxonomyKind.allCases.map(\.path) + site.pages.map(\.slug)
        siteObject = TemplateValues.wrap(siteValues)
        var headerHTML: [String: TemplateText] = [:]
        for section in sections where headerHTML[section] == nil {
            let items = Self.navigation(urls: urls, strings: site.strings, hasAbout: hasAbout, current: section)
            headerHTML[section] = TemplateText(theme.renderFragment("header", ["site": siteValues, "nav": items]))
        }
        self.headerHTML = headerHTML
        footerHTML = TemplateText(theme.renderFragment("footer", ["site": siteValues]))
        headHTML = TemplateText(theme.renderFragment("head", ["site": siteValues]))
        trails = RenderCache(theme: theme, template: "breadcrumbs")
        self.theme = theme
        headerSeesPage = theme.seesPage("header")
        footerSeesPage = theme.seesPage("footer")
        headSeesPage = theme.seesPage("head")
        breadcrumbsSeesPage = theme.seesPage("breadcrumbs")
    }

    /// A page's context: `extra` merged over the shared keys.
    func page(
        title: String, description: String?, path: String, section: String,
        breadcrumbs: [(String, String?)], image: (url: String, alt: String)? = nil, type: String = "website",
        extra: [String: Any]
    ) -> [String: Any] {
        let shareImage = image.map { (urls.absolute($0.url), $0.alt) }
            ?? config.image.map { (urls.absolute(urls.content($0)), config.title) }
        var context = extra
        context["site"] = siteObject
        let page = TemplateObject(values: [
            "title": TemplateText(title),
            "fullTitle": TemplateText(path == urls.home ? config.title : title + " – " + config.title),
            "description": TemplateText(description.flatMap { $0.isEmpty ? nil : $0 } ?? config.description),
            "canonical": TemplateText(urls.absolute(path)),
            "ogType": TemplateText(type),
            "ogImage": TemplateText(shareImage?.0 ?? ""),
            "ogImageAlt": TemplateText(shareImage?.1 ?? ""),
            "section": TemplateText(section),
        ])
        context["page"] = page
        // The shared parts: rendered once, unless the site's version shows the page.
        context["headerHTML"] = headerSeesPage
            ? TemplateText(theme.renderFragment("header", ["site": siteValues, "page": page,
                                                           "nav": Self.navigation(urls: urls, strings: strings, hasAbout: hasAbout, current: section)]))
            : headerHTML[section] ?? headerHTML[""] ?? TemplateText("")
        context["footerHTML"] = footerSeesPage ? TemplateText(theme.renderFragment("footer", ["site": siteValues, "page": page])) : footerHTML
        context["headHTML"] = headSeesPage ? TemplateText(theme.renderFragment("head", ["site": siteValues, "page": page])) : headHTML
        if breadcrumbs.count > 1, let current = breadcrumbs.last {
            let trail = breadcrumbs.dropLast().map { ["name": $0.0, "url": $0.1 ?? ""] }
            let key = trail.map { $0["name", default: ""] + "\u{1F}" + $0["url", default: ""] }.joined(separator: "\u{1E}")
            let trailHTML = breadcrumbsSeesPage ? theme.renderFragment("breadcrumbs", ["trail": trail, "page": page])
                : trails.html(key: key) { ["trail": trail] }
            context["breadcrumbs"] = TemplateObject(values: [
                "trailHTML": TemplateText(trailHTML),
                "current": TemplateText(current.0),
            ])
        } else {
            context["breadcrumbs"] = false
        }
        return context
    }

    private static func navigation(urls: SiteURLs, strings: SiteStrings, hasAbout: Bool, current: String) -> [[String: Any]] {
        var items: [(String, String, String)] = [("home", strings[.navHome], urls.home)]
        for kind in [TaxonomyKind.movement, .district, .award, .year, .kind] {
            items.append((kind.path, strings.title(of: kind), urls.taxonomy(kind)))
        }
        items.append(("thong-ke", strings[.navStatistics], urls.statistics))
        items.append(("tim-kiem", strings[.navSearch], urls.search))
        if hasAbout { items.append(("gioi-thieu", strings[.navAbout], urls.page("gioi-thieu"))) }
        return items.map { ["name": $0.1, "url": $0.2, "current": $0.0 == current] }
    }
}
