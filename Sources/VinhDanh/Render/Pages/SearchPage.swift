/// `/tim-kiem/`: the search form, its filters filled from the terms in use.
struct SearchPage: PageKind {
    func pages(_ r: SiteRenderer) -> [PageRef] { [PageRef()] }
    func path(_ page: PageRef, _ r: SiteRenderer) -> String? { r.urls.search }
    func render(_ page: PageRef, _ r: SiteRenderer) -> [UInt8] { html(r, "layout-search", r.searchContext()) }
    var templates: [String] { ["layout-search"] + sharedTemplates }
    func inputs(_ page: PageRef, _ r: SiteRenderer, _ hasher: inout InputHasher) {
        for kind in TaxonomyKind.allCases { r.addTermList(kind, &hasher) }
    }
}

extension SiteRenderer {
    /// `/tim-kiem/`: the form (filters filled from the terms in use) and the client script.
    func searchContext() -> [String: Any] {
        func options(_ kind: TaxonomyKind) -> [[String: Any]] {
            index.taxonomy(kind).terms.map { ["key": $0.key, "name": $0.name] }
        }
        let filters: [[String: Any]] = [
            ["name": TaxonomyKind.district.path, "label": "Địa bàn", "options": options(.district)],
            ["name": TaxonomyKind.movement.path, "label": "Phong trào", "options": options(.movement)],
            ["name": TaxonomyKind.award.path, "label": "Hình thức khen thưởng", "options": options(.award)],
            ["name": TaxonomyKind.year.path, "label": "Năm", "options": options(.year)],
            ["name": TaxonomyKind.kind.path, "label": "Đối tượng", "options": options(.kind)],
        ]
        return base.page(
            title: "Tìm kiếm",
            description: "Tìm hồ sơ điển hình tiên tiến theo tên, đơn vị, xã phường; gõ có dấu hoặc không dấu.",
            path: urls.search, section: "tim-kiem", breadcrumbs: [("Trang chủ", urls.home), ("Tìm kiếm", nil)],
            extra: [
                "search": [
                    "filters": filters,
                    "script": urls.asset("search.js"),
                    "index": urls.content("tim-kiem/chi-muc/"),
                    "browse": [TaxonomyKind.movement, .district, .award, .year, .kind].map { ["title": $0.title, "url": urls.taxonomy($0)] },
                ] as [String: Any],
            ])
    }
}
