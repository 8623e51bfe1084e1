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
        var info = stat()
        guard stat(local, &info) == 0 else { return notFound(request) }
        let isDirectory = (info.st_mode & S_IFMT) == S_IFDIR
        if isDirectory && !decoded.hasSuffix("/") {
            return redirect(to: raw + "/", request)
        }
        let file = isDirectory ? local + "/index.html" : local
        guard Self.isInside(root, file) else { return notFound(request) }
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

    /// Whether `path` resolves inside `root`. The build writes no symlinks, so a path
    /// none of whose parts is a symlink is inside by construction; only then is `realpath`
    /// (several system calls) needed.
    static func isInside(_ root: String, _ path: String) -> Bool {
        var current = path
        var info = stat()
        while current.count > root.count {
            guard lstat(current, &info) == 0 else { return false }
            if (info.st_mode & S_IFMT) == S_IFLNK {
                guard let real = realPath(path) else { return false }
                return real == root || real.hasPrefix(root + "/")
            }
            current = (current as NSString).deletingLastPathComponent
        }
        return current == root
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

