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
        var facts: [[String: Any]] = [
            ["label": "Đối tượng", "value": profile.kind.label, "url": urls.term(.kind, profile.kind.key)],
            ["label": "Địa bàn", "value": district.name, "url": urls.term(.district, district.key)],
        ]
        for (label, value) in [("Xã/phường", profile.commune), ("Đơn vị", profile.unit),
                               ("Chức vụ", profile.position), ("Dân tộc", profile.ethnicity)] {
            if let value, !value.isEmpty { facts.append(["label": label, "value": value]) }
        }
        let movements = profile.movements.map { m -> [String: Any] in
            let entry = vocab.movements.entries[m]
            return ["name": entry.name, "url": urls.term(.movement, entry.key)]
        }
        let awards = profile.awards.map { award -> [String: Any] in
            let entry = vocab.awards.entries[award.type]
            return ["name": entry.name, "url": urls.term(.award, entry.key), "year": award.year,
                    "yearURL": urls.term(.year, "\(award.year)"), "decision": award.decision ?? ""]
        }
        let body = markdown.render(profile.body).html
        var extra: [String: Any] = [
            "profile": [
                "title": profile.title,
                "summary": profile.summary ?? "",
                "facts": facts,
                "movements": movements,
                "hasMovements": !movements.isEmpty,
                "awards": awards,
                "body": body,
                "date": profile.date?.vietnamese ?? "",
                "isoDate": profile.date?.description ?? "",
            ] as [String: Any],
            "jsonLD": jsonLD(profile, path: path),
        ]
        var image: (url: String, alt: String)?
        if let photo = profile.photo {
            let url = urls.content(photo)
            image = (url, "Ảnh: \(profile.title)")
            var values: [String: Any] = ["url": url, "alt": "Ảnh: \(profile.title)"]
            if let size = photoSizes[photo] {
                // Shown at most 200 px wide; the attributes keep the aspect ratio so nothing jumps.
                let width = min(200, size.width)
                values["width"] = width
                values["height"] = max(1, size.height * width / max(1, size.width))
            }
            extra["photo"] = values
        }
        return base.page(
            title: profile.title, description: profile.summary, path: path, section: "dia-ban",
            breadcrumbs: [("Trang chủ", urls.home), (TaxonomyKind.district.title, urls.taxonomy(.district)),
                          (district.name, urls.term(.district, district.key)), (profile.title, nil)],
            image: image, type: "profile", extra: extra)
    }

    /// schema.org Person or Organization, JSON-escaped for a `<script>` element
    /// (`<`, `>` and `&` as `\u003c`… so no `</script>` can close it early).
    func jsonLD(_ profile: Profile, path: String) -> String {
        let vocab = site.vocabularies
        var fields: [(String, String)] = [
            ("@context", JSONText.string("https://schema.org")),
            ("@type", JSONText.string(profile.kind == .individual ? "Person" : "Organization")),
            ("name", JSONText.string(profile.title)),
            ("url", JSONText.string(urls.absolute(path))),
            ("award", "[" + profile.awards.map { JSONText.string("\(vocab.awards.entries[$0.type].name) (\($0.year))") }.joined(separator: ",") + "]"),
            ("address", JSONText.object([
                ("@type", JSONText.string("PostalAddress")),
                ("addressRegion", JSONText.string("Bắc Giang")),
                ("addressLocality", JSONText.string(vocab.districts.entries[profile.district].name)),
            ])),
        ]
        if let summary = profile.summary { fields.append(("description", JSONText.string(summary))) }
        if let photo = profile.photo { fields.append(("image", JSONText.string(urls.absolute(urls.content(photo))))) }
        if profile.kind == .individual {
            if let position = profile.position { fields.append(("jobTitle", JSONText.string(position))) }
            if let unit = profile.unit {
                fields.append(("worksFor", JSONText.object([("@type", JSONText.string("Organization")), ("name", JSONText.string(unit))])))
            }
        }
        return JSONText.object(fields)
    }
}
