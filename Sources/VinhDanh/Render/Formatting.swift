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
}
