import Foundation

/// Values computed once per key and remembered, safe to use from several threads: the
/// first thread to need a key computes it; the lock is held only to read or store. Holds
/// at most `limit` keys, so memory stays bounded when keys never repeat.
package final class Memo<Key: Hashable, Value>: @unchecked Sendable {  // `values` is only touched under `lock`
    private let lock = NSLock()
    private var values: [Key: Value] = [:]
    private let limit: Int

    package init(limit: Int = .max) {
        self.limit = limit
    }

    /// The value for `key`, made by `make` the first time.
    package func value(for key: Key, _ make: () -> Value) -> Value {
        if let known = lock.withLock({ values[key] }) { return known }
        let value = make()
        lock.withLock {
            if values.count < limit { values[key] = value }
        }
        return value
    }
}
