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
    /// Each profile's sort key (see ``ProfileOrder``), kept for the next edit.
    var sortKeys: [[UInt8]]
    /// The hash of each profile's indexed facts (``addIndexedFacts(_:_:)``), kept for the
    /// next edit.
    var factHashes: [ContentHash]
    /// Each profile's ``Profile/effectiveDate``.
    var dates: [CalendarDate]

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
    static func addIndexedFacts(_ profile: borrowing Profile, _ hasher: inout InputHasher) {
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
        let date = Profile.effectiveDate(date: profile.date, awards: profile.awards)
        hasher.add(date.year * 10_000 + date.month * 100 + date.day)
    }

    /// No profiles, no terms.
    static let empty = SiteIndex(order: [], taxonomies: [], newest: [], countsByKind: [:], awardCount: 0)

    private init(order: [Int], taxonomies: [Taxonomy], newest: [Int], countsByKind: [SubjectKind: Int], awardCount: Int) {
        sortKeys = []
        factHashes = []
        dates = []
        self.order = order
        self.taxonomies = taxonomies
        self.newest = newest
        self.countsByKind = countsByKind
        self.awardCount = awardCount
    }

    /// Builds every index of `site`. With `previous`, the index of the site before an
    /// edit, and `unchanged` (for each profile, its index before the edit if its source did
    /// not change), only the edited profiles get new sort keys and are placed again.
    public init(site: Site, previous: SiteIndex? = nil, unchanged: [Int?] = []) {
        let profiles = site.profiles
        let vocab = site.vocabularies
        if let previous, unchanged.count == profiles.count, previous.sortKeys.count == previous.order.count,
           previous.factHashes.count == previous.order.count {
            factHashes = Self.factHashes(profiles, known: unchanged.map { $0.map { previous.factHashes[$0] } })
            sortKeys = ProfileOrder.keys(profiles, known: unchanged.map { $0.map { previous.sortKeys[$0] } })
            var newIndex = [Int?](repeating: nil, count: previous.order.count)
            var inserted: [Int] = []
            for (i, old) in unchanged.enumerated() {
                if let old { newIndex[old] = i } else { inserted.append(i) }
            }
            order = ProfileOrder.updated(previous.order, newIndex: newIndex, inserted: inserted, keys: sortKeys)
        } else {
            factHashes = Self.factHashes(profiles)
            sortKeys = ProfileOrder.keys(profiles)
            order = ProfileOrder.sorted(sortKeys)
        }
        var movements = [[Int]](repeating: [], count: vocab.movements.entries.count)
        var districts = [[Int]](repeating: [], count: vocab.districts.entries.count)
        var awards = [[Int]](repeating: [], count: vocab.awards.entries.count)
        var years: [Int: [Int]] = [:]
        var kinds: [SubjectKind: [Int]] = [:]
        var awardCount = 0
        var dates = [CalendarDate](repeating: CalendarDate(validYear: 1945, month: 12, day: 31), count: profiles.count)
        // Walking profiles in list order fills every bucket already sorted. Through a
        // buffer: reading a field of `array[i]` copies the whole profile (every field
        // retained and released), which made this loop several times slower.
        let sorted = order
        profiles.withUnsafeBufferPointer { profiles in
            for index in sorted {
                for movement in profiles[index].movements { movements[movement].append(index) }
                districts[profiles[index].district].append(index)
                kinds[profiles[index].kind, default: []].append(index)
                // A profile is listed once under each of its award types and years (a
                // profile has a few awards: no set needed).
                let list = profiles[index].awards
                dates[index] = Profile.effectiveDate(date: profiles[index].date, awards: list)
                awardCount += list.count
                for (a, award) in list.enumerated() {
                    let earlier = list[..<a]
                    if !earlier.contains(where: { $0.type == award.type }) { awards[award.type].append(index) }
                    if !earlier.contains(where: { $0.year == award.year }) { years[award.year, default: []].append(index) }
                }
            }
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
        // Newest first, then in list order: one number per profile, the date counted down
        // in the high half and the list position in the low one.
        var keys = [UInt64](repeating: 0, count: profiles.count)
        for (position, index) in sorted.enumerated() {
            let date = dates[index]
            let number = UInt64(clamping: min(Int(UInt32.max), date.year * 10_000 + date.month * 100 + date.day))
            keys[position] = (UInt64(UInt32.max) - number) << 32 | UInt64(position)
        }
        keys.sort()
        newest = keys.map { sorted[Int($0 & 0xffff_ffff)] }
        countsByKind = kinds.mapValues(\.count)
        self.awardCount = awardCount
        self.dates = dates
    }

    /// The hash of each profile's indexed facts, in parallel; with `known` (one per
    /// profile), the hashes given there are taken and only the others made.
    private static func factHashes(_ profiles: [Profile], known: [ContentHash?] = []) -> [ContentHash] {
        guard known.count == profiles.count else { return Parallel.map(elementsOf: profiles) { factHash($0) } }
        // After an edit: the few edited profiles, one by one.
        var hashes = known.map { $0 ?? ContentHash(high: 0, low: 0) }
        for i in known.indices where known[i] == nil { hashes[i] = factHash(profiles[i]) }
        return hashes
    }

    private static func factHash(_ profile: borrowing Profile) -> ContentHash {
        var hasher = InputHasher()
        addIndexedFacts(profile, &hasher)
        return hasher.hash
    }
}
