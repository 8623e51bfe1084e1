import VinhDanhSupport
import VinhDanhText
import VinhDanhVocabulary

/// One exemplar (điển hình tiên tiến), loaded and resolved against the vocabularies.
///
/// Vocabulary references are indexes into the site's ``Vocabularies`` so the indexes
/// can bucket profiles without string lookups.
public struct Profile: Sendable {
    /// One award record: what, when, by which decision.
    public struct Award: Sendable, Hashable {
        /// Index into the awards vocabulary.
        public var type: Int
        /// Year of the award.
        public var year: Int
        /// Decision text (`Quyết định số 1234/QĐ-UBND ngày 12/5/2023`), if given.
        public var decision: String?
        /// The decision's date: `date:`, or read from the decision text ("ngày 12/5/2023").
        /// Places the award before or after a change of the units (``PlaceHistory``).
        public var date: CalendarDate? = nil
        /// Index in the places vocabulary (``Vocabularies/districts``) of the unit in force
        /// at the award: the profile's district-level unit before the units changed, the
        /// commune of today its commune became after (``ProfileParser`` places it).
        public var place: Int = 0

        /// The first and the last day the award may have been made: its date, else the
        /// first or last day of its year (placing it against the units' periods).
        public var earliestDay: CalendarDate { date ?? CalendarDate(validYear: year, month: 1, day: 1) }
        public var latestDay: CalendarDate { date ?? CalendarDate(validYear: year, month: 12, day: 31) }
    }

    /// Source path relative to the site folder.
    public var path: String
    /// URL slug (`/ho-so/<slug>/`).
    public var slug: String
    public var title: String
    public var kind: SubjectKind
    /// Index into the places vocabulary (``Vocabularies/districts``): the district-level
    /// unit the profile is filed under, or, for a profile of after the district level
    /// ended, its commune of today.
    public var district: Int
    /// The commune as written: a former commune of `district`, or, with no `district`,
    /// a commune of today.
    public var commune: String?
    public var unit: String?
    public var position: String?
    public var ethnicity: String?
    /// Indexes into the movements vocabulary, in the order written, without repeats.
    public var movements: [Int]
    public var awards: [Award]
    /// Path relative to `content/` (always under `media/`).
    public var photo: String?
    public var summary: String?
    public var date: CalendarDate?
    /// Markdown body.
    public var body: String
    /// File line where the body starts.
    public var bodyLine: Int
    /// File lines of the `summary` and `movements` fields (1 when absent), for warnings.
    public var summaryLine = 1, movementsLine = 1, communeLine = 1
    /// Hash of the source file's path and text: what every page showing the profile
    /// depends on (with the site-wide settings and vocabularies the text is read against).
    public var sourceHash = ContentHash(high: 0, low: 0)
    /// Whether ``body`` was left in the file (a profile from the build cache): read it
    /// with ``Site/body(of:)``.
    public var bodyInFile = false

    /// The date used for "newest" lists, feeds and sitemaps: `date`, else 31 December of
    /// the latest award year. Never the build time, so the same content gives the same bytes.
    public var effectiveDate: CalendarDate { Self.effectiveDate(date: date, awards: awards) }

    /// The day the profile's `commune` is read as of: 1 January of its first award's
    /// year (its `date` if earlier). A commune renamed or merged later is followed from
    /// there (``PlaceHistory``).
    public var communeDate: CalendarDate { Self.communeDate(date: date, awards: awards) }

    /// ``communeDate`` from the two fields it reads.
    static func communeDate(date: CalendarDate?, awards: [Award]) -> CalendarDate {
        let first = CalendarDate(validYear: awards.map(\.year).min() ?? date?.year ?? 1945, month: 1, day: 1)
        return date.map { min($0, first) } ?? first
    }

    /// The places its awards are filed under (indexes in the places vocabulary), each
    /// once: its own, then those of awards made after the units changed.
    public var places: [Int] {
        var found = [district]
        for award in awards where !found.contains(award.place) { found.append(award.place) }
        return found
    }

    /// ``effectiveDate`` from the two fields it reads: a loop over many profiles calls
    /// this, since a computed property of `array[i]` copies the whole profile first.
    package static func effectiveDate(date: CalendarDate?, awards: [Award]) -> CalendarDate {
        if let date { return date }
        var year = 1945
        for (i, award) in awards.enumerated() where i == 0 || award.year > year { year = award.year }
        return CalendarDate(validYear: year, month: 12, day: 31)
    }

    /// The word lists are sorted by: the given name (last word) for people and
    /// households, the whole title for collectives.
    public var sortName: String {
        guard kind != .collective, let last = title.split(separator: " ").last else { return title }
        return String(last)
    }
}
