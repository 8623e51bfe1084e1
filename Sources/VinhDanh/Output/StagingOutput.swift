import CVinhDanhSys
import Foundation

/// Writes a build into a fresh staging folder beside the output, then swaps it in with
/// one atomic rename, so readers (and a build killed half-way) never see a half-written
/// site: the old site stays whole until the new one is complete.
public struct StagingOutput: Sendable {
    /// The final output folder.
    public let output: String
    /// The staging folder, a sibling of `output` on the same file system.
    public let staging: String
    /// The staging folder, open: files are created relative to it.
    private let folder: OpenFolder

    /// Prefix of staging folders, so stale ones left by a killed build can be found.
    static func stagingPrefix(for output: String) -> String {
        let name = (output as NSString).lastPathComponent
        return "." + name + ".staging-"
    }

    /// Prepares a new, empty staging folder for `output` and clears stale ones.
    public init(output: String) throws(FileError) {
        var output = output
        while output.count > 1 && output.hasSuffix("/") { output.removeLast() }
        self.output = output
        let parent = (output as NSString).deletingLastPathComponent
        let prefix = Self.stagingPrefix(for: output)
        try FileIO.makeDirectories(parent.isEmpty ? "." : parent)
        // A build killed with kill -9 leaves its staging folder behind; nothing else uses it.
        if let names = try? FileManager.default.contentsOfDirectory(atPath: parent.isEmpty ? "." : parent) {
            for name in names where name.hasPrefix(prefix) {
                let pid = Int32(name.dropFirst(prefix.count).split(separator: "-").first ?? "") ?? 0
                if pid == 0 || kill(pid, 0) != 0 { try? FileManager.default.removeItem(atPath: parent + "/" + name) }
            }
        }
        staging = (parent.isEmpty ? "." : parent) + "/" + prefix + "\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileIO.makeDirectories(staging)
        folder = try OpenFolder(staging)
    }

    /// Writes one file (relative path) into the staging folder, creating its folders if
    /// they are not there yet (see ``makeFolders(_:)``).
    public func write(_ relative: String, _ bytes: [UInt8]) throws(FileError) {
        let staging = staging
        do {
            try FileIO.writeNew(in: folder.descriptor, relative, bytes, shown: staging + "/" + relative)
        } catch let error where error.code == ENOENT {
            guard let slash = relative.utf8.lastIndex(of: UInt8(ascii: "/")) else { throw error }
            try FileIO.makeDirectories(in: folder.descriptor, relative[..<slash]) { staging + "/" + $0 }
            try FileIO.writeNew(in: folder.descriptor, relative, bytes, shown: staging + "/" + relative)
        }
    }

    /// Creates `folders` (relative paths, parents first or not) ahead of the files written
    /// into them. A build runs this on a thread of its own while pages are rendered: on
    /// ext4, creating folders in one parent (35,000 under `ho-so/`) is serialised by the
    /// parent's lock, and two render threads doing it at once wait on each other. Errors
    /// are left for ``write(_:_:)`` to meet and report.
    public func makeFolders(_ folders: [String]) {
        let staging = staging
        for relative in folders {
            try? FileIO.makeDirectories(in: folder.descriptor, Substring(relative)) { staging + "/" + $0 }
        }
    }

    /// Copies a file into the staging folder.
    public func copy(from source: String, to relative: String) throws(FileError) {
        try write(relative, try FileIO.read(source))
    }

    /// Puts the staging folder in place of the output in one step and deletes the old
    /// site. With no previous output this is a plain rename.
    public func commit() throws(FileError) {
        var info = stat()
        if lstat(output, &info) != 0 {
            guard rename(staging, output) == 0 else { throw FileError(path: output, operation: "đổi tên thành", code: errno) }
            return
        }
        guard (info.st_mode & S_IFMT) == S_IFDIR else {
            throw FileError(path: output, operation: "thay thế (không phải thư mục)", code: ENOTDIR)
        }
        guard vinhdanh_exchange_paths(staging, output) == 0 else {
            throw FileError(path: output, operation: "hoán đổi", code: errno)
        }
        // `staging` now holds the previous site.
        try? FileManager.default.removeItem(atPath: staging)
    }

    /// Removes the staging folder after a failed build; the output is untouched.
    public func discard() {
        try? FileManager.default.removeItem(atPath: staging)
    }
}

/// A folder kept open for `openat`/`mkdirat`; closed when the last copy goes.
final class OpenFolder: Sendable {
    let descriptor: Int32

    init(_ path: String) throws(FileError) {
        descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw FileError(path: path, operation: "mở thư mục", code: errno) }
    }

    deinit { close(descriptor) }
}
