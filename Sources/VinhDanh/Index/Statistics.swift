import VinhDanhContent
import VinhDanhVocabulary

/// Award records counted from the profiles at build time, by award type, year, place (the
/// unit in force at the award) and movement, each split by recipient kind. An award record is one award of one
/// profile; a profile in two movements counts its awards in both.
public struct Statistics: Sendable {
    /// Records by recipient kind.
    public struct Counts: Sendable, Equatable {
        public var individual = 0, collective = 0, household = 0
        public var total: Int { individual + collective + household }

        /// No records.
        package init() {}

        package mutating func add(_ kind: SubjectKind, _ n: Int = 1) {
            switch kind {
            case .individual: individual += n
            case .collective: collective += n
            case .household: household += n
            }
        }

        /// The count of one kind.
        public subscript(kind: SubjectKind) -> Int {
            switch kind {
            case .individual: return individual
            case .collective: return collective
            case .household: return household
            }
        }
    }

    /// One row of a table: a term (or a year) and its counts.
    public struct Row: Sendable {
        public var key: String
        public var name: String
        public var counts: Counts

        package init(key: String, name: String, counts: Counts) {
            self.key = key
            self.name = name
            self.counts = counts
        }
    }

    /// All records.
    public var total = Counts()
    /// Profiles by kind.
    public var profiles = Counts()
    /// Rows in vocabulary order (award types: precedence order), terms with records only.
    public var byAward: [Row] = []
    public var byDistrict: [Row] = []
    public var byMovement: [Row] = []
    /// Years ascending.
    public var byYear: [Row] = []
    /// Records of each award type (vocabulary index), zero for types no profile has.
    public var byAwardTotals: [Int] = []
    /// Counts by award type index and year, for comparing with the report's period.
    public var byAwardAndYear: [Int: [Int: Counts]] = [:]
    /// Records of each district and movement (vocabulary index → counts), for term pages.
    public var districtCounts: [Int: Counts] = [:]
    public var movementCounts: [Int: Counts] = [:]

    /// Records of each award type (vocabulary index), by recipient kind.
    private var awardCounts: [Counts] = []
    /// Records of each year.
    private var yearCounts: [Int: Counts] = [:]

    /// Counts every award record of `site`.
    public init(site: Site) {
        awardCounts = Array(repeating: Counts(), count: site.vocabularies.awards.entries.count)
        // Through a buffer: `for profile in array` copies each whole profile.
        site.profiles.withUnsafeBufferPointer { list in
            for i in list.indices { count(list[i], 1) }
        }
        makeRows(site.vocabularies)
    }

    /// The statistics after an edit: the records of `removed` (the previous versions of
    /// deleted and edited profiles) taken out, those of `added` counted. `filed` is the
    /// index after the edit: a place with no record left, or a movement no profile is
    /// filed under any more, is dropped, as a count from nothing would not have it.
    package func updated(removing removed: [Profile], adding added: [Profile], vocabularies: Vocabularies, filed: IndexBuckets) -> Statistics {
        var next = self
        for profile in removed { next.count(profile, -1) }
        for profile in added { next.count(profile, 1) }
        next.districtCounts = next.districtCounts.filter { $0.value.total != 0 }
        next.movementCounts = next.movementCounts.filter { !filed.movements[$0.key].isEmpty }
        // A year or an award type and year with no record left.
        next.yearCounts = next.yearCounts.filter { $0.value.total != 0 }
        next.byAwardAndYear = next.byAwardAndYear.compactMapValues { years in
            let left = years.filter { $0.value.total != 0 }
            return left.isEmpty ? nil : left
        }
        next.makeRows(vocabularies)
        return next
    }

    /// Counts (`sign` 1) or takes out (-1) one profile and its award records.
    private mutating func count(_ profile: borrowing Profile, _ sign: Int) {
        let kind = profile.kind, n = profile.awards.count * sign
        profiles.add(kind, sign)
        total.add(kind, n)
        for movement in profile.movements { movementCounts[movement, default: Counts()].add(kind, n) }
        for award in profile.awards {
            // By the unit in force at the award.
            districtCounts[award.place, default: Counts()].add(kind, sign)
            awardCounts[award.type].add(kind, sign)
            yearCounts[award.year, default: Counts()].add(kind, sign)
            byAwardAndYear[award.type, default: [:]][award.year, default: Counts()].add(kind, sign)
        }
    }

    /// The tables, from the counts.
    private mutating func makeRows(_ vocab: Vocabularies) {
        func rows(_ vocabulary: Vocabulary, _ counts: (Int) -> Counts?) -> [Row] {
            vocabulary.entries.indices.compactMap { i in
                guard let c = counts(i), c.total > 0 else { return nil }
                return Row(key: vocabulary.entries[i].key, name: vocabulary.entries[i].name, counts: c)
            }
        }
        let awards = awardCounts, districts = districtCounts, movements = movementCounts, years = yearCounts
        byAward = rows(vocab.awards) { awards[$0] }
        byAwardTotals = awards.map(\.total)
        byDistrict = rows(vocab.districts) { districts[$0] }
        byMovement = rows(vocab.movements) { movements[$0] }
        byYear = years.keys.sorted().map { Row(key: "\($0)", name: "\($0)", counts: years[$0] ?? Counts()) }
    }
}
