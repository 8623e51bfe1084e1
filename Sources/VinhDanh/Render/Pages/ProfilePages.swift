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
        let movements = profile.movements.map { m -> String in
            let entry = vocab.movements.entries[m]
            return termLinks.html(.movement, entry.key, name: entry.name)
        }
        // Awards filed in more than one place (before and after the units changed) say where.
        let placed = profile.places.count > 1
        let awards = profile.awards.map { award -> ProfileAwardView in
            let entry = vocab.awards.entries[award.type], place = vocab.districts.entries[award.place]
            return ProfileAwardView(
                typeLink: termLinks.html(.award, entry.key, name: entry.name),
                issuer: Self.issuer(of: entry, at: place, strings),
                yearLink: termLinks.html(.year, "\(award.year)", name: "\(award.year)"),
                decision: award.decision ?? "",
                placeLink: placed ? termLinks.html(.district, place.key, name: place.name) : "")
        }
        var image: (url: String, alt: String)?
        var photo: PhotoView?
        if let file = profile.photo {
            let url = urls.content(file), alt = strings(.profilePhoto, ["title": profile.title])
            image = (url, alt)
            // Shown at most 200 px wide; the attributes keep the aspect ratio so nothing jumps.
            let width = photoSizes[file].map { min(200, $0.width) }
            let height = photoSizes[file].map { size in max(1, size.height * min(200, size.width) / max(1, size.width)) }
            photo = PhotoView(url: url, alt: alt, width: width.map(String.init) ?? "", height: height.map(String.init) ?? "")
        }
        let view = ProfileView(
            title: profile.title, summary: profile.summary ?? "",
            kindLink: termLinks.html(.kind, profile.kind.key, name: strings.label(of: profile.kind)),
            districtLink: termLinks.html(.district, district.key, name: district.name),
            commune: profile.commune ?? "", today: todayLink(of: i) ?? "",
            unit: profile.unit ?? "", position: profile.position ?? "", ethnicity: profile.ethnicity ?? "",
            movements: movements, hasMovements: !movements.isEmpty, awards: awards, awardsPlaced: placed,
            body: markdown.render(site.body(of: profile)).html,
            date: profile.date?.vietnamese ?? "", isoDate: profile.date?.description ?? "", photo: photo)
        return base.page(
            title: profile.title, description: profile.summary, path: path, section: "dia-ban",
            breadcrumbs: [(strings[.navHome], urls.home), (strings.title(of: .district), urls.taxonomy(.district)),
                          (district.name, urls.term(.district, district.key)), (profile.title, nil)],
            image: image, type: "profile",
            layout: ProfileLayout(profile: view, jsonLD: jsonLD(profile, path: path)))
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
