import VinhDanhSupport

/// What a build did.
public struct BuildResult: Sendable {
    /// Every diagnostic, sorted.
    public var diagnostics: [Diagnostic]
    /// Whether the output was replaced.
    public var succeeded: Bool
    /// Profiles loaded.
    public var profiles: Int
    /// Files the output holds.
    public var files: Int
    /// Files written (or hard-linked) because their bytes changed; the others were left
    /// as they were.
    public var filesWritten: Int
    /// Pages rendered; the others were unchanged since the last build (see ``PageCache``).
    public var pagesRendered = 0
    /// The site path of each profile's page, by source file (site-relative), for the
    /// preview server's "go to the profile just saved".
    public var pageOfSource: [String: String] = [:]
    /// Wall-clock and CPU (all threads) milliseconds per stage, in order.
    public var timings: [(stage: String, milliseconds: Int, cpuMilliseconds: Int)]

    /// Total milliseconds.
    public var milliseconds: Int { timings.reduce(0) { $0 + $1.milliseconds } }

    /// The one-line summary every build ends with.
    public var summary: String {
        let errors = diagnostics.count { $0.severity == .error }
        let warnings = diagnostics.count - errors
        if !succeeded {
            return "Không xây dựng được: \(errors) lỗi, \(warnings) cảnh báo; thư mục kết quả giữ nguyên (\(milliseconds) ms)."
        }
        return "Đã xây dựng \(profiles) hồ sơ (\(files) tệp, dựng lại \(pagesRendered) trang), ghi \(filesWritten) tệp thay đổi trong \(milliseconds) ms"
            + (warnings > 0 ? " (\(warnings) cảnh báo)." : ".")
    }
}
