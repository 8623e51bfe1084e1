import Foundation
import VinhDanhContent
import VinhDanhSupport
import VinhDanhText

/// The one order every list of profiles uses: Vietnamese collation of the given name
/// (people, households) or the whole title (collectives), then the whole title, then
/// the slug so output never depends on input order.
///
/// Each profile has one sort key: the ICU sort key of the name, then of the title (each
/// ends with its only zero byte), then the slug, so comparing two keys' bytes compares
/// the three in turn. Keys are kept with the index, so that the preview server, after an
/// edit, makes keys for the edited profiles only and inserts them into the previous order.
enum ProfileOrder {
    /// Each profile's sort key, made in parallel; with `known` (one per profile), the
    /// keys given there are taken and only the others made.
    static func keys(_ profiles: [Profile], known: [[UInt8]?] = []) -> [[UInt8]] {
        let collator = VietnameseCollator()
        guard known.count == profiles.count else { return Parallel.map(elementsOf: profiles) { key($0, collator) } }
        // After an edit: the few edited profiles, one by one.
        var keys = known.map { $0 ?? [] }
        for i in known.indices where known[i] == nil { keys[i] = key(profiles[i], collator) }
        return keys
    }

    private static func key(_ profile: borrowing Profile, _ collator: VietnameseCollator) -> [UInt8] {
        var key = collator.sortKey(profile.sortName)
        if key.last != 0 { key.append(0) }  // the code-point fallback has no terminator
        key += collator.sortKey(profile.title)
        if key.last != 0 { key.append(0) }
        key += profile.slug.utf8
        return key
    }

    /// Profile indexes sorted by `keys`.
    static func sorted(_ keys: [[UInt8]]) -> [Int] {
        keys.indices.sorted { precedes(keys[$0], keys[$1]) }
    }

    /// The order after an edit: `previous` (an order of the profiles before it) with each
    /// profile moved to its new index by `newIndex` (`nil`: deleted or edited), and the
    /// profiles at `inserted` placed by their keys. The same as ``sorted(_:)`` when the
    /// keys of the kept profiles did not change.
    static func updated(_ previous: [Int], newIndex: [Int?], inserted: [Int], keys: [[UInt8]]) -> [Int] {
        // Inserting moves the rest of the array: past a few profiles a sort is cheaper.
        guard inserted.count <= 64 else { return sorted(keys) }
        var order = previous.compactMap { newIndex[$0] }
        order.reserveCapacity(keys.count)
        for i in inserted {
            var low = 0, high = order.count
            while low < high {
                let middle = (low + high) / 2
                if precedes(keys[order[middle]], keys[i]) { low = middle + 1 } else { high = middle }
            }
            order.insert(i, at: low)
        }
        return order
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
