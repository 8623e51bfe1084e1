/// Numbers as Vietnamese readers write them.
public enum Formatting {
    /// `35000` → `35.000` (Vietnamese thousands separator).
    public static func count(_ value: Int) -> String {
        let digits = Array(String(abs(value)))
        var out = ""
        for (i, digit) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(".") }
            out.append(digit)
        }
        return (value < 0 ? "-" : "") + out
    }

    /// A size as Vietnamese readers write it: `812 B`, `34,5 kB`, `440,2 MB` (powers of 1000).
    public static func bytes(_ value: Int) -> String {
        let units = ["B", "kB", "MB", "GB", "TB"]
        var unit = 0
        var scaled = Double(value)
        while scaled >= 1000 && unit < units.count - 1 { scaled /= 1000; unit += 1 }
        if unit == 0 { return "\(value) B" }
        let tenths = Int((scaled * 10).rounded())
        return "\(Self.count(tenths / 10)),\(tenths % 10) \(units[unit])"
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
