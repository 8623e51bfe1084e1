import Foundation

/// Accent- and case-insensitive forms of Vietnamese text, used to match what editors type
/// against vocabulary names ("Luc Ngan", "LỤC NGẠN" and "Lục Ngạn" are one district).
public enum Folding {
    /// Lowercased, without diacritics, `đ` → `d`, runs of spaces collapsed to one.
    ///
    /// `Foundation`'s diacritic folding leaves `đ` alone (it is a letter, not a mark), so it
    /// is mapped by hand afterwards.
    public static func fold(_ text: String) -> String {
        if text.isASCII {
            // ASCII (keys, file names): lowercase and collapse spaces, no Foundation needed.
            return text.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).joined(separator: " ")
        }
        let folded = LatinFolding.fold(text)
            ?? text.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in folded.unicodeScalars {
            if scalar.isASCII ? (scalar == " " || (0x09...0x0D).contains(scalar.value)) : scalar.properties.isWhitespace {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace {
                out.append(" ")
                pendingSpace = false
            }
            switch scalar {
            case "đ", "Đ", "ð", "Ð": out.append("d")
            default:
                // Combining marks left over by unusual input (e.g. a stray U+0323).
                if (0x300...0x36F).contains(scalar.value) { continue }
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// The folded form with everything but letters and digits removed: the key used to
    /// compare names "ignoring case, diacritics and spacing" (`bac-giang` = `Bắc Giang`).
    public static func compact(_ text: String) -> String {
        // Vietnamese folds to ASCII: keep its letters and digits byte by byte, lowercased.
        let folded = text.isASCII ? text : fold(text)
        if folded.isASCII {
            let kept = folded.utf8.compactMap { byte -> UInt8? in
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): return byte
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): return byte + 32
                default: return nil
                }
            }
            return String(decoding: kept, as: UTF8.self)
        }
        var out = String.UnicodeScalarView()
        for scalar in folded.unicodeScalars where scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
            out.append(scalar)
        }
        return String(out)
    }
}

extension String {
    /// Whether every byte is ASCII: keys, file names and folded Vietnamese take the
    /// byte-level paths of ``Folding`` and ``Slug``.
    var isASCII: Bool { utf8.allSatisfy { $0 < 0x80 } }
}
