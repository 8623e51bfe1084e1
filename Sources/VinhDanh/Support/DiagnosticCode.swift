/// Stable codes of diagnostics, for `check --format json` and the editors' guide.
/// Never renumber or rename one: tools may depend on them.
public enum DiagnosticCode: String, Sendable, Codable, CaseIterable {
    /// The file is not valid UTF-8.
    case notUTF8 = "VD001"
    /// The file does not start with a `---` line.
    case missingFrontMatter = "VD002"
    /// The front matter's closing `---` line is missing.
    case unclosedFrontMatter = "VD003"
    /// The YAML of the front matter does not parse.
    case yamlSyntax = "VD004"
    /// A field has the wrong type (a list where text is expected, …).
    case wrongType = "VD005"
    /// A required field is missing or empty.
    case missingField = "VD006"
    /// A field the format does not know (warning).
    case unknownField = "VD007"
    /// `kind` is not individual, collective or household.
    case unknownKind = "VD008"
    /// A district not in the vocabulary.
    case unknownDistrict = "VD009"
    /// A movement not in the vocabulary.
    case unknownMovement = "VD010"
    /// An award type not in the vocabulary.
    case unknownAward = "VD011"
    /// An award year outside 1945…this year.
    case badYear = "VD012"
    /// A `date` that is not a real calendar date.
    case badDate = "VD013"
    /// A photo path outside `content/media/`, or a missing photo.
    case badPhoto = "VD014"
    /// Two profiles with one URL slug.
    case duplicateSlug = "VD015"
    /// A `slug:` that is not a valid slug.
    case badSlug = "VD016"
    /// YAML anchors/aliases (refused: they can blow up memory).
    case yamlAlias = "VD017"
    /// The front matter is larger than allowed.
    case tooLarge = "VD018"
    /// A vocabulary file is malformed.
    case badVocabulary = "VD019"
    /// `site.yaml` is missing or malformed.
    case badSiteConfig = "VD020"
    /// A template does not parse.
    case badTemplate = "VD021"
    /// A file could not be read.
    case unreadable = "VD022"
    /// An award that the vocabulary says this kind of subject cannot receive (warning).
    case awardRecipient = "VD023"
    /// No summary (warning).
    case noSummary = "VD024"
    /// Summary longer than a sharing card shows (warning).
    case longSummary = "VD025"
    /// Empty body (warning).
    case emptyBody = "VD026"
    /// A profile in no movement (warning).
    case noMovement = "VD027"
    /// A link in a body to a page that does not exist (warning).
    case brokenLink = "VD028"
    /// A profile's `commune` that cannot be followed to a commune of today (warning).
    case unresolvedCommune = "VD029"
    /// An award filed under a district-level unit that did not exist in its year.
    case placeOutOfPeriod = "VD030"
    /// A site template looks up a name its page's context does not offer (warning).
    case unknownTemplateName = "VD031"
}
