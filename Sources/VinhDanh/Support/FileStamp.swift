import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What identifies a file's current version without reading it: size, modification time
/// (nanoseconds) and inode. Editing a file by hand, or replacing it, changes at least one
/// of them, as git's and rsync's quick checks assume.
package struct FileStamp: Hashable, Sendable {
    package var size: Int
    package var modified: Int64
    package var inode: UInt64

    package init(size: Int, modified: Int64, inode: UInt64) {
        self.size = size
        self.modified = modified
        self.inode = inode
    }

    package init(_ info: stat) {
        size = Int(info.st_size)
        modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        inode = UInt64(info.st_ino)
    }

    /// The stamp of the regular file at `relative` under the open folder `directory`
    /// (`nil` if there is none, or it is a folder or a link).
    package static func of(_ relative: String, in directory: Int32) -> FileStamp? {
        var info = stat()
        guard fstatat(directory, relative, &info, AT_SYMLINK_NOFOLLOW) == 0,
              (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return FileStamp(info)
    }
}
