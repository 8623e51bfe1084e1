import Foundation
import VinhDanhSupport
#if canImport(Glibc)
import Glibc
#endif

/// Brings one folder to a planned set of files, touching only what differs.
///
/// A file whose bytes are already there (by the folder's manifest, checked against the
/// file's stamp) is left alone. One that a reference folder holds with the same bytes is
/// hard-linked from it, as `rsync --link-dest` does, so releases share unchanged files.
/// Anything else is written as a new file, renamed over the old one if there was one: a
/// file is never truncated and rewritten, since it may be a hard link shared with a
/// published release. ``put(_:_:)`` may be called from several threads for distinct paths.
final class TreeWriter: @unchecked Sendable {  // `recorded` and `changes` are only touched under `lock`
    /// What ``put(_:_:)`` did.
    enum Outcome: Sendable { case kept, linked, written }

    /// A folder files may be hard-linked from, with its manifest.
    struct Reference: Sendable {
        let folder: OpenFolder
        let manifest: OutputManifest
    }

    /// The folder being written.
    let root: String
    private let folder: OpenFolder
    private let known: OutputManifest
    /// Whether the folder may hold files `known` does not list (a build was killed while
    /// changing it): ``finish()`` then walks it.
    private let untrusted: Bool
    private let reference: Reference?
    private let lock = NSLock()
    private var recorded: [String: OutputManifest.Entry] = [:]
    private var changes = 0

    /// A writer for the folder at `root` (which must exist), which holds `known`.
    init(root: String, known: OutputManifest, untrusted: Bool, reference: Reference? = nil) throws(FileError) {
        self.root = root
        folder = try OpenFolder(root)
        self.known = known
        self.untrusted = untrusted
        self.reference = reference
    }

    /// Puts `bytes` (whose hash is `hash`, if known) at `relative` unless they are there already.
    @discardableResult
    func put(_ relative: String, _ bytes: [UInt8], hash: ContentHash? = nil) throws(FileError) -> Outcome {
        let hash = hash ?? ContentHash(bytes)
        if let outcome = reuse(relative, hash: hash, size: bytes.count) { return outcome }
        let stamp = try write(relative, bytes)
        record(relative, OutputManifest.Entry(stamp: stamp, hash: hash), changed: true)
        return .written
    }

    /// Makes sure `relative` holds the bytes of hash `hash` and size `size` without having
    /// them: kept if the folder has them, hard-linked if the reference folder has them.
    /// `nil` when neither has: the caller must ``put(_:_:hash:)`` the bytes.
    func reuse(_ relative: String, hash: ContentHash, size: Int) -> Outcome? {
        let stamp = FileStamp.of(relative, in: folder.descriptor)
        if let entry = known.entries[relative], entry.hash == hash, entry.stamp.size == size, stamp == entry.stamp {
            record(relative, entry, changed: false)
            return .kept
        }
        // Not vouched for by the manifest (none, or the file changed since): a file of the
        // right size is read and kept if its bytes are these. Cheaper than writing it
        // again, and only met once after the cache was deleted or a build was killed.
        if let stamp, stamp.size == size, known.entries[relative]?.stamp != stamp,
           let bytes = try? FileIO.read(in: folder.descriptor, relative), bytes.count == size, ContentHash(bytes) == hash {
            record(relative, OutputManifest.Entry(stamp: stamp, hash: hash), changed: false)
            return .kept
        }
        if let reference, let entry = reference.manifest.entries[relative], entry.hash == hash,
           entry.stamp.size == size, FileStamp.of(relative, in: reference.folder.descriptor) == entry.stamp,
           link(relative, from: reference.folder.descriptor) {
            record(relative, entry, changed: true)
            return .linked
        }
        return nil
    }

    /// Creates `folders` (relative) ahead of the files written into them; errors are left
    /// for ``put(_:_:)`` to meet and report. On ext4, folders created in one parent are
    /// serialised by its lock: a thread of their own keeps the render threads from waiting.
    func makeFolders(_ folders: [String]) {
        for relative in folders {
            try? FileIO.makeDirectories(in: folder.descriptor, Substring(relative)) { [root] in root + "/" + $0 }
        }
    }

    /// Whether the folder's manifest was trusted and still describes it, file for file.
    var manifestHolds: Bool { !untrusted && lock.withLock { changes == 0 && recorded == known.entries } }

    /// Removes whatever the folder holds beyond the files put since it was opened (and
    /// folders left empty), and returns its new manifest.
    func finish() -> OutputManifest {
        let kept = lock.withLock { recorded }
        let stale: [String]
        if untrusted {
            stale = Self.walk(root).filter { kept[$0] == nil }
        } else {
            stale = known.entries.keys.filter { kept[$0] == nil }.sorted()
        }
        var removed = 0
        for path in stale where unlinkat(folder.descriptor, path, 0) == 0 {
            removed += 1
            lock.withLock { changes += 1 }
            var parent = path
            while let slash = parent.lastIndex(of: "/") {
                parent = String(parent[..<slash])
                if unlinkat(folder.descriptor, parent, AT_REMOVEDIR) != 0 { break }
            }
        }
        if untrusted && removed > 0 { removeEmptyFolders("") }
        return OutputManifest(entries: kept)
    }

    private func record(_ relative: String, _ entry: OutputManifest.Entry, changed: Bool) {
        lock.withLock {
            recorded[relative] = entry
            if changed { changes += 1 }
        }
    }

    private func shown(_ relative: some StringProtocol) -> String { root + "/" + relative }

