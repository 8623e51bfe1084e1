/// What a folder of output holds, as a build left it: each file's stamp and content hash.
///
/// An entry is trusted only while the file on disk still has the recorded stamp, so a
/// file edited or deleted by hand, or half-written by a killed build, is written again.
struct OutputManifest: Sendable {
    /// One file: its stamp when written and the hash of its bytes.
    struct Entry: Hashable, Sendable {
        var stamp: FileStamp
        var hash: ContentHash
    }

    /// Entries by path relative to the folder.
    var entries: [String: Entry] = [:]

    private static let header = "vinhdanh-output-manifest 2"

    /// The manifest as text (see ``ChecksummedText``): the folder paths it may be found
    /// at, then one line per file, `hash size mtime inode path`, sorted by path.
    func encoded(paths: [String]) -> [UInt8] {
        var lines = paths.map { "tree\t" + $0 }
        for (path, entry) in entries.sorted(by: { $0.key < $1.key }) where !path.contains("\n") {
            lines.append("\(entry.hash.hex) \(entry.stamp.size) \(entry.stamp.modified) \(entry.stamp.inode) \(path)")
        }
        return ChecksummedText.encode(header: Self.header, lines: lines)
    }

    /// Reads ``encoded(paths:)``: the manifest and the folder paths it names, or `nil`
    /// when the text is not a whole, intact manifest.
    static func decode(_ bytes: [UInt8]) -> (manifest: OutputManifest, paths: [String])? {
        guard let lines = ChecksummedText.decode(bytes, header: header) else { return nil }
        var manifest = OutputManifest()
        var paths: [String] = []
        manifest.entries.reserveCapacity(lines.count)
        for line in lines {
            if line.hasPrefix("tree\t") { paths.append(String(line.dropFirst(5))); continue }
            let fields = line.split(separator: " ", maxSplits: 4, omittingEmptySubsequences: false)
            guard fields.count == 5, let hash = ContentHash(hex: fields[0]), let size = Int(fields[1]),
                  let modified = Int64(fields[2]), let inode = UInt64(fields[3]) else { return nil }
            manifest.entries[String(fields[4])] = Entry(stamp: FileStamp(size: size, modified: modified, inode: inode), hash: hash)
        }
        return (manifest, paths)
    }
}
