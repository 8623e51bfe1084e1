import VinhDanhText

/// Picks URL slugs that no other profile of the site has: slugs are unique across the
/// site, not per folder, and two people sharing a name is common.
public struct SlugAllocator: Sendable {
    private var taken: Set<String>

    /// Starts from the slugs already in use.
    public init(taken: Set<String>) {
        self.taken = taken
    }

    /// Whether `slug` is in use.
    public func isTaken(_ slug: String) -> Bool { taken.contains(slug) }

    /// A free slug for `title`: its slug, else with the district key appended, else
    /// with `-2`, `-3`… after that.
    public func propose(title: String, districtKey: String) -> String {
        let base = Slug.make(title).isEmpty ? "ho-so" : Slug.make(title)
        if !taken.contains(base) { return base }
        let withDistrict = base.hasSuffix("-" + districtKey) ? base : base + "-" + districtKey
        if !taken.contains(withDistrict) { return withDistrict }
        var n = 2
        while taken.contains("\(withDistrict)-\(n)") { n += 1 }
        return "\(withDistrict)-\(n)"
    }

    /// Records `slug` as used.
    public mutating func take(_ slug: String) {
        taken.insert(slug)
    }
}
