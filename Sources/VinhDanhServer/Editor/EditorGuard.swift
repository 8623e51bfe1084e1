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
/// - every request must carry the key cookie, which only the link printed in the terminal
///   gives (another user of the same machine can reach loopback, not that terminal);
/// - a request that writes must be a POST with this process's token and an `Origin` that
///   is the server's own (a form of another site cannot post here).
struct EditorGuard: Sendable {
    /// Whether the editor is on: the server listens on a loopback address.
    let enabled: Bool
    /// The `Host` values accepted: `127.0.0.1:PORT`, `localhost:PORT`, `[::1]:PORT`.
    let hosts: Set<String>
    /// The per-process token every form that writes carries.
    let token: String
    /// The per-process key of the link printed in the terminal (`?khoa=`), then of the cookie.
    let key: String
    /// The cookie that carries the key, sent back only to `/_bien-tap/`.
    static let cookie = "vinhdanh-bien-tap"

    /// The guard of a server listening on `host:port`.
    init(host: String, port: Int, token: String = EditorGuard.newToken(), key: String = EditorGuard.newToken()) {
        enabled = Self.isLoopback(host)
        hosts = ["127.0.0.1:\(port)", "localhost:\(port)", "[::1]:\(port)"]
        self.token = token
        self.key = key
    }

    /// Whether `given` is the key.
    func isKey(_ given: String) -> Bool { Self.same(given, key) }

    /// Why a request without the key cookie is refused, or `nil` (`cookies`: the `Cookie` header).
    func keyRefusal(cookies: String?) -> (HTTPResponse.Status, String)? {
        let given = (cookies ?? "").split(separator: ";").lazy.compactMap { pair -> String? in
            let parts = pair.split(separator: "=", maxSplits: 1)
            return parts.count == 2 && parts[0].trimmingCharacters(in: .whitespaces) == Self.cookie
                ? parts[1].trimmingCharacters(in: .whitespaces) : nil
        }.first
        guard let given, isKey(given) else {
            return (.forbidden, "Mở trang biên tập bằng đường dẫn có “?khoa=…” mà lệnh make serve (vinhdanh serve) in ra trong cửa sổ dòng lệnh.")
        }
        return nil
    }

    /// The header that gives the key cookie: not readable by scripts, never sent from
    /// another site's page, only to the editor's paths.
    var setCookie: String { "\(Self.cookie)=\(key); Path=/_bien-tap/; HttpOnly; SameSite=Strict" }

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
