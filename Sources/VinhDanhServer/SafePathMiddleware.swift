import Foundation
import Hummingbird

/// The preview server's first line of defence: only GET and HEAD, and no request path that
/// could reach outside the served folder — `..`, encoded dots or slashes, backslashes,
/// double encoding, NUL bytes — gets past it. Symlinks are checked later, on the resolved
/// file (``ServedFolder``).
struct SafePathMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method == .get || request.method == .head else {
            return Response(status: .methodNotAllowed, headers: [.allow: "GET, HEAD"])
        }
        guard Self.isSafe(request.uri.path) else {
            return Response(status: .badRequest, body: .init(byteBuffer: ByteBuffer(string: "400 Bad Request\n")))
        }
        return try await next(request, context)
    }

    /// Whether a raw (still percent-encoded) request path is acceptable.
    static func isSafe(_ raw: String) -> Bool {
        // Fast path for the common case: no escapes, no backslash, no dot segment.
        if !raw.utf8.contains(where: { $0 == UInt8(ascii: "%") || $0 == UInt8(ascii: "\\") || $0 == 0 }) {
            return raw.hasPrefix("/") && !raw.split(separator: "/", omittingEmptySubsequences: false).contains { $0 == ".." || $0 == "." }
        }
        let lowered = raw.lowercased()
        for bad in ["%2e", "%2f", "%5c", "%00", "%25", "\\", "\0"] where lowered.contains(bad) { return false }
        guard raw.hasPrefix("/"), let decoded = raw.removingPercentEncoding else { return false }
        return !decoded.split(separator: "/", omittingEmptySubsequences: false).contains { $0 == ".." || $0 == "." }
            && !decoded.contains("\0") && !decoded.contains("\\")
    }
}
