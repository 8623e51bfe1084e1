import Foundation

/// ``Slug/make(_:)`` remembered for texts that recur, such as the headings many profiles
/// share. Safe to use from several threads. Holds at most `limit` texts, so a site whose
/// headings are all different costs no more memory than that.
final class SlugCache: @unchecked Sendable {  // `slugs` is only touched under `lock`
    private let lock = NSLock()
    private var slugs: [String: String] = [:]
    private let limit: Int

    init(limit: Int = 4096) {
        self.limit = limit
    }

    /// The slug of `text`.
    func slug(_ text: String) -> String {
        if let known = lock.withLock({ slugs[text] }) { return known }
        let slug = Slug.make(text)
        lock.withLock {
            if slugs.count < limit { slugs[text] = slug }
        }
        return slug
    }
}
