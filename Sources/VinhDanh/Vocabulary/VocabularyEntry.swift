import VinhDanhText

/// One term of a vocabulary: a district, a movement or an award type.
public struct VocabularyEntry: Sendable, Hashable {
    /// ASCII slug used in URLs.
    public var key: String
    /// Name shown on pages.
    public var name: String
    /// Other names editors may write.
    public var aliases: [String]
    /// Optional Markdown description.
    public var description: String?
    /// Awards only: `nha-nuoc`, `chinh-phu` or `tinh`.
    public var level: String?
    /// Awards only: who may receive it; empty means anyone.
    public var recipients: [SubjectKind]
    /// Places only: the period the unit existed in, where known (`from`, `until`: its
    /// first and last day), and the former province it belonged to.
    public var from: CalendarDate?
    public var until: CalendarDate?
    public var province: String?
    /// File line of the entry, for diagnostics.
    public var line: Int

    /// Creates an entry.
    public init(
        key: String, name: String, aliases: [String] = [], description: String? = nil,
        level: String? = nil, recipients: [SubjectKind] = [], line: Int = 1
    ) {
        self.key = key
        self.name = name
        self.aliases = aliases
        self.description = description
        self.level = level
        self.recipients = recipients
        self.line = line
    }
}
