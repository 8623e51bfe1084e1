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

    /// The manifest as text: a header line, one line per file (`hash size mtime inode
    /// path`, sorted by path), and an end line with the count and the hash of everything
    /// before it, so a truncated or damaged file is recognised and ignored.
    func encoded(paths: [String]) -> [UInt8] {
        var text = Self.header + "\n"
        for path in paths { text += "tree\t" + path + "\n" }
        for (path, entry) in entries.sorted(by: { $0.key < $1.key }) where !path.contains("\n") {
            text += "\(entry.hash.hex) \(entry.stamp.size) \(entry.stamp.modified) \(entry.stamp.inode) \(path)\n"
        }
        var bytes = Array(text.utf8)
        bytes += Array("end \(entries.count) \(ContentHash(bytes).hex)\n".utf8)
        return bytes
    }

    /// Reads ``encoded(paths:)``: the manifest and the folder paths it names, or `nil`
    /// when the text is not a whole, intact manifest.
    static func decode(_ bytes: [UInt8]) -> (manifest: OutputManifest, paths: [String])? {
        guard let endStart = bytes.dropLast().lastIndex(of: UInt8(ascii: "\n")).map({ $0 + 1 }),
              bytes.last == UInt8(ascii: "\n") else { return nil }
        let body = Array(bytes[..<endStart])
        let end = String(decoding: bytes[endStart..<(bytes.count - 1)], as: UTF8.self).split(separator: " ")
        guard end.count == 3, end[0] == "end", let count = Int(end[1]),
              ContentHash(hex: end[2]) == ContentHash(body) else { return nil }
        var manifest = OutputManifest()
        var paths: [String] = []
        var lines = String(decoding: body, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first.map(String.init) == header else { return nil }
        lines.removeFirst()
        manifest.entries.reserveCapacity(count)
        for line in lines where !line.isEmpty {
            if line.hasPrefix("tree\t") { paths.append(String(line.dropFirst(5))); continue }
            let fields = line.split(separator: " ", maxSplits: 4, omittingEmptySubsequences: false)
            guard fields.count == 5, let hash = ContentHash(hex: fields[0]), let size = Int(fields[1]),
                  let modified = Int64(fields[2]), let inode = UInt64(fields[3]) else { return nil }
            manifest.entries[String(fields[4])] = Entry(stamp: FileStamp(size: size, modified: modified, inode: inode), hash: hash)
        }
        guard manifest.entries.count == count else { return nil }
        return (manifest, paths)
    }

    private static let header = "vinhdanh-output-manifest 1"
}
