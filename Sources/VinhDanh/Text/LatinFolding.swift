import Foundation

/// Foundation's diacritic-, case- and width-insensitive folding, looked up in a table for
/// the Latin letters Vietnamese uses. Foundation folds through ICU and costs microseconds
/// a word; slugs, heading ids, search terms and vocabulary matching fold every name of a
/// 35,000-profile site. Each table entry is Foundation's own result for that character, so
/// the output is the same.
enum LatinFolding {
    /// Folded `text`, or `nil` when it holds a character outside the table (the caller
    /// then asks Foundation).
    static func fold(_ text: String) -> String? {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                out.append(Unicode.Scalar(UInt8(value)).lowercasedASCII)
            } else if (0x300...0x36F).contains(value) {
                continue    // a combining diacritic (NFD input): Foundation drops it with its letter
            } else if let folded = folded(value) {
                if folded.count == 1 { out.append(folded[0]) } else { out.append(contentsOf: folded) }
            } else {
                return nil
            }
        }
        return String(out)
    }

    /// Foundation's folding of one character of the table's ranges, `nil` outside them.
    private static func folded(_ value: UInt32) -> [Unicode.Scalar]? {
        if value >= 0x80 && value <= 0x24F { return latin[Int(value - 0x80)] }
        if value >= 0x1E00 && value <= 0x1EFF { return extendedAdditional[Int(value - 0x1E00)] }
        return nil
    }

    /// Latin-1 Supplement and Latin Extended-A/B (U+0080–U+024F: ă đ ơ ư …).
    private static let latin = table(0x80...0x24F)
    /// Latin Extended Additional (U+1E00–U+1EFF: the precomposed Vietnamese letters ạ…ỹ).
    private static let extendedAdditional = table(0x1E00...0x1EFF)

    private static func table(_ range: ClosedRange<UInt32>) -> [[Unicode.Scalar]] {
        range.map { value in
            guard let scalar = Unicode.Scalar(value) else { return [] }
            return Array(String(scalar).folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil).unicodeScalars)
        }
    }
}

private extension Unicode.Scalar {
    var lowercasedASCII: Unicode.Scalar {
        (0x41...0x5A).contains(value) ? Unicode.Scalar(UInt8(value + 32)) : self
    }
}
