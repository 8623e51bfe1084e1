import Foundation

/// Runs work on several threads. Results go into a preallocated buffer, one slot per
/// item, so no locking is needed around them and order is kept.
package enum Parallel {
    /// `map` over the elements of `array`, each passed to `body` in place: reading
    /// `array[i]` copies a large struct (a profile: every field retained, then released),
    /// which cost more than the work on it.
    package static func map<E, T: Sendable>(elementsOf array: [E], _ body: @escaping @Sendable (borrowing E) -> T) -> [T] {
        array.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return [] }
            let shared = SharedPointer(base: base)  // `array` outlives the call and does not change
            return map(buffer.count) { i in body((shared.base + i).pointee) }
        }
    }

    /// Calls `body(i)` for every `i` in `0..<count` on `workers` threads and returns the
    /// results in index order. More workers than cores hides blocking reads of a cold disk.
    package static func map<T: Sendable>(_ count: Int, workers: Int = ProcessInfo.processInfo.activeProcessorCount,
                                         _ body: @escaping @Sendable (Int) -> T) -> [T] {
        guard count > 0 else { return [] }
        let slots = Slots<T>(count: count)
        let next = AtomicCounter()
        let threads = max(1, min(workers, count))
        do {
            let work: @Sendable () -> Void = {
                while true {
                    let i = next.increment()
                    if i >= count { return }
                    slots.set(i, body(i))
                }
            }
            if threads == 1 { work(); return slots.values() }
            let group = DispatchGroup()
            for _ in 0..<threads {
                group.enter()
                let thread = Thread {
                    work()
                    group.leave()
                }
                thread.stackSize = 1 << 22
                thread.start()
            }
            group.wait()
        }
        return slots.values()
    }
}

/// One slot per item, each written by exactly one thread.
private final class Slots<T>: @unchecked Sendable {
    // A raw buffer, not an array property: concurrent writes to distinct slots of a
    // class's array would trip Swift's exclusivity checks.
    private let base: UnsafeMutablePointer<T?>
    private let count: Int
    init(count: Int) {
        self.count = count
        base = .allocate(capacity: count)
        base.initialize(repeating: nil, count: count)
    }
    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }
    func set(_ index: Int, _ value: T) { base[index] = value }
    func values() -> [T] { (0..<count).compactMap { base[$0] } }
}

/// A counter shared by the workers.
package final class AtomicCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    package init() {}

    package func increment() -> Int {
        lock.lock()
        defer { lock.unlock() }
        let current = value
        value += 1
        return current
    }
}

/// A value computed on a thread of its own while the caller goes on with other work.
package final class Background<T: Sendable>: @unchecked Sendable {  // `value` is written before `done` is signalled, read after
    private let done = DispatchSemaphore(value: 0)
    private var value: T?

    package init(_ body: @escaping @Sendable () -> T) {
        let thread = Thread { [self] in
            value = body()
            done.signal()
        }
        thread.stackSize = 1 << 22
        thread.start()
    }

    /// Drops `value` on a thread of its own, so freeing a large graph of objects does not
    /// hold up the caller (a process that exits first never frees it at all).
    package static func release(_ value: T) {
        let thread = Thread { withExtendedLifetime(value) {} }
        thread.start()
    }

    /// The value, once computed (blocks until then). Call once.
    package func wait() -> T {
        done.wait()
        guard let value else { preconditionFailure("Background value read before it was set") }
        return value
    }
}

/// A pointer read from several threads while what it points to stays alive and unchanged.
private struct SharedPointer<E>: @unchecked Sendable {
    let base: UnsafePointer<E>
}
