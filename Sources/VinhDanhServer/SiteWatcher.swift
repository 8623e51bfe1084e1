import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Watches folders recursively with inotify (including folders created later) and
/// reports changed paths in batches: an editor's save-as-rename or a `git checkout` of
/// many files gives one batch after a short quiet time.
final class SiteWatcher: @unchecked Sendable {
    private let fd: Int32
    private var watches: [Int32: String] = [:]
    private let debounce: Duration
    private let lock = NSLock()

    /// The folder holding the watched ones, watched alone so they can be created later.
    private let root: String?
    private let watchedNames: Set<String>

    /// Starts watching `folders` (those that exist) and, in `root`, the creation of any of
    /// them that does not exist yet.
    init(folders: [String], root: String? = nil, debounce: Duration = .milliseconds(50)) {
        fd = inotify_init1(Int32(IN_CLOEXEC))
        self.debounce = debounce
        self.root = root
        watchedNames = Set(folders.map { ($0 as NSString).lastPathComponent })
        if let root {
            let wd = inotify_add_watch(fd, root, UInt32(IN_CREATE | IN_MOVED_TO))
            if wd >= 0 { watches[wd] = root }
        }
        for folder in folders { _ = addRecursively(folder) }
    }

    deinit { close(fd) }

    private static let mask = UInt32(IN_MODIFY | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_CLOSE_WRITE | IN_ATTRIB)

    /// Watches `folder` and every folder below it; returns the files found, which may have
    /// been written before the watch was in place.
    private func addRecursively(_ folder: String) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) else { return [] }
        guard isDirectory.boolValue else { return [folder] }
        let wd = inotify_add_watch(fd, folder, Self.mask)
        if wd >= 0 { lock.withLock { watches[wd] = folder } }
        var files: [String] = []
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where !name.hasPrefix(".") {
            files += addRecursively(folder + "/" + name)
        }
        return files
    }

    /// Blocks until something changes, then returns every path changed until a quiet
    /// period of `debounce`; `nil` once `stop()` was called.
    func nextBatch(stopped: @Sendable () -> Bool) -> Set<String>? {
        var changed = Set<String>()
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        let quietMilliseconds = Int32(debounce.components.attoseconds / 1_000_000_000_000_000 + debounce.components.seconds * 1000)
        while true {
            if stopped() { return nil }
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let timeout: Int32 = changed.isEmpty ? 200 : max(1, quietMilliseconds)
            let ready = poll(&poller, 1, timeout)
            if ready == 0 {
                if !changed.isEmpty { return changed }
                continue
            }
            if ready < 0 { if errno == EINTR { continue }; return nil }
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            guard count > 0 else { continue }
            var offset = 0
            while offset + MemoryLayout<inotify_event>.size <= count {
                let (wd, eventMask, length, name): (Int32, UInt32, Int, String) = buffer.withUnsafeBytes { raw in
                    let event = raw.load(fromByteOffset: offset, as: inotify_event.self)
                    let start = offset + MemoryLayout<inotify_event>.size
                    let nameBytes = raw[start..<min(count, start + Int(event.len))].prefix { $0 != 0 }
                    return (event.wd, event.mask, Int(event.len), String(decoding: nameBytes, as: UTF8.self))
                }
                offset += MemoryLayout<inotify_event>.size + length
                guard let folder = lock.withLock({ watches[wd] }) else { continue }
                let path = name.isEmpty ? folder : folder + "/" + name
                if name.hasPrefix(".") || name.hasSuffix("~") || name.hasSuffix(".swp") { continue }
                // In the site folder itself only the watched folders matter (never the output).
                if folder == root && !watchedNames.contains(name) { continue }
                if eventMask & UInt32(IN_ISDIR) != 0 && eventMask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
                    changed.formUnion(addRecursively(path))
                }
                changed.insert(path)
            }
        }
    }
}
