import CVinhDanhSys

/// Vietnamese collation by ICU's `vi` rules (`a ă â b c d đ e ê …`, tones as secondary
/// differences), through Debian's libicu.
///
/// Foundation's `compare(_:locale:)` is not used: on Linux it is not even antisymmetric
/// for Vietnamese ("Hoàng" = "Hồng" one way, "Hồng" > "Hoàng" the other), so sorts with it
/// depend on input order. ICU sort keys are compared as bytes, which is also far cheaper
/// than a locale comparison per pair.
public struct VietnameseCollator: Sendable {
    /// Creates a collator for Vietnamese.
    public init() {}

    /// The ICU sort key of `text`: comparing keys bytewise is comparing the texts.
    public func sortKey(_ text: String) -> [UInt8] {
        var utf8 = Array(text.utf8)
        utf8.append(0)
        var key = [UInt8](repeating: 0, count: 64 + utf8.count * 3)
        while true {
            let capacity = Int32(key.count)
            let length = utf8.withUnsafeBufferPointer { source in
                key.withUnsafeMutableBufferPointer { out in
                    source.withMemoryRebound(to: CChar.self) { chars in
                        vinhdanh_vi_sort_key(chars.baseAddress, Int32(chars.count - 1), out.baseAddress, capacity)
                    }
                }
            }
            // ICU unavailable: fall back to code-point order rather than failing a build.
            if length < 0 { return Array(text.utf8) }
            if length <= capacity {
                key.removeSubrange(Int(length)...)
                return key
            }
            key = [UInt8](repeating: 0, count: Int(length))
        }
    }

    /// Whether `lhs` sorts strictly before `rhs`.
    public func less(_ lhs: String, _ rhs: String) -> Bool {
        sortKey(lhs).lexicographicallyPrecedes(sortKey(rhs))
    }

    /// Whether two texts collate as equal.
    public func equal(_ lhs: String, _ rhs: String) -> Bool {
        sortKey(lhs) == sortKey(rhs)
    }
}
