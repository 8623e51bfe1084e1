import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A folder kept open for `openat`/`mkdirat`; closed when the last copy goes.
final class OpenFolder: Sendable {
    let descriptor: Int32

    init(_ path: String) throws(FileError) {
        descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw FileError(path: path, operation: "mở thư mục", code: errno) }
    }

    deinit { close(descriptor) }
}
