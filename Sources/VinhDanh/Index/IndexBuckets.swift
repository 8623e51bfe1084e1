import VinhDanhConfig
import VinhDanhContent
import VinhDanhVocabulary

/// The profiles filed under each term: by vocabulary index (movements, districts, award
/// types), by year, by kind and by the commune of today their `commune` is part of
/// (``PlaceHistory``), each list in list order. ``SiteIndex`` makes its
/// taxonomies from them, and keeps them so that an edit moves a few profiles in the lists
/// instead of making every list again.
package struct IndexBuckets: Sendable {
    var movements: [[Int]]
    var districts: [[Int]]
    var awards: [[Int]]
    var years: [Int: [Int]] = [:]
    var kinds: [SubjectKind: [Int]] = [:]
    /// By index in the places' ``PlaceHistory/communes``.
    var communes: [[Int]]
    /// The commune of today each profile is filed under (``SiteIndex/todayCommunes``).
    private var today: [Int?] = []

    /// Empty lists for the vocabularies' entries.
    init(_ vocabularies: Vocabularies) {
        movements = Array(repeating: [], count: vocabularies.movements.entries.count)
        districts = Array(repeating: [], count: vocabularies.districts.entries.count)
        awards = Array(repeating: [], count: vocabularies.awards.entries.count)
        communes = Array(repeating: [], count: vocabularies.places.communes.count)
    }

    /// Every profile filed, walking them in list `order` (so each list is filled already
    /// sorted); `today`: each profile's commune of today, if any.
    init(_ vocabularies: Vocabularies, profiles: [Profile], order: [Int], today: [Int?]) {
        self.init(vocabularies)
        self.today = today
        // Through a buffer: reading a field of `array[i]` copies the whole profile.
        profiles.withUnsafeBufferPointer { profiles in
            for index in order { file(profiles[index], index) { $0.append(index) } }
        }
    }

    /// Calls `place` with each list `profile` is filed in, once each: every movement, its
    /// places (``Profile/places``), the commune of today its commune is part of, its kind,
    /// and each of its award types and years (a profile has a few awards: no set needed).
    mutating func file(_ profile: borrowing Profile, _ index: Int, _ place: (inout [Int]) -> Void) {
        for movement in profile.movements { place(&movements[movement]) }
        for unit in profile.places { place(&districts[unit]) }
        if index < today.count, let commune = today[index] { place(&communes[commune]) }
        place(&kinds[profile.kind, default: []])
        let list = profile.awards
        for (a, award) in list.enumerated() {
            let earlier = list[..<a]
            if !earlier.contains(where: { $0.type == award.type }) { place(&awards[award.type]) }
            if !earlier.contains(where: { $0.year == award.year }) { place(&years[award.year, default: []]) }
        }
    }

    /// The lists after an edit: each profile kept moved to its new index (`newIndex`, by
    /// old index; `nil`: deleted or edited), then the profiles at `inserted` filed at
    /// their place by `rank` (each profile's position in the new list order); `today` is
    /// each profile's commune of today after the edit.
    func updated(newIndex: [Int?], inserted: [Int], rank: [Int], profiles: [Profile], today: [Int?]) -> IndexBuckets {
        func kept(_ list: [Int]) -> [Int] { list.compactMap { newIndex[$0] } }
        var next = self
        next.today = today
        next.movements = movements.map(kept)
        next.districts = districts.map(kept)
        next.awards = awards.map(kept)
        next.communes = communes.map(kept)
        next.years = years.mapValues(kept).filter { !$0.value.isEmpty }
        next.kinds = kinds.mapValues(kept).filter { !$0.value.isEmpty }
        for i in inserted {
            next.file(profiles[i], i) { list in
                var low = 0, high = list.count
                while low < high {
                    let middle = (low + high) / 2
                    if rank[list[middle]] < rank[i] { low = middle + 1 } else { high = middle }
                }
                list.insert(i, at: low)
            }
        }
        return next
    }

    /// The taxonomies: terms in vocabulary order (years newest first, kinds in their
    /// order), those with no profile left out.
    func taxonomies(_ vocabularies: Vocabularies, _ strings: SiteStrings) -> [Taxonomy] {
        func terms(_ vocabulary: Vocabulary, _ buckets: some Collection<[Int]>) -> [Term] {
            zip(vocabulary.entries, buckets).compactMap { entry, members in
                members.isEmpty ? nil : Term(key: entry.key, name: entry.name, description: entry.description, profiles: members)
            }
        }
        return [
            Taxonomy(kind: .movement, terms: terms(vocabularies.movements, movements)),
            // Today's communes beside the district-level units: another key space
            // (`xa-…`, `phuong-…`), so no URL of a former unit changes.
            Taxonomy(kind: .district, terms: terms(vocabularies.districts, districts.prefix(vocabularies.firstCommuneEntry))
                + communeTerms(vocabularies, strings)),
            Taxonomy(kind: .award, terms: terms(vocabularies.awards, awards)),
            Taxonomy(kind: .year, terms: years.keys.sorted(by: >).map {
                Term(key: "\($0)", name: strings(.termYear, ["year": "\($0)"]), description: nil, profiles: years[$0] ?? [])
            }),
            Taxonomy(kind: .kind, terms: SubjectKind.allCases.compactMap { kind in
                guard let members = kinds[kind], !members.isEmpty else { return nil }
                return Term(key: kind.key, name: strings.label(of: kind), description: nil, profiles: members)
            }),
        ]
    }

    /// The communes of today with profiles, each described by what it was formed from:
    /// first the profiles with awards made there, then, marked by ``Term/placed``, the
    /// exemplars of the former communes it was formed from.
    private func communeTerms(_ vocabularies: Vocabularies, _ strings: SiteStrings) -> [Term] {
        let places = vocabularies.places
        return places.communes.indices.compactMap { c in
            let placed = districts[vocabularies.entry(ofCommune: c)], formerly = communes[c]
            guard !placed.isEmpty || !formerly.isEmpty else { return nil }
            let commune = places.communes[c]
            let parts = places.formedFromNames(c, in: vocabularies.districts)
            let since = places.since.map { " " + strings(.communeSince, ["date": $0.vietnamese]) } ?? ""
            let description = strings(.communeDescription, ["name": commune.name, "code": commune.code, "since": since,
                                                            "parts": parts.joined(separator: ", ")])
            let shown = Set(placed)
            return Term(key: commune.key, name: commune.name, description: description,
                        profiles: placed + formerly.filter { !shown.contains($0) }, placed: placed.count)
        }
    }
}
