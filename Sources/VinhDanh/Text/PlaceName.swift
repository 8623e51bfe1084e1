import Foundation

/// A written name of an administrative unit ("Xã Cao Xá", "TT. Chũ", "Phường Hoàng Văn
/// Thụ"), read so that two spellings of one unit compare equal: the type word apart, case
/// ignored, and where the tone mark sits ignored ("Hiệp Hoà" is "Hiệp Hòa", as official
/// lists still write the old placement), but the diacritics kept: "Đồng Sơn" is not
/// "Đông Sơn". ``folded`` drops them too, for a weaker match.
public struct PlaceName: Sendable, Hashable {
    /// The unit's type, when the name says it.
    public enum UnitType: String, Sendable, CaseIterable {
        case commune = "xã", ward = "phường", townlet = "thị trấn"
    }

    /// The type written before the name, if any.
    public let type: UnitType?
    /// The name without its type: lowercased, each word's tone mark moved to its end.
    public let exact: String
    /// ``exact`` without diacritics, spaces or punctuation.
    public let folded: String

    /// Reads `written`.
    public init(_ written: String) {
        var words = written.split(whereSeparator: \.isWhitespace).map(String.init)
        var type: UnitType?
        let first = words.first.map { Folding.compact($0) } ?? ""
        let second = words.count > 1 ? Folding.compact(words[1]) : ""
        if words.count > 1 && (first == "xa" || first == "x") {
            type = .commune
            words.removeFirst()
        } else if words.count > 1 && (first == "phuong" || first == "p") {
            type = .ward
            words.removeFirst()
        } else if words.count > 2 && first == "thi" && second == "tran" {
            type = .townlet
            words.removeFirst(2)
        } else if words.count > 1 && first == "tt" {
            type = .townlet
            words.removeFirst()
        }
        self.type = type
        exact = words.map(Self.toneLast).joined(separator: " ")
        folded = Folding.compact(exact)
    }

    /// How closely `other` names the same unit: 3 same type and spelling, 2 same
    /// spelling (a type differs or is missing), 1 same letters without diacritics, 0 not
    /// the same.
    public func match(_ other: PlaceName) -> Int {
        if exact == other.exact { return type == other.type ? 3 : 2 }
        return folded == other.folded && !folded.isEmpty ? 1 : 0
    }

    /// Tone marks, which Vietnamese writes on one vowel of a syllable or another.
    private static let tones: Set<UInt32> = [0x300, 0x301, 0x303, 0x309, 0x323]

    /// `word` lowercased and decomposed, its tone mark moved to the end.
    private static func toneLast(_ word: String) -> String {
        var letters = String.UnicodeScalarView(), tone = String.UnicodeScalarView()
        for scalar in word.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
            if tones.contains(scalar.value) { tone.append(scalar) } else { letters.append(scalar) }
        }
        letters.append(contentsOf: tone)
        return String(letters)
    }
}
