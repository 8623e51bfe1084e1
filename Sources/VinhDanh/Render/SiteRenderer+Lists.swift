extension SiteRenderer {
    func homeContext() -> [String: Any] {
        let kinds = SubjectKind.allCases.map { kind -> [String: Any] in
            ["label": kind.label, "count": Formatting.count(index.countsByKind[kind] ?? 0), "url": urls.term(.kind, kind.key)]
        }
        let indexes = [TaxonomyKind.movement, .district, .award].map { kind -> [String: Any] in
            ["title": kind.title, "url": urls.taxonomy(kind), "terms": termLinks(kind)]
        }
        let newest = index.newest.prefix(12).map { cards[$0] }.joined()
        let config = site.config
        return base.page(
            title: config.title, description: config.description, path: urls.home, section: "home",
            breadcrumbs: [("Trang chủ", nil)],
            extra: [
                "totals": ["profiles": Formatting.count(site.profiles.count), "awards": Formatting.count(index.awardCount), "kinds": kinds],
                "indexes": indexes,
                "newest": newest,
            ])
    }

    private func termLinks(_ kind: TaxonomyKind) -> [[String: Any]] {
        index.taxonomy(kind).terms.map { term in
            ["name": term.name, "url": urls.term(kind, term.key), "count": Formatting.count(term.profiles.count)]
        }
    }

    func taxonomyContext(_ kind: TaxonomyKind) -> [String: Any] {
        let terms = termLinks(kind)
        return base.page(
            title: kind.title, description: "\(kind.title): \(terms.count) mục, mỗi mục kèm số hồ sơ.",
            path: urls.taxonomy(kind), section: kind.path,
            breadcrumbs: [("Trang chủ", urls.home), (kind.title, nil)],
            extra: ["taxonomy": ["title": kind.title, "terms": terms, "isYear": kind == .year] as [String: Any]])
    }

    func termContext(_ kind: TaxonomyKind, _ t: Int, _ page: Int) -> [String: Any] {
        let term = index.taxonomy(kind).terms[t]
        let size = site.config.pagination
        let slice = term.profiles.dropFirst((page - 1) * size).prefix(size)
        let pages = pageCount(term)
        let title = page > 1 ? "\(term.name) (trang \(page))" : term.name
        let termValues = TemplateObject(values: [
            "name": TemplateText(term.name),
            "noun": TemplateText(kind.termNoun),
            "count": TemplateText(Formatting.count(term.profiles.count)),
            "cards": TemplateText(slice.map { cards[$0] }.joined()),
            "first": TemplateText(String(slice.isEmpty ? 0 : (page - 1) * size + 1)),
            "last": TemplateText(String((page - 1) * size + slice.count)),
            "paginated": pages > 1,
            "description": TemplateText(page == 1 ? termDescriptions[kind]?[t] ?? "" : ""),
            "summary": TemplateText(page == 1 ? termSummary(kind, key: term.key) ?? "" : ""),
        ])
        let pagination = Pagination(current: page, count: pages)
            .context(url: { urls.term(kind, term.key, page: $0) }, cache: paginationItems)
        let extra: [String: Any] = ["term": termValues, "pagination": pagination ?? false]
        return base.page(
            title: title, description: "\(kind.termNoun) \(term.name): \(Formatting.count(term.profiles.count)) hồ sơ điển hình tiên tiến.",
            path: urls.term(kind, term.key, page: page), section: kind.path,
            breadcrumbs: [("Trang chủ", urls.home), (kind.title, urls.taxonomy(kind)), (title, nil)],
            extra: extra)
    }

    func pageContext(_ i: Int) -> [String: Any] {
        let page = site.pages[i]
        return base.page(
            title: page.title, description: page.summary, path: urls.page(page.slug), section: page.slug,
            breadcrumbs: [("Trang chủ", urls.home), (page.title, nil)], type: "article",
            extra: ["content": ["title": page.title, "body": markdown.render(page.body).html] as [String: Any]])
    }

    func notFoundContext() -> [String: Any] {
        base.page(title: "Không tìm thấy trang", description: "Trang bạn tìm không có trên trang web này.",
                  path: urls.content("404.html"), section: "", breadcrumbs: [], extra: ["indexes": [TaxonomyKind.movement, .district, .award].map {
                      ["title": $0.title, "url": urls.taxonomy($0)]
                  }])
    }
}
