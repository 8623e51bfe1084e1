/// Page links of a paginated list: previous, next, first, last and the pages around
/// the current one, so a term with 200 pages still has a short, usable bar.
struct Pagination {
    let current: Int
    let count: Int

    /// What one place of the bar shows.
    enum Item: Equatable {
        /// A link to page `number`.
        case link(Int)
        /// The current page, not a link.
        case current(Int)
        /// Pages left out (`…`).
        case gap
    }

    /// The bar's places in order: the first and last pages, two on each side of the
    /// current one, and a gap wherever pages are skipped.
    var items: [Item] {
        var numbers = Set([1, count])
        for n in (current - 2)...(current + 2) where n >= 1 && n <= count { numbers.insert(n) }
        var items: [Item] = []
        var previous = 0
        for n in numbers.sorted() {
            if n - previous > 1 { items.append(.gap) }
            items.append(n == current ? .current(n) : .link(n))
            previous = n
        }
        return items
    }

    /// The bar as templates see it (`nil` for a single page). Each place of the bar is
    /// `partials/pagination-item` rendered through `cache`: a link to page 7 of a term is
    /// the same on every page near it, and the current-page marker the same on every term.
    func view(url: (Int) -> String, cache: RenderCache) -> PaginationView? {
        guard count > 1 else { return nil }
        let places = items.map { item -> String in
            switch item {
            case .gap:
                return cache.fragment(key: "gap") { PaginationItemView(gap: true, current: false, number: "", url: "").values }
            case .current(let n):
                return cache.fragment(key: "current \(n)") { PaginationItemView(gap: false, current: true, number: String(n), url: "").values }
            case .link(let n):
                let target = url(n)
                return cache.fragment(key: "\(n) \(target)") { PaginationItemView(gap: false, current: false, number: String(n), url: target).values }
            }
        }
        return PaginationView(items: places, current: String(current), count: String(count),
                              previous: current > 1 ? url(current - 1) : "", next: current < count ? url(current + 1) : "")
    }
}
