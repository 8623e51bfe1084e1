import VinhDanhSupport
import Foundation

/// The files the editor wrote or removed itself, so that the watcher, which sees them a
/// moment later, does not update the site a second time (the editor already did): a path
/// is skipped once if the file is still as the editor left it (same bytes, or still
/// absent), within a few seconds.
final class OwnWrites: @unchecked Sendable {  // `written` is only touched under `lock`
    private let lock = NSLock()
    /// Path → (the file's hash then, or `nil` when it was removed; when).
    private var written: [String: (hash: ContentHash?, at: Date)] = [:]
    /// How long a write stays known.
    static let lifetime: TimeInterval = 5

    /// Notes the file at `path` as it is now (after the editor's write or removal), and
    /// the folders above it that the write may have created.
    func note(_ path: String) {
        let hash = Self.hash(path)
        let now = Date()
        lock.withLock {
            written[path] = (hash, now)
            var folder = (path as NSString).deletingLastPathComponent
            for _ in 0..<3 where folder.count > 1 {
                written[folder] = (nil, now)
                folder = (folder as NSString).deletingLastPathComponent
            }
        }
    }

    /// The hash of the file at `path`, `nil` when there is none.
    private static func hash(_ path: String) -> ContentHash? {
        (try? FileIO.read(path)).map(ContentHash.init)
    }

    /// `batch` without the paths the editor wrote and that are still as it left them.
    func filter(_ batch: Set<String>) -> Set<String> {
        let now = Date()
        return lock.withLock {
            written = written.filter { now.timeIntervalSince($0.value.at) < Self.lifetime }
            return batch.filter { path in
                guard let own = written[path] else { return true }
                var isFolder: ObjCBool = false
                let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
                if isFolder.boolValue { return false }
                guard (exists ? Self.hash(path) : nil) == own.hash else { return true }
                written[path] = nil
                return false
            }
        }
    }
}
