/// The SHA-256 of every file of a built site, as `sha256sum` writes it: the list each
/// server checks its upload against (`sha256sum -c`) before anything switches.
struct ReleaseManifest: Sendable {
    /// `sha256sum` lines (`HASH  ./path`), one per file.
    var text: String
    /// Number of files.
    var count: Int

    /// Hashes the files under `folder` with the system's `sha256sum`, so that the server
    /// checks with the same tool and the same escaping of names.
    static func make(_ folder: String) -> Result<ReleaseManifest, HostFailure> {
        let script = #"cd -- "$1" && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 -r -n 2000 sha256sum --"#
        let result = ProcessRunner.run("/bin/sh", ["-c", script, "vinhdanh", folder])
        guard result.status == 0 else {
            return .failure(HostFailure(target: folder, reason: "không tính được mã băm các tệp: " + result.lastErrorLines()))
        }
        let count = result.output.reduce(0) { $1 == "\n" ? $0 + 1 : $0 }
        return .success(ReleaseManifest(text: result.output, count: count))
    }
}
