import Foundation
import Hummingbird

/// Maps request paths onto the served folder before Hummingbird's `FileMiddleware` reads
/// the file: paths outside the site's base path are not found, directory URLs without the
/// trailing slash are redirected, and a file (or symlink) that resolves outside the folder
/// is never served. Unknown paths get the site's `404.html` with status 404.
struct ServedFolderMiddleware<Context: RequestContext>: RouterMiddleware {
    /// The served folder, symlinks resolved.
    let root: String
    /// The site's base path (`/` or `/sub/`).
    let basePath: String

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let raw = request.uri.path
        if raw.hasPrefix("/__vinhdanh/") { return try await next(request, context) }
        guard let decoded = raw.removingPercentEncoding else { return notFound(request) }
        if basePath != "/" && decoded == String(basePath.dropLast()) {
            return redirect(to: basePath, request)
        }
        guard decoded.hasPrefix(basePath) else {
            return decoded == "/" ? redirect(to: basePath, request) : notFound(request)
        }
        let local = root + "/" + decoded.dropFirst(basePath.count)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: local, isDirectory: &isDirectory) else { return notFound(request) }
        if isDirectory.boolValue && !decoded.hasSuffix("/") {
            return redirect(to: raw + "/", request)
        }
        let file = isDirectory.boolValue ? local + "/index.html" : local
        guard let real = Self.realPath(file), real == root || real.hasPrefix(root + "/") else { return notFound(request) }
        let response = try await next(request, context)
        return response.status == .notFound ? notFound(request) : response
    }

    private func redirect(to path: String, _ request: Request) -> Response {
        let query = request.uri.query.map { "?" + $0 } ?? ""
        return Response(status: .movedPermanently, headers: [.location: path + query])
    }

    private func notFound(_ request: Request) -> Response {
        let page = (try? Data(contentsOf: URL(fileURLWithPath: root + "/404.html"))) ?? Data("404 Not Found\n".utf8)
        var headers: HTTPFields = [.contentType: "text/html; charset=utf-8", .contentLength: "\(page.count)"]
        headers[.cacheControl] = "no-store"
        return Response(status: .notFound, headers: headers,
                        body: request.method == .head ? .init() : .init(byteBuffer: ByteBuffer(bytes: page)))
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
