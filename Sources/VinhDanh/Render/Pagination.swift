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
            if n - previous > 1 { items.append(["gap": true]) }
            items.append(["number": n, "url": url(n), "current": n == current])
            previous = n
        }
        var context: [String: Any] = ["items": items, "current": current, "count": count]
        if current > 1 { context["previous"] = url(current - 1) }
        if current < count { context["next"] = url(current + 1) }
        return context
    }
}
