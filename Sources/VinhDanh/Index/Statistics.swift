/// Award records counted from the profiles at build time, by award type, year, district
/// and movement, each split by recipient kind. An award record is one award of one
/// profile; a profile in two movements counts its awards in both.
public struct Statistics: Sendable {
    /// Records by recipient kind.
    public struct Counts: Sendable, Equatable {
        public var individual = 0, collective = 0, household = 0
        public var total: Int { individual + collective + household }

        mutating func add(_ kind: SubjectKind, _ n: Int = 1) {
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

    /// Counts every award record of `site`.
    public init(site: Site) {
        let vocab = site.vocabularies
        var awards = [Counts](repeating: Counts(), count: vocab.awards.entries.count)
        var years: [Int: Counts] = [:]
        // Through a buffer: `for profile in array` copies each whole profile.
        site.profiles.withUnsafeBufferPointer { list in
            for i in list.indices {
                let kind = list[i].kind, n = list[i].awards.count
                profiles.add(kind)
                total.add(kind, n)
                districtCounts[list[i].district, default: Counts()].add(kind, n)
                for movement in list[i].movements { movementCounts[movement, default: Counts()].add(kind, n) }
                for award in list[i].awards {
                    awards[award.type].add(kind)
                    years[award.year, default: Counts()].add(kind)
                    byAwardAndYear[award.type, default: [:]][award.year, default: Counts()].add(kind)
                }
            }
        }
        func rows(_ vocabulary: Vocabulary, _ counts: (Int) -> Counts?) -> [Row] {
            vocabulary.entries.indices.compactMap { i in
                guard let c = counts(i), c.total > 0 else { return nil }
                return Row(key: vocabulary.entries[i].key, name: vocabulary.entries[i].name, counts: c)
            }
        }
        byAward = rows(vocab.awards) { awards[$0] }
        byAwardTotals = awards.map(\.total)
        byDistrict = rows(vocab.districts) { districtCounts[$0] }
        byMovement = rows(vocab.movements) { movementCounts[$0] }
        byYear = years.keys.sorted().map { Row(key: "\($0)", name: "\($0)", counts: years[$0] ?? Counts()) }
    }
}
