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
            } else if let range = ranges.firstIndex(where: { $0.contains(value) }) {
                out.append(contentsOf: tables[range][Int(value - ranges[range].lowerBound)].unicodeScalars)
            } else {
                return nil
            }
        }
        return String(out)
    }

    /// Latin-1 Supplement and Latin Extended-A/B, Latin Extended Additional (the
    /// precomposed Vietnamese letters ạ…ỹ).
    private static let ranges: [ClosedRange<UInt32>] = [0x80...0x24F, 0x1E00...0x1EFF]

    private static let tables: [[String]] = ranges.map { range in
        range.map { value in
            guard let scalar = Unicode.Scalar(value) else { return "" }
            return String(scalar).folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
        }
    }
}

private extension Unicode.Scalar {
    var lowercasedASCII: Unicode.Scalar {
        (0x41...0x5A).contains(value) ? Unicode.Scalar(UInt8(value + 32)) : self
    }
}
