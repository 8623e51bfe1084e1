import CVinhDanhSys

/// A 128-bit XXH3 hash of a file's bytes. The output manifest records one per file, so a
/// build can tell whether a file changed without reading it back from disk.
public struct ContentHash: Hashable, Sendable {
    public let high: UInt64
    public let low: UInt64

    public init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    /// The hash of `bytes`.
    public init(_ bytes: [UInt8]) {
        self = bytes.withUnsafeBytes { Self.hash($0) }
    }

    /// The hash of a text's UTF-8 bytes.
    package init(text: String) {
        var text = text
        text.makeContiguousUTF8()
        self = text.utf8.withContiguousStorageIfAvailable { Self.hash(UnsafeRawBufferPointer($0)) } ?? ContentHash(Array(text.utf8))
    }

    private static func hash(_ bytes: UnsafeRawBufferPointer) -> ContentHash {
        var words: (UInt64, UInt64) = (0, 0)
        withUnsafeMutableBytes(of: &words) { out in
            if let base = out.baseAddress?.assumingMemoryBound(to: UInt64.self) {
                vinhdanh_hash128(bytes.baseAddress, bytes.count, base)
            }
        }
        return ContentHash(high: words.0, low: words.1)
    }

    /// 32 lowercase hex digits.
    public var hex: String {
        func digits(_ word: UInt64) -> String {
            let text = String(word, radix: 16)
            return String(repeating: "0", count: 16 - text.count) + text
        }
        return digits(high) + digits(low)
    }

    /// Reads ``hex``; `nil` for anything else.
    init?(hex: Substring) {
        guard hex.utf8.count == 32, let high = UInt64(hex.prefix(16), radix: 16),
              let low = UInt64(hex.suffix(16), radix: 16) else { return nil }
        self.init(high: high, low: low)
    }
}

/// Collects the values a page shows, to hash them into one ``ContentHash``: two pages
/// whose inputs hash alike render to the same bytes.
///
/// It can also note which items (profiles, by index) the values came from, so that a
/// caller learns which pages an edit of one item may change (see ``IncrementalBuild``).
package struct InputHasher {
    private var bytes: [UInt8] = []
    /// Whether ``note(_:)`` records.
    package var recording = false
    /// The items noted, when recording.
    package private(set) var noted: [Int32] = []
    /// Whether the values came from every item (``noteAll()``).
    package private(set) var notedAll = false

    /// Notes that the values added next come from item `index`.
    package mutating func note(_ index: Int) {
        if recording { noted.append(Int32(truncatingIfNeeded: index)) }
    }

    /// Notes that the values come from every item.
    package mutating func noteAll() {
        if recording { notedAll = true }
    }

    package init() { bytes.reserveCapacity(256) }

    package mutating func add(_ text: String) {
        bytes.append(contentsOf: text.utf8)
        bytes.append(0)
    }

    package mutating func add(_ text: String?) {
        if let text { add(text) } else { bytes.append(1) }
    }

    package mutating func add(_ number: Int) {
        withUnsafeBytes(of: number.littleEndian) { bytes.append(contentsOf: $0) }
    }

    package mutating func add(_ hash: ContentHash) {
        add(Int(truncatingIfNeeded: hash.high))
        add(Int(truncatingIfNeeded: hash.low))
    }

    /// The hash of everything added.
    package var hash: ContentHash { ContentHash(bytes) }
}
