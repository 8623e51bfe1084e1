/// One term of a taxonomy with the profiles filed under it.
public struct Term: Sendable {
    /// URL segment.
    public var key: String
    /// Display name.
    public var name: String
    /// Markdown description from the vocabulary, if any.
    public var description: String?
    /// Profile indexes in list order (Vietnamese collation).
    public var profiles: [Int]
}

/// A taxonomy and its terms in use, in display order.
public struct Taxonomy: Sendable {
    public var kind: TaxonomyKind
    public var terms: [Term]
}
