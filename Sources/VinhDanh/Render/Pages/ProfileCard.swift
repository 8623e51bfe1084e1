import Foundation
import VinhDanhContent

extension SiteRenderer {
    /// Profile `i`'s list item: `partials/profile-card` with ``cardFields(_:_:_:)``.
    static func card(_ site: Site, _ urls: SiteURLs, _ theme: Theme, _ i: Int) -> String {
        theme.render("profile-card", cardFields(site, urls, i))
    }

    /// Fields of a profile's list item (`partials/profile-card`).
    private static func cardFields(_ site: Site, _ urls: SiteURLs, _ i: Int) -> [String: Any] {
        let profile = site.profiles[i]
        let vocab = site.vocabularies
        var card: [String: Any] = [
            "title": TemplateText(profile.title),
            "url": TemplateText(urls.profile(profile.slug)),
            "kind": TemplateText(site.strings.label(of: profile.kind)),
            "district": TemplateText(vocab.districts.entries[profile.district].name),
            "summary": TemplateText(profile.summary ?? ""),
            "photo": TemplateText(profile.photo.map(urls.content) ?? ""),
            "topAward": TemplateText(""),
        ]
        // The most senior award: vocabulary order is precedence order.
        if let top = profile.awards.min(by: { ($0.type, -$0.year) < ($1.type, -$1.year) }) {
            card["topAward"] = TemplateText(vocab.awards.entries[top.type].name)
            card["topAwardYear"] = TemplateText(String(top.year))
        }
        return card
    }
}
