/// What `layouts/home` is rendered with, besides the ``PageFrame``.
struct HomeLayout: TemplateView {
    /// The site's totals.
    let totals: TotalsView
    /// The browse indexes (movements, places, award types).
    let indexes: [BrowseIndexView]
    /// The newest profiles, `partials/profile-card` rendered.
    let newest: String

    var values: [String: Any] { ["totals": totals.object, "indexes": indexes.objects, "newest": TemplateText(newest)] }
}

/// The site's totals.
struct TotalsView: TemplateView {
    /// Number of profiles.
    let profiles: String
    /// Number of award records.
    let awards: String
    /// Profiles by kind.
    let kinds: [KindTotalView]

    var values: [String: Any] { ["profiles": TemplateText(profiles), "awards": TemplateText(awards), "kinds": kinds.objects] }
}

/// The profiles of one kind.
struct KindTotalView: TemplateView {
    /// The kind.
    let label: String
    /// Its number of profiles.
    let count: String
    /// URL of its list.
    let url: String

    var values: [String: Any] { ["label": TemplateText(label), "count": TemplateText(count), "url": TemplateText(url)] }
}

/// A browse index with its terms.
struct BrowseIndexView: TemplateView {
    /// The index's title.
    let title: String
    /// URL of the index page.
    let url: String
    /// Its terms.
    let terms: [TermLinkView]

    var values: [String: Any] { ["title": TemplateText(title), "url": TemplateText(url), "terms": terms.objects] }
}

/// A link to a browse index.
struct IndexLinkView: TemplateView {
    /// The index's title.
    let title: String
    /// URL of the index page.
    let url: String

    var values: [String: Any] { ["title": TemplateText(title), "url": TemplateText(url)] }
}

/// What `layouts/404` is rendered with, besides the ``PageFrame``.
struct NotFoundLayout: TemplateView {
    /// The browse indexes (movements, places, award types).
    let indexes: [IndexLinkView]

    var values: [String: Any] { ["indexes": indexes.objects] }
}

/// What `layouts/page` is rendered with, besides the ``PageFrame``.
struct ContentLayout: TemplateView {
    /// A standalone page (`content/pages/`).
    let content: ContentView

    var values: [String: Any] { ["content": content.object] }
}

/// A standalone page.
struct ContentView: TemplateView {
    /// Its title.
    let title: String
    /// Its Markdown, rendered as HTML.
    let body: String

    var values: [String: Any] { ["title": TemplateText(title), "body": TemplateText(body)] }
}

/// What `layouts/search` is rendered with, besides the ``PageFrame``.
struct SearchLayout: TemplateView {
    /// The search page.
    let search: SearchView

    var values: [String: Any] { ["search": search.object] }
}

/// The search page.
struct SearchView: TemplateView {
    /// URL of the search index's folder.
    let index: String
    /// URL of `assets/search.js`.
    let script: String
    /// The filters.
    let filters: [SearchFilterView]
    /// Links to the browse indexes (shown without JavaScript).
    let browse: [IndexLinkView]

    var values: [String: Any] {
        ["index": TemplateText(index), "script": TemplateText(script), "filters": filters.objects, "browse": browse.objects]
    }
}

/// A filter of the search form.
struct SearchFilterView: TemplateView {
    /// Filter key (the taxonomy's path).
    let name: String
    /// Filter label.
    let label: String
    /// Its choices.
    let options: [SearchOptionView]

    var values: [String: Any] { ["name": TemplateText(name), "label": TemplateText(label), "options": options.objects] }
}

/// A choice of a search filter.
struct SearchOptionView: TemplateView {
    /// Choice key.
    let key: String
    /// Choice name.
    let name: String

    var values: [String: Any] { ["key": TemplateText(key), "name": TemplateText(name)] }
}
