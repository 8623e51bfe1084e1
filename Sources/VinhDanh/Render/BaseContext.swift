/// The parts of a template context every HTML page shares: the site, the navigation,
/// the page's head (title, description, canonical, Open Graph) and breadcrumbs.
///
/// Built once per build. The navigation list is the same on every page of a section, so
/// `partials/nav` is rendered once per section here and pages insert it as `{{{navHTML}}}`.
struct BaseContext: @unchecked Sendable {  // immutable after init; `Any` values are strings, numbers and tables
    let site: Site
    let urls: SiteURLs
    let siteValues: [String: Any]
    let hasAbout: Bool
    /// `partials/nav` rendered for each section key, final newline trimmed.
    private let navHTML: [String: String]

    init(site: Site, urls: SiteURLs, theme: Theme) {
        self.site = site
        self.urls = urls
        let config = site.config
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
        var navHTML: [String: String] = [:]
        for section in sections where navHTML[section] == nil {
            let items = Self.navigation(urls: urls, hasAbout: hasAbout, current: section)
            var html = theme.render("nav", ["site": siteValues, "nav": items])
            if html.hasSuffix("\n") { html.removeLast() }
            navHTML[section] = html
        }
        self.navHTML = navHTML
    }

    /// A page's context: `extra` merged over the shared keys.
    func page(
        title: String, description: String?, path: String, section: String,
        breadcrumbs: [(String, String?)], image: (url: String, alt: String)? = nil, type: String = "website",
        extra: [String: Any]
    ) -> [String: Any] {
        let config = site.config
        let shareImage = image.map { (urls.absolute($0.url), $0.alt) }
            ?? config.image.map { (urls.absolute(urls.content($0)), config.title) }
        var context = extra
        context["site"] = siteValues
        context["page"] = [
            "title": title,
            "fullTitle": path == urls.home ? config.title : title + " – " + config.title,
            "description": description.flatMap { $0.isEmpty ? nil : $0 } ?? config.description,
            "canonical": urls.absolute(path),
            "ogType": type,
            "ogImage": shareImage?.0 ?? "",
            "ogImageAlt": shareImage?.1 ?? "",
        ] as [String: Any]
        context["navHTML"] = navHTML[section] ?? navHTML[""] ?? ""
        if breadcrumbs.count > 1 {
            context["hasBreadcrumbs"] = true
            context["breadcrumbs"] = breadcrumbs.enumerated().map { index, crumb in
                ["name": crumb.0, "url": crumb.1 ?? "", "current": index == breadcrumbs.count - 1] as [String: Any]
            }
        }
        return context
    }

    private static func navigation(urls: SiteURLs, hasAbout: Bool, current: String) -> [[String: Any]] {
        var items: [(String, String, String)] = [("home", "Trang chủ", urls.home)]
        for kind in [TaxonomyKind.movement, .district, .award, .year, .kind] {
            items.append((kind.path, kind.title, urls.taxonomy(kind)))
        }
        items.append(("thong-ke", "Thống kê", urls.statistics))
        items.append(("tim-kiem", "Tìm kiếm", urls.search))
        if hasAbout { items.append(("gioi-thieu", "Giới thiệu", urls.page("gioi-thieu"))) }
        return items.map { ["name": $0.1, "url": $0.2, "current": $0.0 == current] }
    }
}
