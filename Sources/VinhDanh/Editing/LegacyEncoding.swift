import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Text in Windows-1258, which Excel on Vietnamese Windows writes for "CSV". Foundation on
/// Linux has no such encoding; glibc's iconv does.
enum LegacyEncoding {
    /// Decodes Windows-1258 bytes to NFC text, or `nil` when iconv cannot.
    ///
    /// Windows-1258 spells many letters as a base letter plus a combining tone mark, and
    /// iconv holds the last letter back until it is flushed (a call with no input); without
    /// the flush "Việt" comes out as "Việ".
    static func decodeWindows1258(_ bytes: [UInt8]) -> String? {
        let converter = iconv_open("UTF-8", "WINDOWS-1258")
        guard converter != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(converter) }
        var output = [UInt8](repeating: 0, count: bytes.count * 4 + 16)
        var input = bytes
        let written: Int? = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer = UnsafeMutableRawPointer(inBuffer.baseAddress)?.assumingMemoryBound(to: CChar.self)
                var inLeft = inBuffer.count
                var outPointer = UnsafeMutableRawPointer(outBuffer.baseAddress)?.assumingMemoryBound(to: CChar.self)
                var outLeft = outBuffer.count
                if iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft) == -1 { return nil }
                if iconv(converter, nil, nil, &outPointer, &outLeft) == -1 { return nil }
                return outBuffer.count - outLeft
            }
        }
        guard let written else { return nil }
        return String(decoding: output[..<written], as: UTF8.self).precomposedStringWithCanonicalMapping
    }
}
