import VinhDanhIndex
import VinhDanhSupport
import VinhDanhText
import VinhDanhVocabulary

/// Each taxonomy's index page, then its terms' list pages (page 1 at the term's own URL).
/// A page is `PageRef(taxonomy, term, page)`, the index page with term -1.
struct TaxonomyPages: PageKind {
    func pages(_ r: SiteRenderer) -> [PageRef] {
        var pages: [PageRef] = []
        for (x, taxonomy) in r.index.taxonomies.enumerated() {
            pages.append(PageRef(x, -1))
            for (t, term) in taxonomy.terms.enumerated() {
                for page in 1...r.pageCount(term) { pages.append(PageRef(x, t, page)) }
            }
        }
        return pages
    }

    func path(_ page: PageRef, _ r: SiteRenderer) -> String? {
        let taxonomy = r.index.taxonomies[page.a]
        if page.b < 0 { return r.urls.taxonomy(taxonomy.kind) }
        return r.urls.term(taxonomy.kind, taxonomy.terms[page.b].key, page: page.c)
    }

    func render(_ page: PageRef, _ r: SiteRenderer) -> [UInt8] {
        let kind = r.index.taxonomies[page.a].kind
        if page.b < 0 { return html(r, "layout-taxonomy", r.taxonomyContext(kind)) }
        return html(r, "layout-term", r.termContext(kind, page.b, page.c))
    }

    var templates: [String] { ["layout-taxonomy", "layout-term", "profile-card", "pagination", "pagination-item"] + sharedTemplates }

    func lastModified(_ page: PageRef, _ r: SiteRenderer) -> CalendarDate? {
        page.b < 0 ? r.newestDate : r.termDates[page.a][page.b]
    }

    func inputs(_ page: PageRef, _ r: SiteRenderer, _ hasher: inout InputHasher) {
        let taxonomy = r.index.taxonomies[page.a]
        guard page.b >= 0 else {
            r.addTermList(taxonomy.kind, &hasher)
            return
        }
        let term = taxonomy.terms[page.b]
        hasher.add(page.c)
        hasher.add(term.key)
        hasher.add(term.name)
        hasher.add(term.profiles.count)
        hasher.add(term.placed ?? -1)
        hasher.add(r.pageCount(term))
        // The term's summary and description show on its first page only.
        if page.c == 1 {
            hasher.add(r.termSummary(taxonomy.kind, key: term.key))
            hasher.add(r.successorLinks(taxonomy.kind, key: term.key))
        }
        let size = r.site.config.pagination
        for i in term.profiles.dropFirst((page.c - 1) * size).prefix(size) { r.addCard(i, &hasher) }
    }
}

extension SiteRenderer {
    func taxonomyContext(_ kind: TaxonomyKind) -> [String: Any] {
        var terms = termLinkList(kind)
        let count = terms.count
        // Places with a history: today's communes grouped by the former units they were
        // formed from (a commune from two units under both), then the former units, each
        // with its period.
        var groups: [PlaceGroupView] = []
        let places = site.vocabularies.places, districts = site.vocabularies.districts.entries
        if kind == .district, !places.communes.isEmpty {
            let communeKeys = Dictionary(places.communes.enumerated().map { ($1.key, $0) }, uniquingKeysWith: { a, _ in a })
            let communeTerms = terms.filter { communeKeys[$0.key] != nil }
            for (d, district) in districts.enumerated() {
                let formed = communeTerms.filter { term in
                    communeKeys[term.key].map { places.communes[$0].formedFrom.contains { $0.district == d } } ?? false
                }
                if !formed.isEmpty { groups.append(PlaceGroupView(name: district.name, period: period(district), communes: formed)) }
            }
            terms = terms.filter { communeKeys[$0.key] == nil }.map { term in
                TermLinkView(key: term.key, name: term.name, url: term.url, count: term.count,
                             period: districts.first { $0.key == term.key }.map(period) ?? "")
            }
        }
        return base.page(
            title: strings.title(of: kind), description: strings(.taxonomyDescription, ["title": strings.title(of: kind), "count": "\(count)"]),
            path: urls.taxonomy(kind), section: kind.path,
            breadcrumbs: [(strings[.navHome], urls.home), (strings.title(of: kind), nil)],
            layout: TaxonomyLayout(taxonomy: TaxonomyView(
                title: strings.title(of: kind), isYear: kind == .year, terms: terms, hasGroups: !groups.isEmpty,
                groups: groups, since: places.since?.vietnamese ?? "")))
    }

    /// A district-level unit's period as shown beside its name ("đến 30/06/2025").
    func period(_ unit: VocabularyEntry) -> String {
        switch (unit.from, unit.until) {
        case (let from?, let until?): return strings(.periodBetween, ["from": from.vietnamese, "until": until.vietnamese])
        case (nil, let until?): return strings(.periodUntil, ["until": until.vietnamese])
        case (let from?, nil): return strings(.periodFrom, ["from": from.vietnamese])
        case (nil, nil): return ""
        }
    }

