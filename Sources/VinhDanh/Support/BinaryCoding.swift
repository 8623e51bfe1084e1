/// A compact byte encoding for the build cache: whole numbers as LEB128 varints (signed
/// ones zigzagged), texts as a length and their UTF-8 bytes, optionals behind a flag.
package struct BinaryWriter {
    private(set) var bytes: [UInt8] = []

    package mutating func add(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(value & 0x7F) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    package mutating func add(_ value: Int) {
        add(UInt64(bitPattern: Int64((value << 1) ^ (value >> 63))))
    }

    package mutating func add(_ text: String) {
        let utf8 = text.utf8
        add(utf8.count)
        bytes.append(contentsOf: utf8)
    }

    package mutating func add(_ text: String?) {
        add(text == nil ? 0 : 1)
        if let text { add(text) }
    }

    package mutating func add(_ hash: ContentHash) {
        add(hash.high)
        add(hash.low)
    }
}

/// Reads what ``BinaryWriter`` wrote; every read fails (`nil`) past the end or on a
/// malformed value, so damaged bytes are never taken for data.
package struct BinaryReader {
    private let bytes: [UInt8]
    private var offset = 0

    package init(_ bytes: [UInt8]) { self.bytes = bytes }

    package var atEnd: Bool { offset == bytes.count }

    package mutating func unsigned() -> UInt64? {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while offset < bytes.count, shift < 64 {
            let byte = bytes[offset]
            offset += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
        return nil
    }

    package mutating func int() -> Int? {
        guard let raw = unsigned() else { return nil }
        return Int(Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1))
    }

    package mutating func text() -> String? {
        guard let count = int(), count >= 0, count <= bytes.count - offset else { return nil }
        defer { offset += count }
        return String(decoding: bytes[offset..<(offset + count)], as: UTF8.self)
    }

    /// An optional text: `.some(nil)` when absent, `nil` when malformed.
    package mutating func optionalText() -> String?? {
        switch int() {
        case 0?: return .some(nil)
        case 1?: return text().map { .some($0) }
        default: return nil
        }
    }

    package mutating func hash() -> ContentHash? {
        guard let high = unsigned(), let low = unsigned() else { return nil }
        return ContentHash(high: high, low: low)
    }
}

/// A cache file read whole or not at all: a magic line, the body, and the body's hash,
/// so a truncated, damaged or foreign file is recognised and ignored.
package enum ChecksummedFile {
    /// The file's bytes: `magic` and `body`, then their hash.
    package static func encode(magic: String, _ body: (inout BinaryWriter) -> Void) -> [UInt8] {
        var writer = BinaryWriter()
        writer.add(magic)
        body(&writer)
        var bytes = writer.bytes
        bytes += Array(ContentHash(bytes).hex.utf8)
        return bytes
    }

    /// A reader past the magic line, if `bytes` are a whole file of this `magic`.
    package static func decode(_ bytes: [UInt8], magic: String) -> BinaryReader? {
        guard bytes.count > 32 else { return nil }
        let body = Array(bytes.dropLast(32))
        guard ContentHash(body).hex == String(decoding: bytes.suffix(32), as: UTF8.self) else { return nil }
        var reader = BinaryReader(body)
        return reader.text() == magic ? reader : nil
    }
}

extension ChecksummedFile {
    /// The entries, by path, of the cache file at `path` if it is whole, of `magic` and
    /// made for `key`; `entry` reads one entry (`nil` when malformed).
    package static func readEntries<Entry>(_ path: String, magic: String, key: ContentHash,
                                           _ entry: (inout BinaryReader) -> Entry?) -> [String: Entry]? {
        guard let bytes = try? FileIO.read(path), var r = decode(bytes, magic: magic), r.hash() == key,
              let count = r.int(), count >= 0 else { return nil }
        var entries: [String: Entry] = [:]
        entries.reserveCapacity(count)
        for _ in 0..<count {
            guard let file = r.text(), let value = entry(&r) else { return nil }
            entries[file] = value
        }
        return r.atEnd ? entries : nil
    }

    /// Writes `entries`, by path, as a cache file of `magic` for `key` at `path`
    /// (atomically, its folder made if needed); `add` writes one entry.
    package static func writeEntries<Entry>(_ entries: [String: Entry], to path: String, magic: String, key: ContentHash,
                                            _ add: (Entry, inout BinaryWriter) -> Void) throws(FileError) {
        let bytes = encode(magic: magic) { w in
            w.add(key)
            w.add(entries.count)
            for (file, entry) in entries {
                w.add(file)
                add(entry, &w)
            }
        }
        try FileIO.makeDirectories(String(path[..<(path.lastIndex(of: "/") ?? path.endIndex)]))
        try SafeFile.replace(path, bytes)
    }
}
