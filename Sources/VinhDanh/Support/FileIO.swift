import CVinhDanhSys
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Plain POSIX file access: much cheaper per file than Foundation's, which matters at
/// tens of thousands of files.
package enum FileIO {
    /// The whole file's bytes.
    package static func read(_ path: String) throws(FileError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw FileError(path: path, operation: "đọc", code: errno) }
        defer { close(fd) }
        return try readAll(fd, path: path)
    }

    /// Everything left to read from `fd` (`path` names it in an error).
    private static func readAll(_ fd: Int32, path: String) throws(FileError) -> [UInt8] {
        var info = stat()
        var capacity = 64 * 1024
        if fstat(fd, &info) == 0, info.st_size > 0 { capacity = Int(info.st_size) + 1 }
        var bytes = [UInt8](repeating: 0, count: capacity)
        var used = 0
        while true {
            if used == bytes.count { bytes.append(contentsOf: repeatElement(0, count: bytes.count)) }
            let n = bytes.withUnsafeMutableBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return Glibc.read(fd, base + used, buffer.count - used)
            }
            if n < 0 {
                if errno == EINTR { continue }
                throw FileError(path: path, operation: "đọc", code: errno)
            }
            if n == 0 { break }
            used += n
        }
        bytes.removeSubrange(used...)
        return bytes
    }

    /// The bytes of the file at `relative` under the open folder `directory`.
    package static func read(in directory: Int32, _ relative: String) throws(FileError) -> [UInt8] {
        let fd = openat(directory, relative, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw FileError(path: relative, operation: "đọc", code: errno) }
        defer { close(fd) }
        return try readAll(fd, path: relative)
    }

    /// Puts the file `temporary` in the place of `target` (each relative to an open
    /// folder, or absolute with `AT_FDCWD`) in one step: a reader sees the old file or the
    /// new one. Returns 0, or an errno. Output files only: when `target` exists the two
    /// are exchanged (`renameat2` with `RENAME_EXCHANGE`) and the old one deleted, because
    /// ext4 writes a file renamed over another to disk before the rename returns
    /// (`auto_da_alloc`), which made rewriting a page three times slower. That guard is
    /// for files whose loss matters (editors' profiles keep a plain rename); an output
    /// folder can always be built again.
    package static func swapInto(_ directory: Int32, _ temporary: String, _ target: String) -> Int32 {
        if vinhdanh_exchange_at(directory, temporary, directory, target) == 0 {
            if unlinkat(directory, temporary, 0) != 0 && errno == EISDIR {
                // A folder stood at `target` (a page that became a folder of pages).
                let path = directory == AT_FDCWD ? temporary : (try? folderPath(directory)).map { $0 + "/" + temporary }
                if let path { try? FileManager.default.removeItem(atPath: path) }
            }
            return 0
        }
        // No file there yet (ENOENT), or a file system without exchange (EINVAL).
        return renameat(directory, temporary, directory, target) == 0 ? 0 : errno
    }

    /// The path of an open folder.
    private static func folderPath(_ directory: Int32) throws -> String {
        try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/\(directory)")
    }

    /// Writes `bytes` to a new file (fails if it exists: never overwrites).
    package static func writeNew(_ path: String, _ bytes: [UInt8]) throws(FileError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw FileError(path: path, operation: "ghi", code: errno) }
        defer { close(fd) }
        try writeAll(fd, bytes, path: path)
    }

    /// `writeNew` for a path relative to the open folder `directory` (no walk from `/`
    /// for each of a build's files); `shown` names the file in an error.
    package static func writeNew(in directory: Int32, _ relative: String, _ bytes: [UInt8],
                                 shown: @autoclosure () -> String) throws(FileError) {
        let fd = openat(directory, relative, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw FileError(path: shown(), operation: "ghi", code: errno) }
        defer { close(fd) }
        try writeAll(fd, bytes, path: shown())
    }

    package static func writeAll(_ fd: Int32, _ bytes: [UInt8], path: @autoclosure () -> String) throws(FileError) {
        let failed: Int32? = bytes.withUnsafeBufferPointer { buffer -> Int32? in
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(fd, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += n
            }
            return nil
        }
        if let failed { throw FileError(path: path(), operation: "ghi", code: failed) }
    }

    /// `makeDirectories` for a path relative to the open folder `directory`.
    package static func makeDirectories(in directory: Int32, _ relative: Substring, shown: (Substring) -> String) throws(FileError) {
        if mkdirat(directory, String(relative), 0o755) == 0 || errno == EEXIST { return }
        if errno == ENOENT, let slash = relative.lastIndex(of: "/") {
            try makeDirectories(in: directory, relative[..<slash], shown: shown)
            if mkdirat(directory, String(relative), 0o755) == 0 || errno == EEXIST { return }
        }
        throw FileError(path: shown(relative), operation: "tạo thư mục", code: errno)
    }

    /// Creates a folder and its parents (like `mkdir -p`).
    package static func makeDirectories(_ path: String) throws(FileError) {
        if mkdir(path, 0o755) == 0 || errno == EEXIST { return }
        if errno == ENOENT {
            let parent = (path as NSString).deletingLastPathComponent
            if !parent.isEmpty && parent != path {
                try makeDirectories(parent)
                if mkdir(path, 0o755) == 0 || errno == EEXIST { return }
            }
        }
        throw FileError(path: path, operation: "tạo thư mục", code: errno)
    }

    /// Files under `root` (recursively) whose names end in `suffix`, as paths relative to
    /// `root`, sorted. Hidden files and folders are skipped.
    package static func listFiles(under root: String, suffix: String) -> [String] {
        var result: [String] = []
        func walk(_ relative: String) {
            let full = relative.isEmpty ? root : root + "/" + relative
            guard let dir = opendir(full) else { return }
            defer { closedir(dir) }
            while let entry = readdir(dir) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                }
                if name.hasPrefix(".") { continue }
                let child = relative.isEmpty ? name : relative + "/" + name
                var isDir = entry.pointee.d_type == DT_DIR
                if entry.pointee.d_type == DT_UNKNOWN || entry.pointee.d_type == DT_LNK {
                    var info = stat()
                    isDir = stat(root + "/" + child, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
                }
                if isDir { walk(child) } else if name.hasSuffix(suffix) { result.append(child) }
            }
        }
        walk("")
        return result.sorted()
    }

    /// The canonical absolute path (symlinks resolved), or `nil` if it does not exist.
    package static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Whether anything exists at `path` (not following a final symlink).
    package static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    /// Deletes a file.
    package static func remove(_ path: String) throws(FileError) {
        guard unlink(path) == 0 else { throw FileError(path: path, operation: "xóa", code: errno) }
    }

    /// Whether a path exists and is a folder.
    package static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }
}

/// A file-system operation that failed, with the path and the system's reason.
public struct FileError: Error, Sendable, CustomStringConvertible {
    /// The path concerned.
    public var path: String
    /// What was being done, in Vietnamese ("đọc", "ghi", …).
    public var operation: String
    /// `errno`.
    public var code: Int32

    /// An error of `operation` on `path`, with its `errno`.
    package init(path: String, operation: String, code: Int32) {
        self.path = path
        self.operation = operation
        self.code = code
    }

    /// "không ghi được /x: No space left on device".
    public var description: String {
        "không \(operation) được \(path): \(String(cString: strerror(code)))"
    }
}
