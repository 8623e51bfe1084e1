import CVinhDanhSys

/// A 128-bit XXH3 hash of a file's bytes. The output manifest records one per file, so a
/// build can tell whether a file changed without reading it back from disk.
struct ContentHash: Hashable, Sendable {
    let high: UInt64
    let low: UInt64

    init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    /// The hash of `bytes`.
    init(_ bytes: [UInt8]) {
        var words: [UInt64] = [0, 0]
        bytes.withUnsafeBytes { raw in
            words.withUnsafeMutableBufferPointer { out in
                if let base = out.baseAddress { vinhdanh_hash128(raw.baseAddress, raw.count, base) }
            }
        }
        self.init(high: words[0], low: words[1])
    }

    /// 32 lowercase hex digits.
    var hex: String {
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
