import NIOCore
import Testing
@testable import VinhDanhServer

/// Who may use the editor, and how its forms are read.
@Suite struct EditorGuardTests {
    let rules = EditorGuard(host: "127.0.0.1", port: 8080, token: "abc123", key: "k3y")

    @Test func onlyLoopbackPeersWithTheServersOwnHost() {
        #expect(rules.refusal(remoteIP: "127.0.0.1", authority: "127.0.0.1:8080", extraHost: false) == nil)
        #expect(rules.refusal(remoteIP: "::1", authority: "localhost:8080", extraHost: false) == nil)
        #expect(rules.refusal(remoteIP: "192.168.1.5", authority: "127.0.0.1:8080", extraHost: false)?.0 == .forbidden)
        // DNS rebinding: a name of another site pointed at 127.0.0.1.
        #expect(rules.refusal(remoteIP: "127.0.0.1", authority: "evil.example:8080", extraHost: false)?.0 == .misdirectedRequest)
        #expect(rules.refusal(remoteIP: "127.0.0.1", authority: "127.0.0.1:9999", extraHost: false)?.0 == .misdirectedRequest)
        #expect(rules.refusal(remoteIP: "127.0.0.1", authority: "127.0.0.1:8080", extraHost: true)?.0 == .misdirectedRequest)
        #expect(rules.refusal(remoteIP: "127.0.0.1", authority: nil, extraHost: false) != nil)
    }

    @Test func everyRequestNeedsTheTerminalsKeyCookie() {
        #expect(rules.keyRefusal(cookies: "vinhdanh-bien-tap=k3y") == nil)
        #expect(rules.keyRefusal(cookies: "a=b; vinhdanh-bien-tap=k3y; c=d") == nil)
        #expect(rules.keyRefusal(cookies: nil)?.0 == .forbidden)
        #expect(rules.keyRefusal(cookies: "vinhdanh-bien-tap=k3z")?.0 == .forbidden)
        #expect(rules.keyRefusal(cookies: "x-vinhdanh-bien-tap=k3y")?.0 == .forbidden)
        #expect(rules.isKey("k3y") && !rules.isKey("k3") && !rules.isKey(""))
        #expect(rules.setCookie.contains("HttpOnly") && rules.setCookie.contains("SameSite=Strict") && rules.setCookie.contains("Path=/_bien-tap/"))
    }

    @Test func offWhenTheServerListensBeyondLoopback() {
        let open = EditorGuard(host: "0.0.0.0", port: 8080, token: "abc123")
        #expect(open.refusal(remoteIP: "127.0.0.1", authority: "127.0.0.1:8080", extraHost: false)?.0 == .forbidden)
    }

    @Test func writesNeedTheOwnOriginAndTheToken() {
        #expect(rules.originRefusal(authority: "127.0.0.1:8080", origin: "http://127.0.0.1:8080") == nil)
        #expect(rules.originRefusal(authority: "127.0.0.1:8080", origin: "http://evil.example") != nil)
        #expect(rules.originRefusal(authority: "127.0.0.1:8080", origin: nil) != nil)
        #expect(rules.tokenRefusal("abc123") == nil)
        #expect(rules.tokenRefusal("abc124") != nil && rules.tokenRefusal("") != nil)
        #expect(EditorGuard.newToken().count == 64 && EditorGuard.newToken() != EditorGuard.newToken())
    }

    @Test func formsAreReadInOrderWithTheirFiles() throws {
        let boundary = try #require(FormData.boundary("multipart/form-data; boundary=----WebKitFormBoundaryAbC"))
        #expect(boundary == "----WebKitFormBoundaryAbC")
        #expect(FormData.boundary("multipart/form-data; boundary=") == nil)
        #expect(FormData.boundary("application/x-www-form-urlencoded") == nil)
        let body = """
            --\(boundary)\r
            Content-Disposition: form-data; name="award-type"\r
            \r
            huan-chuong\r
            --\(boundary)\r
            Content-Disposition: form-data; name="award-type"\r
            \r
            bang-khen\r
            --\(boundary)\r
            Content-Disposition: form-data; name="photo-file"; filename="a;b \\"c\\".jpg"\r
            Content-Type: image/jpeg\r
            \r
            JPEG\r
            --\(boundary)\r
            Content-Disposition: form-data; name="ket-thuc"\r
            \r
            1\r
            --\(boundary)--\r

            """
        let form = try #require(FormData.parse(ByteBuffer(string: body), boundary: boundary, required: "ket-thuc"))
        #expect(form.all("award-type") == ["huan-chuong", "bang-khen"])
        #expect(form.file("photo-file")?.filename == "a;b \"c\".jpg" && form.file("photo-file")?.bytes == Array("JPEG".utf8))
        // Cut short before its last field: refused, not half read.
        let last = try #require(body.range(of: "Content-Disposition: form-data; name=\"ket-thuc\""))
        let cut = String(body[..<last.lowerBound])
        #expect(FormData.parse(ByteBuffer(string: cut), boundary: boundary, required: "ket-thuc") == nil)
    }
}
