import VinhDanhSupport

/// What a folder of output holds, as a build left it: each file's stamp and content hash.
///
/// An entry is trusted only while the file on disk still has the recorded stamp, so a
/// file edited or deleted by hand, or half-written by a killed build, is checked again.
package struct OutputManifest: Sendable, Equatable {
    /// One file: its stamp when written and the hash of its bytes.
    package struct Entry: Hashable, Sendable {
        package var stamp: FileStamp
        package var hash: ContentHash

        package init(stamp: FileStamp, hash: ContentHash) {
            self.stamp = stamp
            self.hash = hash
        }
    }

    /// Entries by path relative to the folder.
    package var entries: [String: Entry] = [:]

    private static let magic = "vinhdanh-output-manifest 3"

    /// The manifest as bytes (see ``ChecksummedFile``), with the folder paths it may be
    /// found at.
    func encoded(paths: [String]) -> [UInt8] {
        ChecksummedFile.encode(magic: Self.magic) { w in
            w.add(paths.count)
            for path in paths { w.add(path) }
            w.add(entries.count)
            for (path, entry) in entries {
                w.add(path)
                w.add(entry.hash)
                w.add(entry.stamp.size)
                w.add(Int(entry.stamp.modified))
                w.add(entry.stamp.inode)
            }
        }
    }

    /// Reads ``encoded(paths:)``: the manifest and the folder paths it names, or `nil`
    /// when the bytes are not a whole, intact manifest.
    static func decode(_ bytes: [UInt8]) -> (manifest: OutputManifest, paths: [String])? {
        guard var r = ChecksummedFile.decode(bytes, magic: magic), let pathCount = r.int(), pathCount >= 0 else { return nil }
        var paths: [String] = []
        for _ in 0..<pathCount {
            guard let path = r.text() else { return nil }
            paths.append(path)
        }
        guard let count = r.int(), count >= 0 else { return nil }
        var manifest = OutputManifest()
        manifest.entries.reserveCapacity(count)
        for _ in 0..<count {
            guard let path = r.text(), let hash = r.hash(), let size = r.int(), let modified = r.int(), let inode = r.unsigned() else {
                return nil
            }
            manifest.entries[path] = Entry(stamp: FileStamp(size: size, modified: Int64(modified), inode: inode), hash: hash)
        }
        return r.atEnd ? (manifest, paths) : nil
    }
}
