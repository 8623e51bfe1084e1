/// Minimal JSON writing for JSON-LD embedded in HTML: strings are escaped for JSON and
/// additionally `<`, `>`, `&` become `\u003c`, `\u003e`, `\u0026`, so the text can never
/// end its `<script>` element. (JSONSerialization costs ~100 µs a page here.)
enum JSONText {
    /// A JSON string literal.
    static func string(_ value: String) -> String {
        let bytes = Array(value.utf8)
        var out: [UInt8] = [0x22]
        out.reserveCapacity(bytes.count + 8)
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            switch byte {
            case 0x22: out += [0x5C, 0x22]                                  // "
            case 0x5C: out += [0x5C, 0x5C]                                  // \
            case 0x0A: out += [0x5C, UInt8(ascii: "n")]
            case 0x0D: out += [0x5C, UInt8(ascii: "r")]
            case 0x09: out += [0x5C, UInt8(ascii: "t")]
            case 0x00..<0x20, 0x3C, 0x3E, 0x26: out += unicodeEscape(UInt32(byte))   // controls, < > &
            case 0xE2 where i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9):
                out += unicodeEscape(bytes[i + 2] == 0xA8 ? 0x2028 : 0x2029)   // line and paragraph separators
                i += 2
            default: out.append(byte)
            }
            i += 1
        }
        out.append(0x22)
        return String(decoding: out, as: UTF8.self)
    }

    /// `\uXXXX`, lowercase hex.
    private static func unicodeEscape(_ value: UInt32) -> [UInt8] {
        let hex = Array(String(value, radix: 16).utf8)
        return Array("\\u".utf8) + Array(repeating: UInt8(ascii: "0"), count: 4 - hex.count) + hex
    }

    /// A JSON object from already-encoded values, keys in the order given.
    static func object(_ fields: [(String, String)]) -> String {
        "{" + fields.map { string($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"
    }
}
