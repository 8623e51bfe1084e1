import Foundation
import VinhDanhConfig
import VinhDanhContent
import VinhDanhSupport
import VinhDanhText
import VinhDanhVocabulary

/// One page per profile: its facts, awards, body and JSON-LD.
struct ProfilePages: PageKind {
    func pages(_ r: SiteRenderer) -> [PageRef] { r.site.profiles.indices.map { PageRef($0) } }
    func path(_ page: PageRef, _ r: SiteRenderer) -> String? { r.urls.profile(r.site.profiles[page.a].slug) }
    func render(_ page: PageRef, _ r: SiteRenderer) -> [UInt8] { html(r, "layout-profile", r.profileContext(page.a)) }
    var templates: [String] { ["layout-profile", "term-link"] + sharedTemplates }
    var onePerProfile: Bool { true }
    func lastModified(_ page: PageRef, _ r: SiteRenderer) -> CalendarDate? { r.index.dates[page.a] }

    func inputs(_ page: PageRef, _ r: SiteRenderer, _ hasher: inout InputHasher) {
        r.addCard(page.a, &hasher)
    }
}

extension SiteRenderer {
    func profileContext(_ i: Int) -> [String: Any] {
        let profile = site.profiles[i]
        let vocab = site.vocabularies
        let district = vocab.districts.entries[profile.district]
        let path = urls.profile(profile.slug)
        let movements = profile.movements.map { m -> Any in
            let entry = vocab.movements.entries[m]
            return TemplateText(termLinks.html(.movement, entry.key, name: entry.name))
        }
        // Awards filed in more than one place (before and after the units changed) say where.
        let placed = profile.places.count > 1
        let awards = profile.awards.map { award -> Any in
            let entry = vocab.awards.entries[award.type], place = vocab.districts.entries[award.place]
            return TemplateObject(values: [
                "typeLink": TemplateText(termLinks.html(.award, entry.key, name: entry.name)),
                "issuer": TemplateText(Self.issuer(of: entry, at: place, strings)),
                "yearLink": TemplateText(termLinks.html(.year, "\(award.year)", name: "\(award.year)")),
                "decision": TemplateText(award.decision ?? ""),
                "placeLink": TemplateText(placed ? termLinks.html(.district, place.key, name: place.name) : ""),
            ])
        }
        // Every key the template asks for is present (an empty string is false): a missing
        // one would make swift-mustache search the whole context stack for it.
        var values: [String: Any] = [
            "title": TemplateText(profile.title),
            "summary": TemplateText(profile.summary ?? ""),
            "kindLink": TemplateText(termLinks.html(.kind, profile.kind.key, name: strings.label(of: profile.kind))),
            "districtLink": TemplateText(termLinks.html(.district, district.key, name: district.name)),
            "commune": TemplateText(profile.commune ?? ""),
            "today": TemplateText(todayLink(of: i) ?? ""),
            "unit": TemplateText(profile.unit ?? ""),
            "position": TemplateText(profile.position ?? ""),
            "ethnicity": TemplateText(profile.ethnicity ?? ""),
            "movements": movements,
            "hasMovements": !movements.isEmpty,
            "awards": awards,
            "awardsPlaced": placed,
            "body": TemplateText(markdown.render(site.body(of: profile)).html),
            "date": TemplateText(profile.date?.vietnamese ?? ""),
            "isoDate": TemplateText(profile.date?.description ?? ""),
            "photo": TemplateText(""),
        ]
        var image: (url: String, alt: String)?
        if let photo = profile.photo {
            let url = urls.content(photo)
            image = (url, strings(.profilePhoto, ["title": profile.title]))
            var photoValues: [String: Any] = ["url": TemplateText(url), "alt": TemplateText(strings(.profilePhoto, ["title": profile.title])), "width": false, "height": false]
            if let size = photoSizes[photo] {
                // Shown at most 200 px wide; the attributes keep the aspect ratio so nothing jumps.
                let width = min(200, size.width)
                photoValues["width"] = TemplateText(String(width))
                photoValues["height"] = TemplateText(String(max(1, size.height * width / max(1, size.width))))
            }
            values["photo"] = TemplateObject(values: photoValues)
        }
        return base.page(
            title: profile.title, description: profile.summary, path: path, section: "dia-ban",
            breadcrumbs: [(strings[.navHome], urls.home), (strings.title(of: .district), urls.taxonomy(.district)),
                          (district.name, urls.term(.district, district.key)), (profile.title, nil)],
            image: image, type: "profile",
            extra: ["profile": TemplateObject(values: values), "jsonLD": TemplateText(jsonLD(profile, path: path))])
    }

    /// The province that made an award: the one an award type is named after
    /// (`province:` in the awards vocabulary), else, for an award of a province's
    /// chairman (level `tinh`), the province of the place it was made in at the time;
    /// empty for the rest.
    static func issuer(of type: VocabularyEntry, at place: VocabularyEntry, _ strings: SiteStrings) -> String {
        guard let province = type.province ?? (type.level == "tinh" ? place.province : nil) else { return "" }
        return strings(.awardIssuer, ["province": province])
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
        // The province is data: the district-level unit's (districts.yaml), if it says.
        if let province = vocab.districts.entries[profile.district].province { json.field("addressRegion", province) }
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

extension SiteRenderer {
    /// Where a profile's commune stands today, as HTML: a link to that commune's page,
    /// then its province ("Xã Tân Yên, tỉnh Bắc Ninh"), when it can be followed there
    /// (``PlaceHistory``).
    func todayLink(of i: Int) -> String? {
        let places = site.vocabularies.places
        guard i < index.todayCommunes.count, let found = index.todayCommunes[i] else { return nil }
        let commune = places.communes[found]
        return termLinks.html(.district, commune.key, name: commune.name) + (places.province.map { ", " + HTMLEscaping.escape($0) } ?? "")
    }
}
