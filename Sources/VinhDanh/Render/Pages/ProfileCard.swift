import Foundation
import VinhDanhContent

extension SiteRenderer {
    /// Profile `i`'s list item: `partials/profile-card` with ``cardFields(_:_:_:)``.
    static func card(_ site: Site, _ urls: SiteURLs, _ theme: Theme, _ i: Int) -> String {
        theme.render("profile-card", cardFields(site, urls, i))
    }

    /// A profile's list item (`partials/profile-card`).
    private static func cardFields(_ site: Site, _ urls: SiteURLs, _ i: Int) -> ProfileCardView {
        let profile = site.profiles[i]
        let vocab = site.vocabularies
        // The most senior award: vocabulary order is precedence order.
        let top = profile.awards.min(by: { ($0.type, -$0.year) < ($1.type, -$1.year) })
        return ProfileCardView(
            title: profile.title, url: urls.profile(profile.slug), kind: site.strings.label(of: profile.kind),
            district: vocab.districts.entries[profile.district].name, summary: profile.summary ?? "",
            photo: profile.photo.map(urls.content) ?? "",
            topAward: top.map { vocab.awards.entries[$0.type].name } ?? "", topAwardYear: top.map { String($0.year) } ?? "")
    }
}
