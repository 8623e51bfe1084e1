/// The three vocabularies of a site.
public struct Vocabularies: Sendable {
    public var districts: Vocabulary
    public var movements: Vocabulary
    public var awards: Vocabulary

    /// Creates the set.
    public init(districts: Vocabulary, movements: Vocabulary, awards: Vocabulary) {
        self.districts = districts
        self.movements = movements
        self.awards = awards
    }
}
