import Hummingbird

/// Declares UTF-8 on text responses (`text/html; charset=utf-8`, …): Vietnamese pages
/// must never be guessed as Latin-1.
struct CharsetMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        if let type = response.headers[.contentType] { response.headers[.contentType] = TextTypes.declaringUTF8(type) }
        return response
    }
}

/// Media types that carry text.
enum TextTypes {
    /// `type`, with `; charset=utf-8` when it carries text and does not say.
    static func declaringUTF8(_ type: String) -> String {
        !type.contains("charset") && all.contains(where: { type.hasPrefix($0) }) ? type + "; charset=utf-8" : type
    }

    static let all = ["text/html", "text/css", "text/javascript", "application/javascript", "application/json",
                            "application/xml", "text/xml", "application/atom+xml", "text/plain", "text/csv", "image/svg+xml"]
}