    /// Writes a new file at `relative`, or a new file renamed over the one there.
    private func write(_ relative: String, _ bytes: [UInt8]) throws(FileError) -> FileStamp {
        var fd = openat(folder.descriptor, relative, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        if fd < 0 && (errno == ENOENT || errno == ENOTDIR) {
            try makeParent(of: relative, clearing: errno == ENOTDIR)
            fd = openat(folder.descriptor, relative, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        }
        if fd >= 0 { return try finishWrite(fd, bytes, relative) }
        guard errno == EEXIST else { throw FileError(path: shown(relative), operation: "ghi", code: errno) }
        let temporary = Self.temporaryName(beside: relative)
        let tfd = openat(folder.descriptor, temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard tfd >= 0 else { throw FileError(path: shown(temporary), operation: "ghi", code: errno) }
        let stamp: FileStamp
        do { stamp = try finishWrite(tfd, bytes, temporary) } catch {
            unlinkat(folder.descriptor, temporary, 0)
            throw error
        }
        try replace(relative, with: temporary)
        return stamp
    }

    /// Writes and closes `fd`; the new file's stamp.
    private func finishWrite(_ fd: Int32, _ bytes: [UInt8], _ relative: String) throws(FileError) -> FileStamp {
        defer { close(fd) }
        try FileIO.writeAll(fd, bytes, path: shown(relative))
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw FileError(path: shown(relative), operation: "đọc thông tin", code: errno) }
        return FileStamp(info)
    }

    /// Hard-links `relative` from the reference folder; `false` if that failed (the
    /// caller writes the file instead).
    private func link(_ relative: String, from source: Int32) -> Bool {
        if linkat(source, relative, folder.descriptor, relative, 0) == 0 { return true }
        if errno == ENOENT || errno == ENOTDIR {
            guard (try? makeParent(of: relative, clearing: errno == ENOTDIR)) != nil else { return false }
            if linkat(source, relative, folder.descriptor, relative, 0) == 0 { return true }
        }
        guard errno == EEXIST else { return false }
        let temporary = Self.temporaryName(beside: relative)
        guard linkat(source, relative, folder.descriptor, temporary, 0) == 0 else { return false }
        return (try? replace(relative, with: temporary)) != nil
    }

    /// Renames `temporary` over `relative`; a folder standing at `relative` is removed.
    private func replace(_ relative: String, with temporary: String) throws(FileError) {
        var code = FileIO.swapInto(folder.descriptor, temporary, relative)
        if code == 0 { return }
        if code == EISDIR || code == ENOTEMPTY || code == EEXIST {
            try? FileManager.default.removeItem(atPath: shown(relative))
            code = FileIO.swapInto(folder.descriptor, temporary, relative)
            if code == 0 { return }
        }
        unlinkat(folder.descriptor, temporary, 0)
        throw FileError(path: shown(relative), operation: "ghi", code: code)
    }

    /// Creates the folders above `relative`; with `clearing`, first deletes files standing
    /// where one of those folders should be (a page that became a folder of pages).
    private func makeParent(of relative: String, clearing: Bool) throws(FileError) {
        guard let slash = relative.lastIndex(of: "/") else { return }
        let parent = relative[..<slash]
        if clearing {
            var prefix = ""
            for part in parent.split(separator: "/") {
                prefix += prefix.isEmpty ? String(part) : "/" + part
                if FileStamp.of(prefix, in: folder.descriptor) != nil || isLink(prefix) {
                    unlinkat(folder.descriptor, prefix, 0)
                }
            }
        }
        try FileIO.makeDirectories(in: folder.descriptor, parent) { [root] in root + "/" + $0 }
    }

    private func isLink(_ relative: String) -> Bool {
        var info = stat()
        return fstatat(folder.descriptor, relative, &info, AT_SYMLINK_NOFOLLOW) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
    }

    /// Removes empty folders under `relative`, deepest first; whether `relative` is now empty.
    @discardableResult
    private func removeEmptyFolders(_ relative: String) -> Bool {
        var empty = true
        for (name, isFolder) in Self.entries(of: relative.isEmpty ? root : shown(relative)) {
            let child = relative.isEmpty ? name : relative + "/" + name
            if isFolder, removeEmptyFolders(child), unlinkat(folder.descriptor, child, AT_REMOVEDIR) == 0 { continue }
            empty = false
        }
        return empty
    }

    /// Every file (and link) under `root`, hidden ones included, relative to it.
    static func walk(_ root: String) -> [String] {
        var files: [String] = []
        func visit(_ relative: String) {
            for (name, isFolder) in entries(of: relative.isEmpty ? root : root + "/" + relative) {
                let child = relative.isEmpty ? name : relative + "/" + name
                if isFolder { visit(child) } else { files.append(child) }
            }
        }
        visit("")
        return files.sorted()
    }

    /// The names in a folder, each with whether it is a folder (links are not).
    private static func entries(of path: String) -> [(String, Bool)] {
        guard let dir = opendir(path) else { return [] }
        defer { closedir(dir) }
        var result: [(String, Bool)] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            var isFolder = entry.pointee.d_type == DT_DIR
            if entry.pointee.d_type == DT_UNKNOWN {
                var info = stat()
                isFolder = lstat(path + "/" + name, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
            }
            result.append((name, isFolder))
        }
        return result
    }

    /// A hidden name in the same folder as `relative`, for a file renamed into place.
    private static func temporaryName(beside relative: String) -> String {
        let name = ".vinhdanh-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp"
        guard let slash = relative.lastIndex(of: "/") else { return name }
        return relative[...slash] + name
    }
}
