import Hummingbird
import HummingbirdTesting
import Testing
@testable import VinhDanhServer

/// Pages an update rendered are served from memory, as the folder would serve them once
/// written, until they are on disk.
@Suite struct PendingPagesTests {
    func app(_ pending: PendingPages, basePath: String) -> some ApplicationProtocol {
        let router = Router()
        router.add(middleware: PendingPagesMiddleware(pending: pending, basePath: basePath))
        // Stands for the folder: what it would serve before the pages are written.
        router.get("**") { _, _ in Response(status: .ok, body: .init(byteBuffer: ByteBuffer(string: "trên đĩa"))) }
        return Application(router: router)
    }

    @Test func heldPagesAreServedUnderTheBasePathUntilCleared() async throws {
        let pending = PendingPages()
        pending.hold(["ho-so/moi/index.html": Array("<p>mới</p>".utf8), "index.html": Array("<p>trang chủ</p>".utf8)])
        try await app(pending, basePath: "/vinh-danh/").test(.router) { client in
            var etag = ""
            try await client.execute(uri: "/vinh-danh/ho-so/moi/", method: .get) { response in
                #expect(response.status == .ok && String(buffer: response.body) == "<p>mới</p>")
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                etag = response.headers[.eTag] ?? ""
            }
            try await client.execute(uri: "/vinh-danh/ho-so/moi/", method: .get, headers: [.ifNoneMatch: etag]) { response in
                #expect(response.status == .notModified && !etag.isEmpty)
            }
            try await client.execute(uri: "/vinh-danh/ho-so/moi/", method: .head) { response in
                #expect(response.status == .ok && response.body.readableBytes == 0)
            }
            try await client.execute(uri: "/vinh-danh/ho-so/moi?x=1", method: .get) { response in
                #expect(response.status == .movedPermanently && response.headers[.location] == "/vinh-danh/ho-so/moi/?x=1")
            }
            try await client.execute(uri: "/vinh-danh/", method: .get) { response in
                #expect(String(buffer: response.body) == "<p>trang chủ</p>")
            }
            // Outside the base path, or a page not held: the folder.
            try await client.execute(uri: "/ho-so/moi/", method: .get) { response in
                #expect(String(buffer: response.body) == "trên đĩa")
            }
            try await client.execute(uri: "/vinh-danh/ho-so/khac/", method: .get) { response in
                #expect(String(buffer: response.body) == "trên đĩa")
            }
            pending.clear()
            try await client.execute(uri: "/vinh-danh/ho-so/moi/", method: .get) { response in
                #expect(String(buffer: response.body) == "trên đĩa")
            }
        }
    }
}
