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

    /// The vocabulary of one kind.
    public subscript(kind: Vocabulary.Kind) -> Vocabulary {
        switch kind {
        case .districts: return districts
        case .movements: return movements
        case .awards: return awards
        }
    }
}
