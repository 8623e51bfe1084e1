import Foundation

/// Vietnamese collation (ICU's `vi` rules through Foundation): `a ă â b c d đ e ê …`, tones
/// as secondary differences. Pass the locale explicitly: the process locale is not `vi`.
public struct VietnameseCollator: Sendable {
    private let locale = Locale(identifier: "vi")

    /// Creates a collator for Vietnamese.
    public init() {}

    /// Compares two strings in Vietnamese order.
    public func compare(_ lhs: String, _ rhs: String) -> ComparisonResult {
        lhs.compare(rhs, options: [], range: nil, locale: locale)
    }

    /// Whether `lhs` sorts strictly before `rhs`.
    public func less(_ lhs: String, _ rhs: String) -> Bool {
        compare(lhs, rhs) == .orderedAscending
    }
}
