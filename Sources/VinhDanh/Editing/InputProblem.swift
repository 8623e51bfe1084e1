/// A problem with what an editor typed on the command line (or at a prompt), named by
/// the option it came from.
public struct InputProblem: Error, Sendable, Equatable, CustomStringConvertible {
    /// The option or column concerned (`--district`, `Huyện`).
    public var field: String
    /// What is wrong, in Vietnamese.
    public var message: String
    /// What to do, when there is a suggestion.
    public var suggestion: String?

    /// Creates a problem.
    public init(field: String, message: String, suggestion: String? = nil) {
        self.field = field
        self.message = message
        self.suggestion = suggestion
    }

    /// `--district: không tìm thấy … — có phải ý bạn là …`
    public var description: String {
        "\(field): \(message)" + (suggestion.map { " — \($0)" } ?? "")
    }
}
