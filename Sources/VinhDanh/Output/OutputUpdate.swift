import CVinhDanhSys
import Foundation
import VinhDanhSupport

/// A build's output, brought up to date so that readers, and a build killed at any
/// moment, never see a mix of two builds.
///
/// In place (``OutputMode/inPlace``), the output folder has a spare beside it,
/// `.<name>.previous`, holding an earlier build. The spare is brought up to date (only
/// files whose bytes changed are written, files that are gone are removed), then swapped
/// with the output in one atomic `renameat2(RENAME_EXCHANGE)`. A build that changes
/// nothing swaps nothing and writes nothing. The price is disk space for two trees.
///
/// In a new folder (``OutputMode/newFolder(linkingFrom:)``), everything is written under
/// a hidden name beside it, then renamed into place.
public final class OutputUpdate: Sendable {
    /// The output folder.
    public let output: String
    /// The folder being written: the spare, or the new folder's hidden name.
    public let target: String
    let mode: OutputMode
    let writer: TreeWriter
    private let store: ManifestStore

    /// The spare of `output` in place: a hidden sibling.
    package static func spare(of output: String) -> String {
        let parent = (output as NSString).deletingLastPathComponent
        return (parent.isEmpty ? "." : parent) + "/." + (output as NSString).lastPathComponent + ".previous"
    }

    /// Opens `output` for a build; `manifests` is the site's ``SitePaths/outputManifests``.
    public init(output: String, mode: OutputMode, manifests: String) throws(FileError) {
        var output = output
        while output.count > 1 && output.hasSuffix("/") { output.removeLast() }
        self.output = output
        self.mode = mode
        store = ManifestStore(folder: manifests)
        let parent = (output as NSString).deletingLastPathComponent
        try FileIO.makeDirectories(parent.isEmpty ? "." : parent)
        Self.removeStaleFolders(of: output)
        switch mode {
        case .inPlace:
            target = Self.spare(of: output)
            var info = stat()
            if lstat(target, &info) == 0 && (info.st_mode & S_IFMT) != S_IFDIR { unlink(target) }
            let existed = FileIO.isDirectory(target)
            try FileIO.makeDirectories(target)
            let (known, dirty) = existed ? store.load(tree: target) : (OutputManifest(), false)
            store.markDirty(tree: target)
            // Files the output holds already are hard-linked rather than written again:
            // files are only ever replaced by renames, so the two folders may share them.
            var reference: TreeWriter.Reference?
            if FileIO.isDirectory(output), case let (manifest, false) = store.load(tree: output) {
                reference = TreeWriter.Reference(folder: try OpenFolder(output), manifest: manifest)
            }
            writer = try TreeWriter(root: target, known: known, untrusted: dirty && existed, reference: reference)
        case .newFolder(let source):
            if FileIO.exists(output) { throw FileError(path: output, operation: "tạo mới (đã có)", code: EEXIST) }
            target = (parent.isEmpty ? "." : parent) + "/" + Self.stagingPrefix(for: output)
                + "\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
            try FileIO.makeDirectories(target)
            var reference: TreeWriter.Reference?
            if let source, FileIO.isDirectory(source) {
                reference = TreeWriter.Reference(folder: try OpenFolder(source), manifest: store.load(tree: source).manifest)
            }
            writer = try TreeWriter(root: target, known: OutputManifest(), untrusted: false, reference: reference)
        }
    }

    /// Puts one file (path relative to the output) unless its bytes are there already.
    /// Returns whether it wrote the file (not when it was there, or was hard-linked).
    @discardableResult
    public func put(_ relative: String, _ bytes: [UInt8], hash: ContentHash? = nil) throws(FileError) -> Bool {
        try writer.put(relative, bytes, hash: hash) == .written
    }

    /// Keeps or links the file at `relative` if the folder being written, or the output,
    /// holds bytes of this hash and size; `false` when the caller must put the bytes.
    public func reuse(_ relative: String, hash: ContentHash, size: Int) -> Bool {
        writer.reuse(relative, hash: hash, size: size) != nil
    }

    /// Creates folders ahead of the files written into them (see ``TreeWriter/makeFolders(_:)``).
    public func makeFolders(_ folders: [String]) {
        writer.makeFolders(folders)
    }

    /// Finishes the folder and puts it in place. Returns whether the output changed: in
    /// place, `false` when it already held exactly these files.
    @discardableResult
    public func commit() throws(FileError) -> Bool {
        let manifest = writer.finish()
        switch mode {
        case .newFolder:
            try store.save(manifest, tree: target, paths: [output])
            guard rename(target, output) == 0 else { throw FileError(path: output, operation: "đổi tên thành", code: errno) }
            store.prune()
            return true
        case .inPlace:
            if writer.manifestHolds { store.clearDirty(tree: target) } else { try store.save(manifest, tree: target, paths: [output, target]) }
            if FileIO.isDirectory(output) && holds(manifest) { return false }
            var info = stat()
            if lstat(output, &info) != 0 {
                guard rename(target, output) == 0 else { throw FileError(path: output, operation: "đổi tên thành", code: errno) }
            } else {
                guard (info.st_mode & S_IFMT) == S_IFDIR else {
                    throw FileError(path: output, operation: "thay thế (không phải thư mục)", code: ENOTDIR)
                }
                guard vinhdanh_exchange_paths(target, output) == 0 else {
                    throw FileError(path: output, operation: "hoán đổi", code: errno)
                }
            }
            store.prune()
            return true
        }
    }

    /// Gives up after a failed build: the output is untouched. A new folder is deleted;
    /// a spare stays marked dirty, and the next build checks it whole.
    public func discard() {
        if case .newFolder = mode { try? FileManager.default.removeItem(atPath: target) }
    }

    /// Whether the output folder holds exactly the files of `manifest`, by its own
    /// manifest and the files' stamps (a file changed by hand there does not match).
    private func holds(_ manifest: OutputManifest) -> Bool {
        let (active, dirty) = store.load(tree: output)
        guard !dirty, active.entries.count == manifest.entries.count,
              let folder = try? OpenFolder(output) else { return false }
        let entries = Array(manifest.entries)
        let chunks = 64
        let matches = Parallel.map(chunks) { c in
            stride(from: c, to: entries.count, by: chunks).allSatisfy { i in
                let (path, entry) = entries[i]
                guard let live = active.entries[path], live.hash == entry.hash else { return false }
                return FileStamp.of(path, in: folder.descriptor) == live.stamp
            }
        }
        return matches.allSatisfy { $0 }
    }

    /// Prefix of the hidden folders a new folder is written in.
    static func stagingPrefix(for output: String) -> String {
        "." + (output as NSString).lastPathComponent + ".staging-"
    }

    /// Deletes hidden folders left beside `output` by builds that were killed.
    private static func removeStaleFolders(of output: String) {
        let parent = (output as NSString).deletingLastPathComponent
        let prefix = stagingPrefix(for: output)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent.isEmpty ? "." : parent) else { return }
        for name in names where name.hasPrefix(prefix) {
            let pid = Int32(name.dropFirst(prefix.count).split(separator: "-").first ?? "") ?? 0
            if pid == 0 || kill(pid, 0) != 0 { try? FileManager.default.removeItem(atPath: (parent.isEmpty ? "." : parent) + "/" + name) }
        }
    }
}
