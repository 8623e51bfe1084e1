import Foundation

extension SiteRenderer {
    /// Fields of a profile's list item (`partials/profile-card`).
    static func cardFields(_ site: Site, _ urls: SiteURLs, _ i: Int) -> [String: Any] {
        let profile = site.profiles[i]
        let vocab = site.vocabularies
        var card: [String: Any] = [
            "title": profile.title,
            "url": urls.profile(profile.slug),
            "kind": profile.kind.label,
            "district": vocab.districts.entries[profile.district].name,
            "summary": profile.summary ?? "",
            "photo": "",
            "topAward": "",
        ]
        // The most senior award: vocabulary order is precedence order.
        if let top = profile.awards.min(by: { ($0.type, -$0.year) < ($1.type, -$1.year) }) {
            card["topAward"] = vocab.awards.entries[top.type].name
            card["topAwardYear"] = top.year
        }
        if let photo = profile.photo {
            card["photo"] = urls.content(photo)
        }
        return card
    }

    func profileContext(_ i: Int) -> [String: Any] {
        let profile = site.profiles[i]
        let vocab = site.vocabularies
        let district = vocab.districts.entries[profile.district]
        let path = urls.profile(profile.slug)
        let movements = profile.movements.map { m -> String in
            let entry = vocab.movements.entries[m]
            return termLinks.html(.movement, entry.key, name: entry.name)
        }
        let awards = profile.awards.map { award -> [String: Any] in
            let entry = vocab.awards.entries[award.type]
            return ["typeLink": termLinks.html(.award, entry.key, name: entry.name),
                    "yearLink": termLinks.html(.year, "\(award.year)", name: "\(award.year)"),
                    "decision": award.decision ?? ""]
        }
        // Every key the template asks for is present (an empty string is false): a missing
        // one would make swift-mustache search the whole context stack for it.
        var values: [String: Any] = [
            "title": profile.title,
            "summary": profile.summary ?? "",
            "kindLink": termLinks.html(.kind, profile.kind.key, name: profile.kind.label),
            "districtLink": termLinks.html(.district, district.key, name: district.name),
            "commune": profile.commune ?? "",
            "unit": profile.unit ?? "",
            "position": profile.position ?? "",
            "ethnicity": profile.ethnicity ?? "",
            "movements": movements,
            "hasMovements": !movements.isEmpty,
            "awards": awards,
            "body": markdown.render(profile.body).html,
            "date": profile.date?.vietnamese ?? "",
            "isoDate": profile.date?.description ?? "",
            "photo": "",
        ]
        var image: (url: String, alt: String)?
        if let photo = profile.photo {
            let url = urls.content(photo)
            image = (url, "Ảnh: \(profile.title)")
            var photoValues: [String: Any] = ["url": url, "alt": "Ảnh: \(profile.title)", "width": false]
            if let size = photoSizes[photo] {
                // Shown at most 200 px wide; the attributes keep the aspect ratio so nothing jumps.
                let width = min(200, size.width)
                photoValues["width"] = width
                photoValues["height"] = max(1, size.height * width / max(1, size.width))
            }
            values["photo"] = photoValues
        }
        return base.page(
            title: profile.title, description: profile.summary, path: path, section: "dia-ban",
            breadcrumbs: [("Trang chủ", urls.home), (TaxonomyKind.district.title, urls.taxonomy(.district)),
                          (district.name, urls.term(.district, district.key)), (profile.title, nil)],
            image: image, type: "profile", extra: ["profile": values, "jsonLD": jsonLD(profile, path: path)])
    }

    /// schema.org Person or Organization, JSON-escaped for a `<script>` element
    /// (`<`, `>` and `&` as `\u003c`… so no `</script>` can close it early).
    func jsonLD(_ profile: Profile, path: String) -> String {
        let vocab = site.vocabularies
        var json = JSONWriter()
        json.beginObject()
        json.field("@context", "https://schema.org")
        json.field("@type", profile.kind == .individual ? "Person" : "Organization")
        json.field("name", profile.title)
        json.field("url", urls.absolute(path))
        json.key("award")
        json.beginArray()
        for award in profile.awards { json.string("\(vocab.awards.entries[award.type].name) (\(award.year))") }
        json.endArray()
        json.key("address")
        json.beginObject()
        json.field("@type", "PostalAddress")
        json.field("addressRegion", "Bắc Giang")
        json.field("addressLocality", vocab.districts.entries[profile.district].name)
        json.endObject()
        if let summary = profile.summary { json.field("description", summary) }
        if let photo = profile.photo { json.field("image", urls.absolute(urls.content(photo))) }
        if profile.kind == .individual {
            if let position = profile.position { json.field("jobTitle", position) }
            if let unit = profile.unit {
                json.key("worksFor")
                json.beginObject()
                json.field("@type", "Organization")
                json.field("name", unit)
                json.endObject()
            }
        }
        json.endObject()
        return json.text
    }
}
