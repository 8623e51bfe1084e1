/// A text file of lines that must be read whole or not at all (the build cache's files):
/// a header line, the lines, and an end line with their count and the hash of everything
/// before it, so a truncated, damaged or foreign file is recognised and ignored.
enum ChecksummedText {
    /// The file's bytes.
    static func encode(header: String, lines: [String]) -> [UInt8] {
        var bytes = Array((header + "\n").utf8)
        for line in lines { bytes += line.utf8; bytes.append(UInt8(ascii: "\n")) }
        bytes += Array("end \(lines.count) \(ContentHash(bytes).hex)\n".utf8)
        return bytes
    }

    /// The lines, if `bytes` are a whole file written by ``encode(header:lines:)`` with
    /// this `header`.
    static func decode(_ bytes: [UInt8], header: String) -> [Substring]? {
        guard bytes.last == UInt8(ascii: "\n"),
              let endStart = bytes.dropLast().lastIndex(of: UInt8(ascii: "\n")).map({ $0 + 1 }) else { return nil }
        let body = Array(bytes[..<endStart])
        let end = String(decoding: bytes[endStart..<(bytes.count - 1)], as: UTF8.self).split(separator: " ")
        guard end.count == 3, end[0] == "end", let count = Int(end[1]), ContentHash(hex: end[2]) == ContentHash(body) else { return nil }
        var lines = String(decoding: body, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first.map(String.init) == header, lines.last == "" else { return nil }
        lines.removeFirst()
        lines.removeLast()
        return lines.count == count ? Array(lines) : nil
    }
}
