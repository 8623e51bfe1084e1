/// The site's indexes: list order, taxonomies with their terms, newest profiles, totals.
public struct SiteIndex: Sendable {
    /// Profile indexes in list order.
    public var order: [Int]
    /// Taxonomies in `TaxonomyKind.allCases` order.
    public var taxonomies: [Taxonomy]
    /// Profile indexes, newest first (by `Profile.effectiveDate`, then list order).
    public var newest: [Int]
    /// Number of profiles of each kind.
    public var countsByKind: [SubjectKind: Int]
    /// Number of award records.
    public var awardCount: Int

    /// The taxonomy of a kind.
    public func taxonomy(_ kind: TaxonomyKind) -> Taxonomy {
        taxonomies.first { $0.kind == kind } ?? Taxonomy(kind: kind, terms: [])
    }

    /// Whether two versions of a profile are alike to every index: all that
    /// ``init(site:)`` reads of a profile (see ``addIndexedFacts(_:_:)``). An edit that
    /// keeps these keeps the index.
    public static func alike(_ a: Profile, _ b: Profile) -> Bool {
        a.title == b.title && a.slug == b.slug && a.kind == b.kind && a.district == b.district
            && a.movements == b.movements && a.awards.map(\.type) == b.awards.map(\.type)
            && a.awards.map(\.year) == b.awards.map(\.year) && a.effectiveDate == b.effectiveDate
    }

    /// Adds the facts ``alike(_:_:)`` compares: two profiles alike add the same values.
    static func addIndexedFacts(_ profile: Profile, _ hasher: inout InputHasher) {
        hasher.add(profile.title)
        hasher.add(profile.slug)
        hasher.add(profile.kind.rawValue)
        hasher.add(profile.district)
        hasher.add(profile.movements.count)
        for movement in profile.movements { hasher.add(movement) }
        hasher.add(profile.awards.count)
        for award in profile.awards {
            hasher.add(award.type)
            hasher.add(award.year)
        }
        let date = profile.effectiveDate
        hasher.add(date.year * 10_000 + date.month * 100 + date.day)
    }

    /// No profiles, no terms.
    static let empty = SiteIndex(order: [], taxonomies: [], newest: [], countsByKind: [:], awardCount: 0)

    private init(order: [Int], taxonomies: [Taxonomy], newest: [Int], countsByKind: [SubjectKind: Int], awardCount: Int) {
        self.order = order
        self.taxonomies = taxonomies
        self.newest = newest
        self.countsByKind = countsByKind
        self.awardCount = awardCount
    }

    /// Builds every index of `site`.
    public init(site: Site) {
        let profiles = site.profiles
        let vocab = site.vocabularies
        order = ProfileOrder.sorted(profiles)
        var movements = [[Int]](repeating: [], count: vocab.movements.entries.count)
        var districts = [[Int]](repeating: [], count: vocab.districts.entries.count)
        var awards = [[Int]](repeating: [], count: vocab.awards.entries.count)
        var years: [Int: [Int]] = [:]
        var kinds: [SubjectKind: [Int]] = [:]
        var awardCount = 0
        // Walking profiles in list order fills every bucket already sorted.
        for index in order {
            let profile = profiles[index]
            for movement in profile.movements { movements[movement].append(index) }
            districts[profile.district].append(index)
            var seenTypes = Set<Int>(), seenYears = Set<Int>()
            for award in profile.awards {
                awardCount += 1
                if seenTypes.insert(award.type).inserted { awards[award.type].append(index) }
                if seenYears.insert(award.year).inserted { years[award.year, default: []].append(index) }
            }
            kinds[profile.kind, default: []].append(index)
        }
        func terms(_ vocabulary: Vocabulary, _ buckets: [[Int]]) -> [Term] {
            zip(vocabulary.entries, buckets).compactMap { entry, members in
                members.isEmpty ? nil : Term(key: entry.key, name: entry.name, description: entry.description, profiles: members)
            }
        }
        taxonomies = [
            Taxonomy(kind: .movement, terms: terms(vocab.movements, movements)),
            Taxonomy(kind: .district, terms: terms(vocab.districts, districts)),
            Taxonomy(kind: .award, terms: terms(vocab.awards, awards)),
            Taxonomy(kind: .year, terms: years.keys.sorted(by: >).map {
                Term(key: "\($0)", name: "Năm \($0)", description: nil, profiles: years[$0] ?? [])
            }),
            Taxonomy(kind: .kind, terms: SubjectKind.allCases.compactMap { kind in
                guard let members = kinds[kind] else { return nil }
                return Term(key: kind.key, name: kind.label, description: nil, profiles: members)
            }),
        ]
        var rank = [Int](repeating: 0, count: profiles.count)
        for (position, index) in order.enumerated() { rank[index] = position }
        let dates = profiles.map(\.effectiveDate)  // computed from the awards: once each
        newest = profiles.indices.sorted {
            let a = dates[$0], b = dates[$1]
            return a != b ? a > b : rank[$0] < rank[$1]
        }
        countsByKind = kinds.mapValues(\.count)
        self.awardCount = awardCount
    }
}
