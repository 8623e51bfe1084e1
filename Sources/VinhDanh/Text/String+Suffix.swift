extension String {
    /// The string without `suffix`, or the string itself when it does not end with it
    /// (a file's name without its extension: `an.md` → `an`).
    package func replacingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
    }
}
