import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Checks that the server can listen before starting it, so a busy port gives one clear
/// line instead of a stack trace.
enum PortCheck {
    /// A Vietnamese message if `host:port` cannot be bound, else `nil`.
    static func problem(host: String, port: Int) -> String? {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_PASSIVE
        var result: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &result) == 0, let info = result else {
            return "không dùng được địa chỉ “\(host)” — thử --host 127.0.0.1"
        }
        defer { freeaddrinfo(result) }
        let fd = socket(info.pointee.ai_family, info.pointee.ai_socktype, info.pointee.ai_protocol)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        if bind(fd, info.pointee.ai_addr, info.pointee.ai_addrlen) != 0 {
            if errno == EADDRINUSE {
                return "cổng \(port) trên \(host) đang được chương trình khác dùng — chạy lại với --port \(port + 1)"
            }
            return "không mở được cổng \(port) trên \(host): \(String(cString: strerror(errno)))"
        }
        return nil
    }
}
