import Foundation
import VinhDanhSupport
#if canImport(Glibc)
import Glibc
#endif

/// The manifests of a site's output folders, kept in the site's `.vinhdanh/output/`.
///
/// A manifest is named after its folder's device and inode, which stay with the folder
/// when a build swaps two folders' names; it also records the paths the folder may be
/// found at, so manifests of folders that are gone can be deleted. A folder being changed
/// carries a `.dirty` mark until its new manifest is saved: a build killed half-way leaves
/// the mark, and the next build then also looks for files the manifest does not know.
/// Deleting the whole folder is safe: builds then write everything once.
package struct ManifestStore: Sendable {
    let folder: String

    /// The manifests kept in `folder`.
    package init(folder: String) {
        self.folder = folder
    }

    /// The manifest of the folder at `tree` and whether it is marked dirty; an empty,
    /// dirty one when there is none or it cannot be read.
    package func load(tree: String) -> (manifest: OutputManifest, dirty: Bool) {
        guard let name = Self.name(of: tree), let bytes = try? FileIO.read(folder + "/" + name),
              let (manifest, _) = OutputManifest.decode(bytes) else { return (OutputManifest(), true) }
        return (manifest, FileIO.exists(folder + "/" + name + ".dirty"))
    }

    /// Marks the folder at `tree` as being changed.
    package func markDirty(tree: String) {
        guard let name = Self.name(of: tree) else { return }
        try? FileIO.makeDirectories(folder)
        let fd = open(folder + "/" + name + ".dirty", O_WRONLY | O_CREAT | O_CLOEXEC, 0o644)
        if fd >= 0 { close(fd) }
    }

    /// Clears the dirty mark of the folder at `tree`, whose manifest still describes it.
    func clearDirty(tree: String) {
        guard let name = Self.name(of: tree) else { return }
        unlink(folder + "/" + name + ".dirty")
    }

    /// Saves the manifest of the folder at `tree` (atomically) and clears its dirty mark.
    /// `paths`: where the folder may be found later (an output and its spare).
    package func save(_ manifest: OutputManifest, tree: String, paths: [String]) throws(FileError) {
        guard let name = Self.name(of: tree) else { throw FileError(path: tree, operation: "đọc thông tin", code: errno) }
        try FileIO.makeDirectories(folder)
        try SafeFile.replace(folder + "/" + name, manifest.encoded(paths: paths))
        unlink(folder + "/" + name + ".dirty")
    }

    /// Deletes the manifests of folders no longer found at any path they recorded.
    func prune() {
        for file in FileIO.listFiles(under: folder, suffix: ".manifest") {
            let manifest = folder + "/" + file
            let paths = (try? FileIO.read(manifest)).flatMap(OutputManifest.decode)?.paths ?? []
            if !paths.contains(where: { Self.name(of: $0) == file }) {
                unlink(manifest)
                unlink(manifest + ".dirty")
            }
        }
    }

    /// `<device>-<inode>.manifest` of the folder at `path`, if it is one.
    static func name(of path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { return nil }
        return "\(info.st_dev)-\(info.st_ino).manifest"
    }
}
