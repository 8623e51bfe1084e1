import VinhDanhVocabulary

/// What an editor gives for a new profile (from `new`'s options or prompts, or a row of
/// an imported decision), already checked against the vocabularies.
public struct ProfileDraft: Sendable {
    /// One award of the draft.
    public struct Award: Sendable, Equatable {
        public var type: VocabularyEntry
        public var year: Int
        public var decision: String?

        /// Creates an award.
        public init(type: VocabularyEntry, year: Int, decision: String?) {
            self.type = type
            self.year = year
            self.decision = decision
        }
    }

    public var title: String
    public var kind: SubjectKind
    /// The place it is filed under: a district-level unit, or a commune of today (then
    /// ``isCommuneOfToday``, and the file names it as `commune:` with no `district:`).
    public var district: VocabularyEntry
    public var isCommuneOfToday = false
    public var movements: [VocabularyEntry]
    public var awards: [Award]
    public var commune: String?
    public var unit: String?
    public var position: String?
    public var ethnicity: String?
    public var summary: String?

    /// Creates a draft.
    public init(title: String, kind: SubjectKind, district: VocabularyEntry, movements: [VocabularyEntry] = [],
                awards: [Award], commune: String? = nil, unit: String? = nil, position: String? = nil,
                ethnicity: String? = nil, summary: String? = nil) {
        self.title = title
        self.kind = kind
        self.district = district
        self.movements = movements
        self.awards = awards
        self.commune = commune
        self.unit = unit
        self.position = position
        self.ethnicity = ethnicity
        self.summary = summary
    }

    /// The draft filed under `place` (from ``FieldInput/place(district:commune:districtField:communeField:)``).
    public mutating func file(under place: (place: VocabularyEntry, commune: String?, isCommuneOfToday: Bool)) {
        district = place.place
        commune = place.isCommuneOfToday ? place.place.name : place.commune
        isCommuneOfToday = place.isCommuneOfToday
    }

    /// The file a profile with `slug` gets: `content/profiles/<place-key>/<slug>.md` (the
    /// folder only organises; the front matter decides).
    public func path(slug: String) -> String {
        "content/profiles/\(district.key)/\(slug).md"
    }
}
