/// Numbers as Vietnamese readers write them.
enum Formatting {
    /// `35000` → `35.000` (Vietnamese thousands separator).
    static func count(_ value: Int) -> String {
        let digits = Array(String(abs(value)))
        var out = ""
        for (i, digit) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(".") }
            out.append(digit)
        }
        return (value < 0 ? "-" : "") + out
    }

    /// `part` of `whole` as a Vietnamese percentage with one decimal: `84,6%`.
    static func percent(_ part: Int, of whole: Int) -> String {
        guard whole > 0 else { return "–" }
        let tenths = (part * 1000 + whole / 2) / whole
        return "\(tenths / 10),\(tenths % 10)%"
    }

    /// The same share as a number for machines (`84.6`).
    static func percentValue(_ part: Int, of whole: Int) -> Double {
        guard whole > 0 else { return 0 }
        return Double((part * 1000 + whole / 2) / whole) / 10
    }
}
