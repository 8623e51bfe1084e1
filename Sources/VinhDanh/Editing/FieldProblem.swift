/// A problem with a field of the editor's form, shown beside that field: from the same
/// checks and diagnostics as `new` and the build.
public struct FieldProblem: Error, Sendable, Equatable {
    /// The form field: a front matter key (`title`, `awards`), `body`, or `file` for the
    /// file as a whole.
    public var field: String
    /// What is wrong, in Vietnamese.
    public var message: String
    /// What to do, when there is a suggestion.
    public var suggestion: String?
    /// Whether it stops the save (warnings do not).
    public var isError: Bool

    /// Creates a problem.
    public init(field: String, message: String, suggestion: String? = nil, isError: Bool = true) {
        self.field = field
        self.message = message
        self.suggestion = suggestion
        self.isError = isError
    }

    /// An input problem of field `field`.
    init(field: String, _ problem: InputProblem) {
        self.init(field: field, message: problem.message, suggestion: problem.suggestion)
    }
}
