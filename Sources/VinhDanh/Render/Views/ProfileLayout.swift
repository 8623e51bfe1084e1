/// What `layouts/profile` is rendered with, besides the ``PageFrame``.
struct ProfileLayout: TemplateView {
    /// The profile.
    let profile: ProfileView
    /// The schema.org description of the profile, as JSON for a `<script>`.
    let jsonLD: String

    var values: [String: Any] { ["profile": profile.object, "jsonLD": TemplateText(jsonLD)] }
}

/// A profile, as its page shows it. Every name the template asks for is present (an empty
/// string is false): a missing one would make swift-mustache search the whole context
/// stack for it.
struct ProfileView: TemplateView {
    /// Name or title.
    let title: String
    /// Summary (empty when none).
    let summary: String
    /// Link to its kind's list.
    let kindLink: String
    /// Link to its place's list.
    let districtLink: String
    /// Its commune as written (empty when none).
    let commune: String
    /// Link to the commune of today it is part of, with the province (empty when unknown).
    let today: String
    /// Unit or workplace.
    let unit: String
    /// Position.
    let position: String
    /// Ethnic group.
    let ethnicity: String
    /// Links to its movements' lists.
    let movements: [String]
    /// Whether it has any.
    let hasMovements: Bool
    /// Its awards, as written.
    let awards: [ProfileAwardView]
    /// Whether they were made in more than one place (the table then has a place column).
    let awardsPlaced: Bool
    /// The Markdown body, rendered as HTML.
    let body: String
    /// Its `date`, as dd/mm/yyyy (empty when none).
    let date: String
    /// The same, as yyyy-mm-dd.
    let isoDate: String
    /// Its photo (false when none).
    let photo: PhotoView?

    var values: [String: Any] {
        ["title": TemplateText(title), "summary": TemplateText(summary), "kindLink": TemplateText(kindLink),
         "districtLink": TemplateText(districtLink), "commune": TemplateText(commune), "today": TemplateText(today),
         "unit": TemplateText(unit), "position": TemplateText(position), "ethnicity": TemplateText(ethnicity),
         "movements": movements.texts, "hasMovements": hasMovements, "awards": awards.objects, "awardsPlaced": awardsPlaced,
         "body": TemplateText(body), "date": TemplateText(date), "isoDate": TemplateText(isoDate), "photo": photo.objectOrFalse]
    }
}

/// One award of a profile, a row of its awards table.
struct ProfileAwardView: TemplateView {
    /// Link to the award type's list.
    let typeLink: String
    /// The province that made it, for a provincial award (empty otherwise).
    let issuer: String
    /// Link to the year's list.
    let yearLink: String
    /// The decision (empty when none).
    let decision: String
    /// Link to the unit in force at the award, when the profile's awards were made in more than one place (empty otherwise).
    let placeLink: String

    var values: [String: Any] {
        ["typeLink": TemplateText(typeLink), "issuer": TemplateText(issuer), "yearLink": TemplateText(yearLink),
         "decision": TemplateText(decision), "placeLink": TemplateText(placeLink)]
    }
}

/// A profile's photo.
struct PhotoView: TemplateView {
    /// Photo URL.
    let url: String
    /// Alternative text.
    let alt: String
    /// Width to show, in pixels (empty when unknown).
    let width: String
    /// Height to show, in pixels (empty when unknown).
    let height: String

    var values: [String: Any] {
        ["url": TemplateText(url), "alt": TemplateText(alt), "width": TemplateText(width), "height": TemplateText(height)]
    }
}
