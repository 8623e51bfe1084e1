/// The one order every list of profiles uses: Vietnamese collation of the given name
/// (people, households) or the whole title (collectives), then the whole title, then
/// the slug so output never depends on input order.
enum ProfileOrder {
    /// Profile indexes sorted into list order.
    static func sorted(_ profiles: [Profile]) -> [Int] {
        let collator = VietnameseCollator()
        let keys = profiles.map { (sort: $0.sortName, title: $0.title, slug: $0.slug) }
        let less: @Sendable (Int, Int) -> Bool = { a, b in
            let x = keys[a], y = keys[b]
            switch collator.compare(x.sort, y.sort) {
            case .orderedAscending: return true
            case .orderedDescending: return false
            case .orderedSame: break
            }
            switch collator.compare(x.title, y.title) {
            case .orderedAscending: return true
            case .orderedDescending: return false
            case .orderedSame: return x.slug < y.slug
            }
        }
        // Sort halves on two threads, then merge: collation is the costly part.
        let indices = Array(profiles.indices)
        let mid = indices.count / 2
        guard mid > 256 else { return indices.sorted(by: less) }
        let halves = Parallel.map(2, workers: 2) { part in
            (part == 0 ? Array(indices[..<mid]) : Array(indices[mid...])).sorted(by: less)
        }
        var merged: [Int] = []
        merged.reserveCapacity(indices.count)
        var i = 0, j = 0
        let left = halves[0], right = halves[1]
        while i < left.count && j < right.count {
            if less(right[j], left[i]) { merged.append(right[j]); j += 1 } else { merged.append(left[i]); i += 1 }
        }
        merged += left[i...]
        merged += right[j...]
        return merged
    }
}
