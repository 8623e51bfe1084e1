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

    /// What the place at `entry` (index in ``districts``) became: the unit that took it
    /// over whole, and today's communes formed from its units (entries in ``districts``).
    public func successors(ofEntry entry: Int) -> [Int] {
        var found = places.unitTakingOver(entry).map { [$0] } ?? []
        found += places.communes.indices.filter { c in places.communes[c].formedFrom.contains { $0.district == entry } }
            .map(self.entry(ofCommune:))
        return found
    }

    /// The entry in ``districts`` of the commune of today that `written` names: its key,
    /// or any spelling of its name (``PlaceHistory/commune(named:)``).
    public func communeOfToday(named written: String) -> Int? {
        if let entry = districts.resolve(written), commune(ofEntry: entry) != nil { return entry }
        return places.commune(named: written).map(entry(ofCommune:))
    }
}
