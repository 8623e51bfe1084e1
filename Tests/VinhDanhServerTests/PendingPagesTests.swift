import Testing
@testable import VinhDanhServer

/// Pages an update rendered are answered from memory, as the folder would answer once
/// they are written, until they are on disk.
@Suite struct PendingPagesTests {
    @Test func heldPagesAreAnsweredUnderTheBasePathUntilCleared() throws {
        let pending = PendingPages()
        pending.hold(["ho-so/moi/index.html": Array("<p>mới</p>".utf8), "index.html": Array("<p>trang chủ</p>".utf8),
                      "tim-kiem/chi-muc/meta.json": Array("{}".utf8)])
        let base = "/vinh-danh/"
        guard case .page(let bytes, let type, let etag)? = pending.answer(path: "/vinh-danh/ho-so/moi/", basePath: base, ifNoneMatch: nil) else {
            Issue.record("a held page was not answered")
            return
        }
        #expect(bytes == Array("<p>mới</p>".utf8) && type == "text/html; charset=utf-8" && etag.count == 34)
        #expect(pending.answer(path: "/vinh-danh/ho-so/moi/", basePath: base, ifNoneMatch: etag) == .notModified(etag: etag))
        #expect(pending.answer(path: "/vinh-danh/ho-so/moi", basePath: base, ifNoneMatch: nil) == .redirect("/vinh-danh/ho-so/moi/"))
        guard case .page(let home, _, _)? = pending.answer(path: "/vinh-danh/", basePath: base, ifNoneMatch: nil),
              case .page(_, let json, _)? = pending.answer(path: "/vinh-danh/tim-kiem/chi-muc/meta.json", basePath: base, ifNoneMatch: nil) else {
            Issue.record("the home page or a JSON file was not answered")
            return
        }
        #expect(home == Array("<p>trang chủ</p>".utf8) && json == "application/json; charset=utf-8")
        // Outside the base path, or a page not held: the folder answers.
        #expect(pending.answer(path: "/ho-so/moi/", basePath: base, ifNoneMatch: nil) == nil)
        #expect(pending.answer(path: "/vinh-danh/ho-so/khac/", basePath: base, ifNoneMatch: nil) == nil)
        pending.clear()
        #expect(pending.answer(path: "/vinh-danh/ho-so/moi/", basePath: base, ifNoneMatch: nil) == nil)
    }
}
