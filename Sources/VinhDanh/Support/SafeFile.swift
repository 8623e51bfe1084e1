import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writing whole files (editors' profiles, photo cache entries, pages the preview server
/// updates) so that a crash or a full disk never leaves half a file, and an existing
/// file is never overwritten by accident.
package enum SafeFile {
    /// Creates `path` with `text`; fails if it exists. Written to a temporary file beside
    /// it, then linked into place (link(2) refuses an existing target).
    package static func createNew(_ path: String, _ text: String) throws(FileError) {
        try createNew(path, Array(text.utf8))
    }

    /// `createNew` with bytes.
    package static func createNew(_ path: String, _ bytes: [UInt8]) throws(FileError) {
        let directory = (path as NSString).deletingLastPathComponent
        try FileIO.makeDirectories(directory)
        let temporary = directory + "/.vinhdanh-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp"
        try FileIO.writeNew(temporary, bytes)
        defer { unlink(temporary) }
        guard link(temporary, path) == 0 else { throw FileError(path: path, operation: "tạo", code: errno) }
    }

    /// Replaces `path` with `text` in one rename, so readers see the old or the new file.
    package static func replace(_ path: String, _ text: String) throws(FileError) {
        try replace(path, Array(text.utf8))
    }

    /// `replace` with bytes.
    package static func replace(_ path: String, _ bytes: [UInt8]) throws(FileError) {
        let directory = (path as NSString).deletingLastPathComponent
        let temporary = directory + "/.vinhdanh-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp"
        try FileIO.writeNew(temporary, bytes)
        guard rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            throw FileError(path: path, operation: "ghi", code: code)
        }
    }

    /// `replace` for an output file (see ``FileIO/swapInto(_:_:_:)``), making its folder
    /// if needed. Returns the new file's stamp.
    @discardableResult
    package static func replaceOutput(_ path: String, _ bytes: [UInt8]) throws(FileError) -> FileStamp {
        let slash = path.lastIndex(of: "/") ?? path.startIndex
        let temporary = String(path[..<slash]) + "/.vinhdanh-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp"
        var fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        if fd < 0 && errno == ENOENT {
            try FileIO.makeDirectories(String(path[..<slash]))
            fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        }
        guard fd >= 0 else { throw FileError(path: path, operation: "ghi", code: errno) }
        var info = stat()
        let failure: FileError?
        do throws(FileError) {
            try FileIO.writeAll(fd, bytes, path: path)
            failure = fstat(fd, &info) == 0 ? nil : FileError(path: path, operation: "ghi", code: errno)
        } catch {
            failure = error
        }
        close(fd)
        if let failure {
            unlink(temporary)
            throw failure
        }
        // The stamp stays the file's through the rename (same inode, same times).
        let code = FileIO.swapInto(AT_FDCWD, temporary, path)
        guard code == 0 else {
            unlink(temporary)
            throw FileError(path: path, operation: "ghi", code: code)
        }
        return FileStamp(info)
    }
}
