import VinhDanhSupport

/// The SHA-256 of every file of a built site, as `sha256sum` writes it: the list each
/// server checks its upload against (`sha256sum -c`) before anything switches.
struct ReleaseManifest: Sendable {
    /// `sha256sum` lines (`HASH  ./path`), one per file, in path order.
    var text: String
    /// Number of files.
    var count: Int

    /// Hashes the files under `folder` with the system's `sha256sum`, so that the server
    /// checks with the same tool and the same escaping of names. With a `cache` file,
    /// only files whose size, time or inode changed since the last publish are read.
    static func make(_ folder: String, cache: String? = nil) -> Result<ReleaseManifest, HostFailure> {
        func failure(_ result: ProcessRunner.Result) -> Result<ReleaseManifest, HostFailure> {
            .failure(HostFailure(target: folder, reason: "không tính được mã băm các tệp: " + result.lastErrorLines()))
        }
        // Every file with its stamp: "SIZE MTIME INODE ./path", NUL-terminated.
        let listing = ProcessRunner.run("/bin/sh", ["-c", #"cd -- "$1" && find . -type f -printf '%s %T@ %i %p\0'"#, "vinhdanh", folder])
        guard listing.status == 0 else { return failure(listing) }
        var stamps: [String: String] = [:]
        for record in listing.output.split(separator: "\0") {
            let fields = record.split(separator: " ", maxSplits: 3)
            guard fields.count == 4 else { continue }
            stamps[String(fields[3])] = fields[0...2].joined(separator: " ")
        }
        let key = ContentHash(Array(folder.utf8))
        var known = cache.flatMap { ChecksummedFile.readEntries($0, magic: magic, key: key) { r -> Line? in
            guard let stamp = r.text(), let line = r.text() else { return nil }
            return Line(stamp: stamp, line: line)
        } } ?? [:]
        let stale = stamps.filter { known[$0.key]?.stamp != $0.value }.keys.sorted()
        if !stale.isEmpty {
            // sha256sum prints one line per file, in the order given (names with a newline
            // or a backslash escaped onto one line).
            let input = stale.map { Array($0.utf8) + [0] }.flatMap { $0 }
            let hashed = ProcessRunner.run("/bin/sh", ["-c", #"cd -- "$1" && xargs -0 -r -n 2000 sha256sum --"#, "vinhdanh", folder],
                                           input: input)
            let lines = hashed.output.split(separator: "\n")
            guard hashed.status == 0, lines.count == stale.count else { return failure(hashed) }
            for (path, line) in zip(stale, lines) { known[path] = Line(stamp: stamps[path] ?? "", line: String(line)) }
        }
        known = known.filter { stamps[$0.key] != nil }
        if let cache {
            try? ChecksummedFile.writeEntries(known, to: cache, magic: magic, key: key) { entry, w in
                w.add(entry.stamp)
                w.add(entry.line)
            }
        }
        let text = stamps.keys.sorted().compactMap { known[$0]?.line }.map { $0 + "\n" }.joined()
        return .success(ReleaseManifest(text: text, count: stamps.count))
    }

    private static let magic = "vinhdanh-sha256 1"

    /// A file's stamp when hashed, and its `sha256sum` line.
    private struct Line {
        var stamp: String
        var line: String
    }
}
