import Foundation
import Hummingbird
import NIOCore

/// The request context of the preview server: Hummingbird's, with the address the
/// request came from, which the editor needs to answer loopback only.
struct PreviewContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    /// The peer's address (`nil` when the channel does not say).
    let remote: SocketAddress?

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remote = source.channel.remoteAddress
    }
}

/// Who may use the editor, in one place (the threat model is `docs/bien-tap-an-toan.md`):
/// - it answers only when the server listens on loopback, and only to loopback peers;
/// - only to requests whose `Host` is the server's own loopback name and port (a page of
///   another site that points a name of its own at 127.0.0.1, DNS rebinding, is refused);
/// - a request that writes must be a POST with this process's token and an `Origin` that
///   is the server's own (a form of another site cannot post here).
struct EditorGuard: Sendable {
    /// Whether the editor is on: the server listens on a loopback address.
    let enabled: Bool
    /// The `Host` values accepted: `127.0.0.1:PORT`, `localhost:PORT`, `[::1]:PORT`.
    let hosts: Set<String>
    /// The per-process token every form that writes carries.
    let token: String

    /// The guard of a server listening on `host:port`.
    init(host: String, port: Int, token: String = EditorGuard.newToken()) {
        enabled = Self.isLoopback(host)
        hosts = ["127.0.0.1:\(port)", "localhost:\(port)", "[::1]:\(port)"]
        self.token = token
    }

    /// 32 random bytes, in hex.
    static func newToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }

    /// Whether `host` (a name or an address, without port) is loopback.
    static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host == "[::1]" || host.hasPrefix("127.") || host.hasPrefix("::ffff:127.")
    }

    /// Why a request to the editor is refused (status and message), or `nil`.
    /// `authority` is the request's `Host`; `extraHost` whether a second `Host` came.
    func refusal(remoteIP: String?, authority: String?, extraHost: Bool) -> (HTTPResponse.Status, String)? {
        guard enabled else {
            return (.forbidden, "Trang biên tập chỉ mở khi máy chủ xem trước chạy trên 127.0.0.1 (không dùng --host 0.0.0.0).")
        }
        guard let remoteIP, Self.isLoopback(remoteIP) else {
            return (.forbidden, "Trang biên tập chỉ dùng được trên chính máy này.")
        }
        guard !extraHost, let authority, hosts.contains(authority.lowercased()) else {
            return (.misdirectedRequest, "Địa chỉ không đúng: mở trang biên tập qua http://127.0.0.1 với cổng của máy chủ.")
        }
        return nil
    }

    /// Why a request that writes is refused before its body is read, or `nil`: it must
    /// come from a page of this server (`Origin`, which browsers send with every POST).
    func originRefusal(authority: String?, origin: String?) -> (HTTPResponse.Status, String)? {
        guard let origin, let authority, origin.lowercased() == "http://" + authority.lowercased() else {
            return (.forbidden, "Yêu cầu không đến từ trang biên tập của máy này.")
        }
        return nil
    }

    /// Why a request that writes is refused once its form is read, or `nil`: it must carry
    /// this process's token.
    func tokenRefusal(_ token: String) -> (HTTPResponse.Status, String)? {
        Self.same(token, self.token) ? nil
            : (.forbidden, "Phiên biên tập đã hết hạn (máy chủ đã khởi động lại): tải lại trang rồi làm lại.")
    }

    /// Compares in time that does not depend on where the two differ.
    private static func same(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
