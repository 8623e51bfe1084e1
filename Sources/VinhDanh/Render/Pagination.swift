/// Page links of a paginated list: previous, next, first, last and the pages around
/// the current one, so a term with 200 pages still has a short, usable bar.
struct Pagination {
    let current: Int
    let count: Int

    /// Template context (`nil` for a single page).
    func context(url: (Int) -> String) -> [String: Any]? {
        guard count > 1 else { return nil }
        var numbers = Set([1, count])
        for n in (current - 2)...(current + 2) where n >= 1 && n <= count { numbers.insert(n) }
        var items: [[String: Any]] = []
        var previous = 0
        for n in numbers.sorted() {
            // Every item has every key the template tests, so no lookup leaves the item.
            if n - previous > 1 { items.append(["gap": true, "current": false, "number": "", "url": ""]) }
            items.append(["gap": false, "number": n, "url": url(n), "current": n == current])
            previous = n
        }
        return ["items": items, "current": current, "count": count,
                "previous": current > 1 ? url(current - 1) : "",
                "next": current < count ? url(current + 1) : ""]
    }
}
