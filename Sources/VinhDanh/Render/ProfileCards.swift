import Foundation
import VinhDanhContent

/// Each profile's list item (`partials/profile-card`), rendered once and reused on every
/// list that shows it. A full build renders them all up front (while the index is built);
/// a rebuild that renders few lists renders each when a list first needs it.
package final class ProfileCards: @unchecked Sendable {  // `rendered` is only touched under `lock`
    private let site: Site
    private let urls: SiteURLs
    private let theme: Theme
    private let lock = NSLock()
    private var rendered: [String?]

    /// Cards for `site`'s profiles, with those already `rendered` (by index; `nil`: not yet).
    init(site: Site, urls: SiteURLs, theme: Theme, rendered: [String?]) {
        self.site = site
        self.urls = urls
        self.theme = theme
        self.rendered = rendered
    }

    /// Profile `i`'s card, rendered now if it was not yet.
    subscript(i: Int) -> String {
        if let card = lock.withLock({ rendered[i] }) { return card }
        let card = SiteRenderer.card(site, urls, theme, i)
        lock.withLock { rendered[i] = card }
        return card
    }

    /// The cards rendered so far, by index.
    package var known: [String?] { lock.withLock { rendered } }
}
