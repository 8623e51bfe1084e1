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
    /// For a commune of today: how many of ``profiles``, at the front, have awards made
    /// there; the rest are exemplars of the former communes it was formed from. `nil` for
    /// every other term.
    public var placed: Int? = nil
}

/// A taxonomy and its terms in use, in display order.
public struct Taxonomy: Sendable {
    public var kind: TaxonomyKind
    public var terms: [Term]
}
