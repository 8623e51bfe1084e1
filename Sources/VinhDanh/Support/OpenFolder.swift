import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A folder kept open for `openat`/`mkdirat`; closed when the last copy goes.
package final class OpenFolder: Sendable {
    package let descriptor: Int32

    package init(_ path: String) throws(FileError) {
        descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw FileError(path: path, operation: "mở thư mục", code: errno) }
    }

    deinit { close(descriptor) }
}
