import Mustache

/// HTML escaping for `{{x}}`, registered as the `FASTHTML` content type. Same output as
/// swift-mustache's own escaper (`& < > " '`), but it scans bytes and returns the text
/// untouched when nothing needs escaping, which is most values.
struct FastHTMLContentType: MustacheContentType {
    func escapeText(_ text: String) -> String { HTMLEscaping.escape(text) }
}

/// Escaping text for HTML.
public enum HTMLEscaping {
    /// Name of the content type templates select with `{{% CONTENT_TYPE: FASTHTML}}`.
    public static let contentTypeName = "FASTHTML"

    /// Registers the content type once per process.
    static let registered: Bool = {
        MustacheContentTypes.register(FastHTMLContentType(), named: contentTypeName)
        return true
    }()

    /// Escapes `& < > " '` for use in HTML text and attribute values.
    public static func escape(_ text: String) -> String {
        let utf8 = text.utf8
        guard utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else {
            return text
        }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count + 16)
        for byte in utf8 {
            switch byte {
            case 0x26: out += Array("&amp;".utf8)
            case 0x3C: out += Array("&lt;".utf8)
            case 0x3E: out += Array("&gt;".utf8)
            case 0x22: out += Array("&quot;".utf8)
            case 0x27: out += Array("&#39;".utf8)
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
