/// What `layouts/taxonomy` is rendered with, besides the ``PageFrame``.
struct TaxonomyLayout: TemplateView {
    /// A taxonomy's index page.
    let taxonomy: TaxonomyView

    var values: [String: Any] { ["taxonomy": taxonomy.object] }
}

/// A taxonomy's index page.
struct TaxonomyView: TemplateView {
    /// The taxonomy's title.
    let title: String
    /// Whether it is the years.
    let isYear: Bool
    /// Its terms with profiles (for places: the district-level units).
    let terms: [TermLinkView]
    /// Whether today's communes are listed, grouped by the former units they came from.
    let hasGroups: Bool
    /// Those groups.
    let groups: [PlaceGroupView]
    /// The day today's communes began (dd/mm/yyyy).
    let since: String

    var values: [String: Any] {
        ["title": TemplateText(title), "isYear": isYear, "terms": terms.objects, "hasGroups": hasGroups,
         "groups": groups.objects, "since": TemplateText(since)]
    }
}

/// A term in a list of terms.
struct TermLinkView: TemplateView {
    /// Term key.
    let key: String
    /// Term name.
    let name: String
    /// URL of its list.
    let url: String
    /// Its number of profiles.
    let count: String
    /// A place's period (`đến 30/06/2025`; empty for others).
    let period: String

    var values: [String: Any] {
        ["key": TemplateText(key), "name": TemplateText(name), "url": TemplateText(url), "count": TemplateText(count),
         "period": TemplateText(period)]
    }
}

/// A former district-level unit, with the communes of today formed (in part) from it.
struct PlaceGroupView: TemplateView {
    /// The former unit's name.
    let name: String
    /// Its period.
    let period: String
    /// Today's communes formed (in part) from it, as terms.
    let communes: [TermLinkView]

    var values: [String: Any] { ["name": TemplateText(name), "period": TemplateText(period), "communes": communes.objects] }
}

/// What `layouts/term` is rendered with, besides the ``PageFrame``.
struct TermLayout: TemplateView {
    /// One page of a term's list.
    let term: TermView
    /// The page bar of a paginated list (false with one page).
    let pagination: PaginationView?

    var values: [String: Any] { ["term": term.object, "pagination": pagination.objectOrFalse] }
}

/// One page of a term's list.
struct TermView: TemplateView {
    /// The term's name.
    let name: String
    /// What the term is (`Địa bàn`, `Phong trào`…).
    let noun: String
    /// Its number of profiles.
    let count: String
    /// This page's profiles, `partials/profile-card` rendered.
    let cards: String
    /// A commune of today's list in two parts (empty for other terms).
    let groups: [CommuneGroupView]
    /// Position of the first profile shown.
    let first: String
    /// Position of the last profile shown.
    let last: String
    /// Whether the list has more than one page.
    let paginated: Bool
    /// The term's description, as HTML (page 1 only).
    let description: String
    /// A place's or movement's count of award records (page 1 only).
    let summary: String
    /// What a former unit became, as HTML (page 1 only; empty otherwise).
    let became: String

    var values: [String: Any] {
        ["name": TemplateText(name), "noun": TemplateText(noun), "count": TemplateText(count), "cards": TemplateText(cards),
         "groups": groups.objects, "first": TemplateText(first), "last": TemplateText(last), "paginated": paginated,
         "description": TemplateText(description), "summary": TemplateText(summary), "became": TemplateText(became)]
    }
}

/// One part of a commune of today's list.
struct CommuneGroupView: TemplateView {
    /// The part's anchor.
    let id: String
    /// Its heading.
    let heading: String
    /// A note under it (empty when none).
    let note: String
    /// The awards made there, as table rows (empty for the second part).
    let rows: String
    /// The former communes' exemplars, `partials/profile-card` rendered (empty for the first part).
    let groupCards: String

    var values: [String: Any] {
        ["id": TemplateText(id), "heading": TemplateText(heading), "note": TemplateText(note), "rows": TemplateText(rows),
         "groupCards": TemplateText(groupCards)]
    }
}
