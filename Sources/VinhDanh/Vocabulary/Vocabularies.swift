/// The three vocabularies of a site, and the history of its places.
public struct Vocabularies: Sendable {
    public var districts: Vocabulary
    public var movements: Vocabulary
    public var awards: Vocabulary
    /// Today's communes and the changes that led to them (empty for a site without).
    public var places: PlaceHistory

    /// Creates the set.
    public init(districts: Vocabulary, movements: Vocabulary, awards: Vocabulary, places: PlaceHistory = .empty) {
        self.districts = districts
        self.movements = movements
        self.awards = awards
        self.places = places
    }
}
