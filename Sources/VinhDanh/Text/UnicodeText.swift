import Foundation

/// Turning bytes into the text every later stage works on.
public enum UnicodeText {
    /// The outcome of decoding a file.
    public enum Decoded: Sendable {
        /// Valid UTF-8: NFC text with the BOM removed and CRLF/CR turned into LF.
        case text(String)
        /// Not UTF-8: the 1-based line and column (in bytes) of the first bad byte.
        case invalid(line: Int, column: Int)
    }

    /// Decodes UTF-8 bytes strictly, drops a BOM, normalises line ends and NFC.
    ///
    /// Line numbers are kept: CRLF becomes LF and a lone CR becomes LF.
    public static func decode(_ bytes: [UInt8]) -> Decoded {
        var start = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
        let body = bytes[start...]
        // The standard library's validation is vectorised; the byte-by-byte scan below
        // runs only to find where a file goes wrong.
        guard var text = String(validating: body, as: UTF8.self) else {
            let bad = firstInvalidUTF8(body) ?? body.startIndex
            var line = 1
            var column = 1
            for byte in body[body.startIndex..<bad] {
                if byte == 0x0A { line += 1; column = 1 } else { column += 1 }
            }
            return .invalid(line: line, column: column)
        }
        if body.contains(0x0D) {
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        return .text(nfc(text))
    }

    /// NFC normalisation, skipped when the text is already NFC for certain.
    public static func nfc(_ text: String) -> String {
        if isCertainlyNFC(text) { return text }
        return text.precomposedStringWithCanonicalMapping
    }

    /// True when every scalar is one that is NFC on its own and composes with nothing:
    /// below U+0300 (Latin-1, Latin Extended-A/B: ă đ ơ ư …), Vietnamese precomposed
    /// letters (U+1E00–U+1EFF) and common punctuation (U+2010–U+205E). That is nearly
    /// all Vietnamese text, which then skips Foundation's costly normalisation.
    static func isCertainlyNFC(_ text: String) -> Bool {
        // Works on the (valid) UTF-8 bytes: lead bytes below 0xCC encode U+0000–U+02FF;
        // E1 B8–BB is U+1E00–U+1EFF; E2 80 90–BF and E2 81 80–9E are U+2010–U+205E.
        var text = text
        return text.withUTF8 { bytes in
            var i = 0
            let count = bytes.count
            while i < count {
                let byte = bytes[i]
                i += 1
                if byte < 0xCC { continue }  // ASCII, continuation bytes of 2-byte forms, U+0080–U+02FF
                if byte < 0xE0 || i + 1 >= count { return false }  // U+0300–U+07FF, or cut short
                let second = bytes[i], third = bytes[i + 1]
                i += 2
                switch (byte, second) {
                case (0xE1, 0xB8...0xBB): continue
                case (0xE2, 0x80) where third >= 0x90: continue
                case (0xE2, 0x81) where third <= 0x9E: continue
                default: return false
                }
            }
            return true
        }
    }

    /// Index of the first byte that breaks UTF-8 (overlongs, surrogates and truncation
    /// included), or `nil` when the bytes are valid.
    static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> Int? {
        var i = bytes.startIndex
        let end = bytes.endIndex
        while i < end {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let length: Int
            var minimum: UInt32
            var scalar: UInt32
            switch b {
            case 0xC2...0xDF: length = 2; minimum = 0x80; scalar = UInt32(b & 0x1F)
            case 0xE0...0xEF: length = 3; minimum = 0x800; scalar = UInt32(b & 0x0F)
            case 0xF0...0xF4: length = 4; minimum = 0x10000; scalar = UInt32(b & 0x07)
            default: return i
            }
            if i + length > end { return i }
            for k in 1..<length {
                let c = bytes[i + k]
                guard c & 0xC0 == 0x80 else { return i }
                scalar = (scalar << 6) | UInt32(c & 0x3F)
            }
            if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return i }
            i += length
        }
        return nil
    }
}
