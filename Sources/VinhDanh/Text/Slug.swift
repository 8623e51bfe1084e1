/// URL slugs: ASCII, lowercase, words joined by hyphens (`Nguyễn Đức Thắng` →
/// `nguyen-duc-thang`).
public enum Slug {
    /// Slugifies `text`: folds diacritics and `đ`, keeps ASCII letters and digits, joins the
    /// rest with single hyphens.
    public static func make(_ text: String) -> String {
        // Folding leaves only ASCII for Vietnamese; any other character becomes a hyphen.
        makeASCII(text.isASCII ? text : Folding.fold(text))
    }

    /// Keeps ASCII letters (lowercased) and digits; every other byte separates words.
    private static func makeASCII(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pendingHyphen = false
        for var byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): byte += 32
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): break
            default:
                pendingHyphen = true
                continue
            }
            if pendingHyphen && !out.isEmpty { out.append(UInt8(ascii: "-")) }
            pendingHyphen = false
            out.append(byte)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether `text` is already a valid slug (what `make` would return unchanged).
    public static func isValid(_ text: String) -> Bool {
        !text.isEmpty && make(text) == text
    }
}
