import Foundation
import VinhDanhConfig
import VinhDanhSupport
#if canImport(Glibc)
import Glibc
#endif

/// One writer at a time per site: `build`, `serve` (while it rebuilds) and `publish` hold
/// an exclusive lock on the site's `.vinhdanh/lock` while they write its output and its
/// cache. A second one waits for the first, after saying so. The lock goes with the
/// process, so a killed build never leaves the site locked.
public final class SiteLock: Sendable {
    private let descriptor: Int32

    /// Takes the lock of the site at `paths`, calling `waiting` first if another process
    /// holds it.
    public init(paths: SitePaths, waiting: (() -> Void)? = nil) throws(FileError) {
        try FileIO.makeDirectories(paths.cache)
        let path = paths.cache + "/lock"
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw FileError(path: path, operation: "mở", code: errno) }
        if flock(descriptor, LOCK_EX | LOCK_NB) == 0 { return }
        waiting?()
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else {
                let code = errno
                close(descriptor)
                throw FileError(path: path, operation: "khóa", code: code)
            }
        }
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
