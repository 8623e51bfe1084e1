/// Minimal JSON writing for JSON-LD embedded in HTML: strings are escaped for JSON and
/// additionally `<`, `>`, `&` become `\u003c`, `\u003e`, `\u0026`, so the text can never
/// end its `<script>` element. (JSONSerialization costs ~100 µs a page here.)
package enum JSONText {
    /// A JSON string literal.
    package static func string(_ value: String) -> String {
        var out: [UInt8] = []
        append(value, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `value` as a JSON string literal.
    static func append(_ value: String, to out: inout [UInt8]) {
        out.append(0x22)
        var value = value
        value.withUTF8 { bytes in
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
        }
        out.append(0x22)
    }

    /// `\uXXXX`, lowercase hex.
    private static func unicodeEscape(_ value: UInt32) -> [UInt8] {
        let hex = Array(String(value, radix: 16).utf8)
        return Array("\\u".utf8) + Array(repeating: UInt8(ascii: "0"), count: 4 - hex.count) + hex
    }

    /// A JSON object from already-encoded values, keys in the order given.
    package static func object(_ fields: [(String, String)]) -> String {
        "{" + fields.map { string($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"
    }
}

/// JSON written into one byte buffer, compact (no spaces), strings escaped as
/// ``JSONText/string(_:)`` does.
package struct JSONWriter {
    private(set) var bytes: [UInt8] = []
    /// Per open object or array: whether a member was written (the next needs a comma).
    private var hasMembers: [Bool] = []
    /// A key was just written: its value follows without a comma.
    private var afterKey = false

    package init(capacity: Int = 512) {
        bytes.reserveCapacity(capacity)
    }

    package var text: String { String(decoding: bytes, as: UTF8.self) }

    package mutating func beginObject() { open(UInt8(ascii: "{")) }
    package mutating func endObject() { close(UInt8(ascii: "}")) }
    package mutating func beginArray() { open(UInt8(ascii: "[")) }
    package mutating func endArray() { close(UInt8(ascii: "]")) }

    /// A member's key; its value follows.
    package mutating func key(_ name: String) {
        beginValue()
        JSONText.append(name, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        afterKey = true
    }

    /// A string value (an array element, or after ``key(_:)``).
    package mutating func string(_ value: String) {
        beginValue()
        JSONText.append(value, to: &bytes)
    }

    /// `"name":"value"`.
    package mutating func field(_ name: String, _ value: String) {
        key(name)
        string(value)
    }

    private mutating func beginValue() {
        if afterKey {
            afterKey = false
        } else if let last = hasMembers.last {
            if last { bytes.append(UInt8(ascii: ",")) }
            hasMembers[hasMembers.count - 1] = true
        }
    }

    private mutating func open(_ bracket: UInt8) {
        beginValue()
        bytes.append(bracket)
        hasMembers.append(false)
    }

    private mutating func close(_ bracket: UInt8) {
        hasMembers.removeLast()
        bytes.append(bracket)
    }
}
