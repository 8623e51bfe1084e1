import VinhDanhContent
import VinhDanhSupport
import VinhDanhText
import VinhDanhVocabulary

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
    package var factHashes: [ContentHash]
    /// Each profile's ``Profile/effectiveDate``.
    package var dates: [CalendarDate]
    /// The lists the taxonomies are made from, kept for the next edit.
    package var buckets: IndexBuckets
    /// Each profile's commune of today (index in ``PlaceHistory/communes``), if its
    /// `commune` can be followed there; empty for a site without places.
    public var todayCommunes: [Int?] = []

    /// The taxonomy of a kind.
    public func taxonomy(_ kind: TaxonomyKind) -> Taxonomy {
        taxonomies.first { $0.kind == kind } ?? Taxonomy(kind: kind, terms: [])
    }

    /// Whether two versions of a profile are alike to every index: all that
    /// ``init(site:)`` reads of a profile (see ``addIndexedFacts(_:_:)``). An edit that
    /// keeps these keeps the index.
    public static func alike(_ a: Profile, _ b: Profile) -> Bool {
        a.title == b.title && a.slug == b.slug && a.kind == b.kind && a.district == b.district && a.commune == b.commune
            && a.movements == b.movements && a.awards.map(\.type) == b.awards.map(\.type)
            && a.awards.map(\.year) == b.awards.map(\.year) && a.awards.map(\.place) == b.awards.map(\.place)
            && a.effectiveDate == b.effectiveDate
    }

    /// Adds the facts ``alike(_:_:)`` compares: two profiles alike add the same values.
    static func addIndexedFacts(_ profile: borrowing Profile, _ hasher: inout InputHasher) {
        hasher.add(profile.title)
        hasher.add(profile.slug)
        hasher.add(profile.kind.rawValue)
        hasher.add(profile.district)
        hasher.add(profile.commune)
        hasher.add(profile.movements.count)
        for movement in profile.movements { hasher.add(movement) }
        hasher.add(profile.awards.count)
        for award in profile.awards {
            hasher.add(award.type)
            hasher.add(award.year)
            hasher.add(award.place)
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
        buckets = IndexBuckets(Vocabularies(districts: Vocabulary(kind: .districts, entries: []), movements: Vocabulary(kind: .movements, entries: []),
                                            awards: Vocabulary(kind: .awards, entries: [])))
        self.order = order
        self.taxonomies = taxonomies
        self.newest = newest
        self.countsByKind = countsByKind
        self.awardCount = awardCount
    }

    /// Builds every index of `site`. With `previous`, the index of the site before an
    /// edit, and `unchanged` (for each profile, its index before the edit if its source did
    /// not change), the kept profiles keep their keys, hashes, dates and places in every
    /// list, and only the others are made and filed again.
    public init(site: Site, previous: SiteIndex? = nil, unchanged: [Int?] = []) {
        let profiles = site.profiles
        let vocab = site.vocabularies
        var rank = [Int](repeating: 0, count: profiles.count)
        var newIndex: [Int?] = [], inserted: [Int] = []
        if let previous, unchanged.count == profiles.count {
            newIndex = Array(repeating: nil, count: previous.order.count)
            for (i, old) in unchanged.enumerated() {
                if let old { newIndex[old] = i } else { inserted.append(i) }
            }
        }
        // Moving a few profiles is cheaper than filing all of them; past some, it is not.
        if let previous, unchanged.count == profiles.count, inserted.count <= 64, previous.sortKeys.count == previous.order.count,
           previous.factHashes.count == previous.order.count, previous.dates.count == previous.order.count {
            factHashes = Self.factHashes(profiles, known: unchanged.map { $0.map { previous.factHashes[$0] } })
            sortKeys = ProfileOrder.keys(profiles, known: unchanged.map { $0.map { previous.sortKeys[$0] } })
            order = ProfileOrder.updated(previous.order, newIndex: newIndex, inserted: inserted, keys: sortKeys)
            for (position, index) in order.enumerated() { rank[index] = position }
            let dates = unchanged.enumerated().map { i, old in
                old.map { previous.dates[$0] } ?? Profile.effectiveDate(date: profiles[i].date, awards: profiles[i].awards)
            }
            self.dates = dates
            var today: [Int?] = []
            if !vocab.places.communes.isEmpty {
                today = unchanged.map { $0.flatMap { $0 < previous.todayCommunes.count ? previous.todayCommunes[$0] : nil } }
                for i in inserted { today[i] = vocab.today(of: profiles[i]) }
            }
            todayCommunes = today
            buckets = previous.buckets.updated(newIndex: newIndex, inserted: inserted, rank: rank, profiles: profiles, today: today)
            // Newest first, then in list order: the kept profiles keep their order; the
            // others are placed by date, then list position.
            var newest = previous.newest.compactMap { newIndex[$0] }
            for i in inserted {
                var low = 0, high = newest.count
                while low < high {
                    let middle = (low + high) / 2, other = newest[middle]
                    if dates[other] > dates[i] || (dates[other] == dates[i] && rank[other] < rank[i]) { low = middle + 1 } else { high = middle }
                }
                newest.insert(i, at: low)
            }
            self.newest = newest
        } else {
            factHashes = Self.factHashes(profiles)
            sortKeys = ProfileOrder.keys(profiles)
            order = ProfileOrder.sorted(sortKeys)
            for (position, index) in order.enumerated() { rank[index] = position }
            // Following each profile's commune costs some microseconds: in parallel, once.
            todayCommunes = vocab.places.communes.isEmpty ? [] : Parallel.map(elementsOf: profiles) { vocab.today(of: $0) }
            buckets = IndexBuckets(vocab, profiles: profiles, order: order, today: todayCommunes)
            let dates = Parallel.map(elementsOf: profiles) { Profile.effectiveDate(date: $0.date, awards: $0.awards) }
            self.dates = dates
            // Newest first, then in list order: one number per profile, the date counted
            // down in the high half and the list position in the low one.
            var keys = [UInt64](repeating: 0, count: profiles.count)
            for (position, index) in order.enumerated() {
                let date = dates[index]
                let number = UInt64(clamping: min(Int(UInt32.max), date.year * 10_000 + date.month * 100 + date.day))
                keys[position] = (UInt64(UInt32.max) - number) << 32 | UInt64(position)
            }
            keys.sort()
            let sorted = order
            newest = keys.map { sorted[Int($0 & 0xffff_ffff)] }
        }
        taxonomies = buckets.taxonomies(vocab, site.strings)
        countsByKind = buckets.kinds.mapValues(\.count)
        awardCount = profiles.withUnsafeBufferPointer { list in list.indices.reduce(0) { $0 + list[$1].awards.count } }
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
