/// One `{{…}}` tag of a template's text: its sigil (`#`, `^`, `/`, `$`, `<`, `>`, `&`, `{`
/// or none), its name, and where it starts. The one scanner of templates' tags (for
/// ``Theme``'s includes and lookups and ``TemplateCheck``): swift-mustache keeps its
/// tokens internal. Comments, pragmas and delimiter changes are left out; a tag may span
/// lines; after a `{{=<% %>=}}` delimiter change the tags are not followed.
struct TemplateTag {
    var sigil: Character?
    var name: String
    var line: Int
    var column: Int

    /// The tags of `text`, in order.
    static func scan(_ text: String) -> [TemplateTag] {
        var found: [TemplateTag] = []
        var line = 1, column = 1
        var chars = Array(text)[...]
        func advance(over part: ArraySlice<Character>) {
            for c in part {
                if c == "\n" { line += 1; column = 1 } else { column += 1 }
            }
        }
        while let open = chars.indices.first(where: { chars[$0] == "{" && $0 + 1 < chars.endIndex && chars[$0 + 1] == "{" }) {
            advance(over: chars[chars.startIndex..<open])
            let at = (line, column)
            var end = open + 2
            while end + 1 < chars.endIndex, !(chars[end] == "}" && chars[end + 1] == "}") { end += 1 }
            guard end + 1 < chars.endIndex else { break }
            var close = end + 2
            if close < chars.endIndex, chars[close] == "}" { close += 1 }  // `{{{x}}}`
            var tag = String(chars[(open + 2)..<end]).trimmingCharacters(in: .whitespacesAndNewlines)
            advance(over: chars[open..<close])
            chars = chars[close...]
            guard let first = tag.first, !"!%=".contains(first) else { continue }
            var sigil: Character?
            if "#^/$<>&{".contains(first) {
                sigil = first
                tag = String(tag.dropFirst()).trimmingCharacters(in: .whitespacesAndNewlines)
            }
            if !tag.isEmpty { found.append(TemplateTag(sigil: sigil, name: tag, line: at.0, column: at.1)) }
        }
        return found
    }
}
