import Foundation
import Hummingbird
import Synchronization
import VinhDanh

/// The pages an update has rendered but not yet written: served from memory from the
/// moment the tabs are told to reload until the files are on disk, so that the reload
/// never waits for the disk (a large write still going back to disk can make writing
/// some 2,000 files take half a second) and never sees a page older than the event.
final class PendingPages: Sendable {
    /// Output-relative path → bytes.
    private let files = Mutex<[String: [UInt8]]>([:])

    /// Serves `files` until ``clear()``.
    func hold(_ files: [String: [UInt8]]) { self.files.withLock { $0 = files } }

    /// The files are on disk: serve them from there again.
    func clear() { files.withLock { $0 = [:] } }

    /// The bytes of `path`, if held.
    func bytes(_ path: String) -> [UInt8]? { files.withLock { $0.isEmpty ? nil : $0[path] } }
}

/// Serves the pages ``PendingPages`` holds, as the folder would once they are written:
/// under the base path, a directory URL by its `index.html`, a new page's URL without
/// its trailing slash redirected. Everything else goes on to the folder.
struct PendingPagesMiddleware<Context: RequestContext>: RouterMiddleware {
    let pending: PendingPages
    /// The site's base path (`/` or `/sub/`).
    let basePath: String

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let decoded = request.uri.path.removingPercentEncoding, decoded.hasPrefix(basePath) else {
            return try await next(request, context)
        }
        let relative = String(decoded.dropFirst(basePath.count))
        let file = relative.isEmpty || relative.hasSuffix("/") ? relative + "index.html" : relative
        guard let bytes = pending.bytes(file) else {
            if !relative.isEmpty, !relative.hasSuffix("/"), pending.bytes(relative + "/index.html") != nil {
                let query = request.uri.query.map { "?" + $0 } ?? ""
                return Response(status: .movedPermanently, headers: [.location: request.uri.path + "/" + query])
            }
            return try await next(request, context)
        }
        let etag = "\"\(ContentHash(bytes).hex)\""
        var headers: HTTPFields = [.contentType: Self.type(of: file), .eTag: etag, .contentLength: "\(bytes.count)"]
        headers[.cacheControl] = "no-cache"
        if request.headers[.ifNoneMatch] == etag { return Response(status: .notModified, headers: headers) }
        return Response(status: .ok, headers: headers,
                        body: request.method == .head ? .init() : .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// The media type of a file the build writes, by its extension.
    static func type(of file: String) -> String {
        switch (file as NSString).pathExtension {
        case "html": return "text/html; charset=utf-8"
        case "xml": return "application/xml; charset=utf-8"
        case "json": return "application/json; charset=utf-8"
        case "csv": return "text/csv; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js": return "text/javascript; charset=utf-8"
        case "svg": return "image/svg+xml"
        default: return "application/octet-stream"
        }
    }
}
