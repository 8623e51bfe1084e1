/// A publish or rollback that did not switch every target, and what to do about it.
public struct DeploymentFailure: Error, Sendable, CustomStringConvertible {
    /// Where it stopped.
    public enum Phase: Sendable {
        /// Before anything was uploaded (a connection, a lock, a missing tool).
        case prepare
        /// While uploading or checking: nothing switched anywhere.
        case upload
        /// Some targets switched, others did not.
        case `switch`
    }

    public var phase: Phase
    /// The targets that failed, and why.
    public var failures: [HostFailure]
    /// In a partial switch: the release switched to…
    public var release = ""
    /// …the targets that switched, each with the release it served before…
    public var switched: [(target: String, previous: String?)] = []
    /// …and those still on their old release.
    public var pending: [String] = []

    init(phase: Phase, failures: [HostFailure]) {
        self.phase = phase
        self.failures = failures
    }

    public var description: String {
        var lines = failures.map { "lỗi: \($0)" }
        switch phase {
        case .prepare:
            lines.append("Không đích nào thay đổi.")
        case .upload:
            lines.append("Không chuyển bản mới trên máy chủ nào: trang đang chạy giữ nguyên ở mọi nơi.")
        case .switch where switched.isEmpty:
            lines.append("Không đích nào chuyển sang bản \(release): trang đang chạy giữ nguyên ở mọi nơi.")
        case .switch:
            lines.append("Chỉ một phần đã chuyển sang bản \(release): \(switched.map(\.target).joined(separator: ", ")); "
                         + "chưa chuyển: \(pending.joined(separator: ", ")).")
            let toFinish = pending.map { "--to " + Self.word($0) }.joined(separator: " ")
            lines.append("Để hoàn tất (mọi nơi bản \(release)): vinhdanh publish \(toFinish) --rollback-to \(release)")
            for previous in Set(switched.compactMap(\.previous)).sorted() {
                let targets = switched.filter { $0.previous == previous }.map { "--to " + Self.word($0.target) }.joined(separator: " ")
                lines.append("Hoặc để trở lại như cũ: vinhdanh publish \(targets) --rollback-to \(previous)")
            }
        }
        return lines.joined(separator: "\n")
    }

    /// A target as one shell word in a printed command.
    private static func word(_ text: String) -> String {
        text.allSatisfy { $0.isLetter || $0.isNumber || "/:@._-~[]".contains($0) } ? text : ReleaseScript.quote(text)
    }
}
