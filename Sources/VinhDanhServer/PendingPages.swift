import Foundation
import Hummingbird
import Synchronization
import VinhDanhSupport

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

    /// What to answer a GET or HEAD of the URL path `path` (percent-decoded) on a site
    /// under `basePath`, as the folder would once the files are written: a held page (a
    /// directory URL by its `index.html`), `304` when `ifNoneMatch` is its ETag, a new
    /// page's URL without its trailing slash redirected; `nil` for the folder to answer.
    func answer(path: String, basePath: String, ifNoneMatch: String?) -> Answer? {
        guard path.hasPrefix(basePath) else { return nil }
        let relative = String(path.dropFirst(basePath.count))
        let file = relative.isEmpty || relative.hasSuffix("/") ? relative + "index.html" : relative
        guard let bytes = bytes(file) else {
            if !relative.isEmpty, !relative.hasSuffix("/"), bytes(relative + "/index.html") != nil { return .redirect(path + "/") }
            return nil
        }
        let etag = "\"\(ContentHash(bytes).hex)\""
        return ifNoneMatch == etag ? .notModified(etag: etag) : .page(bytes, type: Self.type(of: file), etag: etag)
    }

    /// An answer from memory.
    enum Answer: Equatable {
        case page([UInt8], type: String, etag: String)
        case notModified(etag: String)
        /// To this path (the query is kept).
        case redirect(String)
    }

    /// The media type of a file, as the folder's `FileMiddleware` gives it (with UTF-8
    /// declared for text, as ``CharsetMiddleware`` does).
    static func type(of file: String) -> String {
        let type = MediaType.getMediaType(forExtension: (file as NSString).pathExtension)?.description ?? "application/octet-stream"
        return TextTypes.declaringUTF8(type)
    }
}

/// Answers from ``PendingPages`` before the folder is looked at.
struct PendingPagesMiddleware<Context: RequestContext>: RouterMiddleware {
    let pending: PendingPages
    /// The site's base path (`/` or `/sub/`).
    let basePath: String

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let path = request.uri.path.removingPercentEncoding,
              let answer = pending.answer(path: path, basePath: basePath, ifNoneMatch: request.headers[.ifNoneMatch]) else {
            return try await next(request, context)
        }
        switch answer {
        case .redirect(let location):
            let query = request.uri.query.map { "?" + $0 } ?? ""
            return Response(status: .movedPermanently, headers: [.location: location + query])
        case .notModified(let etag):
            return Response(status: .notModified, headers: [.eTag: etag, .cacheControl: "no-cache"])
        case .page(let bytes, let type, let etag):
            let headers: HTTPFields = [.contentType: type, .eTag: etag, .contentLength: "\(bytes.count)", .cacheControl: "no-cache"]
            return Response(status: .ok, headers: headers,
                            body: request.method == .head ? .init() : .init(byteBuffer: ByteBuffer(bytes: bytes)))
        }
    }
}
