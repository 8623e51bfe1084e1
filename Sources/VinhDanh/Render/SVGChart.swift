/// Horizontal bar charts drawn at build time as inline SVG: no JavaScript, a few hundred
/// bytes a bar. The table next to each chart carries the same numbers for screen readers,
/// so the SVG is hidden from them.
enum SVGChart {
    /// One bar.
    struct Bar {
        var label: String
        var value: Double
        /// Text shown at the end of the bar.
        var valueText: String
    }

    static let width = 640.0
    static let rowHeight = 34.0

    /// A chart of `bars`, each labelled above its bar, scaled to the largest value (or to
    /// `maximum` when given, e.g. 100 for percentages).
    static func bars(_ bars: [Bar], maximum: Double? = nil) -> String {
        let top = max(maximum ?? bars.map(\.value).max() ?? 1, 1)
        let height = Double(bars.count) * rowHeight + 4
        let barSpace = width - 90
        var svg = "<svg class=\"chart\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" width=\"100%\" role=\"presentation\" aria-hidden=\"true\" focusable=\"false\" xmlns=\"http://www.w3.org/2000/svg\">"
        for (i, bar) in bars.enumerated() {
            let y = Double(i) * rowHeight
            let length = max(bar.value > 0 ? 1 : 0, (bar.value / top * barSpace).rounded())
            svg += "<text x=\"0\" y=\"\(format(y + 11))\" font-size=\"12\">\(HTMLEscaping.escape(bar.label))</text>"
            svg += "<rect x=\"0\" y=\"\(format(y + 15))\" width=\"\(format(length))\" height=\"14\" fill=\"#a3120d\"/>"
            svg += "<text x=\"\(format(length + 6))\" y=\"\(format(y + 27))\" font-size=\"12\">\(HTMLEscaping.escape(bar.valueText))</text>"
        }
        return svg + "</svg>"
    }

    private static func format(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value))" : String(value)
    }
}