    func termContext(_ kind: TaxonomyKind, _ t: Int, _ page: Int) -> [String: Any] {
        let term = index.taxonomy(kind).terms[t]
        let size = site.config.pagination
        let slice = term.profiles.dropFirst((page - 1) * size).prefix(size)
        let pages = pageCount(term)
        let title = page > 1 ? strings(.termPage, ["name": term.name, "page": "\(page)"]) : term.name
        let view = TermView(
            name: term.name, noun: strings.noun(of: kind), count: Formatting.count(term.profiles.count),
            cards: slice.map { cards[$0] }.joined(),
            groups: communeGroups(term, from: (page - 1) * size, count: slice.count),
            first: String(slice.isEmpty ? 0 : (page - 1) * size + 1), last: String((page - 1) * size + slice.count),
            paginated: pages > 1,
            description: page == 1 ? termDescriptions[kind]?[t] ?? "" : "",
            summary: page == 1 ? termSummary(kind, key: term.key) ?? "" : "",
            became: page == 1 ? successorLinks(kind, key: term.key) : "")
        let pagination = Pagination(current: page, count: pages)
            .view(url: { urls.term(kind, term.key, page: $0) }, cache: paginationItems)
        return base.page(
            title: title, description: strings(.termDescription, ["noun": strings.noun(of: kind), "name": term.name,
                                                                  "count": Formatting.count(term.profiles.count)]),
            path: urls.term(kind, term.key, page: page), section: kind.path,
            breadcrumbs: [(strings[.navHome], urls.home), (strings.title(of: kind), urls.taxonomy(kind)), (title, nil)],
            layout: TermLayout(term: view, pagination: pagination))
    }

    /// A commune of today's page, in two parts: the awards made there since the units
    /// changed (a table), then the exemplars of the former communes it was formed from
    /// (cards); each part with the profiles at positions `from..<from + count` in it.
    func communeGroups(_ term: Term, from: Int, count: Int) -> [CommuneGroupView] {
        guard let placed = term.placed else { return [] }
        let vocab = site.vocabularies, places = vocab.places
        let since = places.since?.vietnamese ?? ""
        let shown = from..<(from + count)
        var groups: [CommuneGroupView] = []
        let awarded = shown.clamped(to: 0..<placed)
        if !awarded.isEmpty, let entry = vocab.districts.index(forKey: term.key) {
            var rows = ""
            for i in term.profiles[awarded] {
                let profile = site.profiles[i]
                for award in profile.awards where award.place == entry {
                    let type = vocab.awards.entries[award.type]
                    rows += "<tr><td>" + termLinks.html(.year, "\(award.year)", name: "\(award.year)")
                        + "</td><td>" + termLinks.html(.award, type.key, name: type.name)
                        + "</td><td><a href=\"" + HTMLEscaping.escape(urls.profile(profile.slug)) + "\">" + HTMLEscaping.escape(profile.title)
                        + "</a></td><td>" + HTMLEscaping.escape(award.decision ?? "") + "</td></tr>\n"
                }
            }
            groups.append(CommuneGroupView(
                id: "khen-thuong-tai-dia-ban", heading: strings(.communeAwards, ["name": term.name, "since": since]),
                note: "", rows: rows, groupCards: ""))
        }
        let earlier = shown.clamped(to: placed..<term.profiles.count)
        if !earlier.isEmpty {
            groups.append(CommuneGroupView(
                id: "dien-hinh-xa-phuong-cu", heading: strings[.communeFormer],
                note: strings(.communeFormerNote, ["since": since, "name": term.name]),
                rows: "", groupCards: term.profiles[earlier].map { cards[$0] }.joined()))
        }
        return groups
    }

    /// On a former unit's page, what it became, from the day after it ended: links to
    /// the units with a page, names of the rest ("Từ 01/07/2025 nay thuộc: …").
    func successorLinks(_ kind: TaxonomyKind, key: String) -> String {
        let vocab = site.vocabularies
        guard kind == .district, let entry = vocab.districts.index(forKey: key), let until = vocab.districts.entries[entry].until else { return "" }
        let became = vocab.successors(ofEntry: entry)
        guard !became.isEmpty else { return "" }
        return HTMLEscaping.escape(strings(.unitBecame, ["date": until.next.vietnamese, "name": vocab.districts.entries[entry].name])) + " "
            + became.map { termLinks.htmlIfListed(.district, vocab.districts.entries[$0].key, name: vocab.districts.entries[$0].name) }
                .joined(separator: ", ") + "."
    }

    /// A term's own summary line on its page (districts and movements).
    func termSummary(_ kind: TaxonomyKind, key: String) -> String? {
        let counts: Statistics.Counts?
        switch kind {
        case .district: counts = site.vocabularies.districts.entries.firstIndex { $0.key == key }.flatMap { statistics.districtCounts[$0] }
        case .movement: counts = site.vocabularies.movements.entries.firstIndex { $0.key == key }.flatMap { statistics.movementCounts[$0] }
        default: return nil
        }
        guard let counts else { return nil }
        return strings(.termSummary, ["total": Formatting.count(counts.total), "individual": Formatting.count(counts.individual),
                                      "collective": Formatting.count(counts.collective), "household": Formatting.count(counts.household)])
    }
}
