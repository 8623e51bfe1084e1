import Foundation

/// The one order every list of profiles uses: Vietnamese collation of the given name
/// (people, households) or the whole title (collectives), then the whole title, then
/// the slug so output never depends on input order.
enum ProfileOrder {
    /// Profile indexes sorted into list order. One key per profile, made in parallel:
    /// the ICU sort key of the name, then of the title (each ends with its only zero
    /// byte), then the slug, so comparing two keys' bytes compares the three in turn.
    static func sorted(_ profiles: [Profile]) -> [Int] {
        let collator = VietnameseCollator()
        let keys = Parallel.map(profiles.count) { i -> [UInt8] in
            var key = collator.sortKey(profiles[i].sortName)
            if key.last != 0 { key.append(0) }  // the code-point fallback has no terminator
            key += collator.sortKey(profiles[i].title)
            if key.last != 0 { key.append(0) }
            key += profiles[i].slug.utf8
            return key
        }
        return profiles.indices.sorted { precedes(keys[$0], keys[$1]) }
    }

    /// Byte order of two keys (a proper prefix first).
    private static func precedes(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        let common = min(a.count, b.count)
        let order = a.withUnsafeBytes { x in
            b.withUnsafeBytes { y in
                guard let x = x.baseAddress, let y = y.baseAddress else { return Int32(0) }
                return memcmp(x, y, common)
            }
        }
        return order != 0 ? order < 0 : a.count < b.count
    }
}
