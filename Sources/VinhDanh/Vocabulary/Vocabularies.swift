/// The three vocabularies of a site, and the history of its places.
public struct Vocabularies: Sendable {
    /// The places awards are filed under: the district-level units of `districts.yaml`,
    /// then, when the site keeps a ``PlaceHistory``, today's communes and wards (keys
    /// `xa-…`, `phuong-…`), each valid from the day they came into being. An award of
    /// after that day is filed under a commune, since there is no district level left.
    public var districts: Vocabulary
    public var movements: Vocabulary
    public var awards: Vocabulary
    /// Today's communes and the changes that led to them (empty for a site without).
    public var places: PlaceHistory
    /// Index in ``districts`` of today's first commune (``PlaceHistory/communes``): the
    /// number of district-level units.
    public let firstCommuneEntry: Int

    /// Creates the set; today's communes of `places` are added to `districts`.
    public init(districts: Vocabulary, movements: Vocabulary, awards: Vocabulary, places: PlaceHistory = .empty) {
        firstCommuneEntry = districts.entries.count
        self.districts = places.communes.isEmpty ? districts
            : Vocabulary(kind: .districts, entries: districts.entries + places.communes.map { places.entry(of: $0) })
        self.movements = movements
        self.awards = awards
        self.places = places
    }

    /// The entry in ``districts`` of today's commune `commune` (index in ``PlaceHistory/communes``).
    public func entry(ofCommune commune: Int) -> Int { firstCommuneEntry + commune }

    /// Today's commune (index in ``PlaceHistory/communes``) the entry `entry` of
    /// ``districts`` is, or `nil` for a district-level unit.
    public func commune(ofEntry entry: Int) -> Int? {
        entry >= firstCommuneEntry && entry - firstCommuneEntry < places.communes.count ? entry - firstCommuneEntry : nil
    }
}
