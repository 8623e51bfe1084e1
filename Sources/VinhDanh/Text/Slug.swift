/// URL slugs: ASCII, lowercase, words joined by hyphens (`Nguyễn Đức Thắng` →
/// `nguyen-duc-thang`).
public enum Slug {
    /// Slugifies `text`: folds diacritics and `đ`, keeps ASCII letters and digits, joins the
    /// rest with single hyphens.
    public static func make(_ text: String) -> String {
        var out = ""
        var pendingHyphen = false
        for scalar in Folding.fold(text).unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                if pendingHyphen && !out.isEmpty { out.append("-") }
                pendingHyphen = false
                out.unicodeScalars.append(scalar)
            } else {
                pendingHyphen = true
            }
        }
        return out
    }

    /// Whether `text` is already a valid slug (what `make` would return unchanged).
    public static func isValid(_ text: String) -> Bool {
        !text.isEmpty && make(text) == text
    }
}
