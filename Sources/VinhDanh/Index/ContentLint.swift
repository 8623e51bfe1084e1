import VinhDanhContent
import VinhDanhSupport

/// Editorial warnings for `vinhdanh check`: things that build fine but read badly or
/// share badly. Each profile's own (``ProfileLint``: no summary, an empty body, no
/// movement, a commune that cannot be followed) and, here, a link to a page the site does
/// not have. That one needs the index, which knows the terms and pages a build makes, so
/// this lives in the Index stage.
public enum ContentLint {
    /// First path segments whose pages the build makes, so links to them can be checked.
    static let checkedSections: Set<String> = Set(["ho-so"] + TaxonomyKind.allCases.map(\.path))

    /// Warnings for every profile of `site`, whose indexes are `index`.
    public static func warnings(site: Site, index: SiteIndex) -> [Diagnostic] {
        let pages = existingPaths(site: site, index: index)
        // The index has followed every commune already: only those it could not are
        // followed again, for the reason.
        let today = index.todayCommunes
        let perProfile = Parallel.map(site.profiles.count) { i in
            let followed = i < today.count && today[i] != nil
            return ProfileLint.warnings(for: site.profiles[i]) + brokenLinks(in: site.profiles[i], existing: pages)
                + (followed ? [] : ProfileLint.commune(of: site.profiles[i], site.vocabularies))
        }
        return perProfile.flatMap { $0 }
    }

    /// Site paths (without the base path) of every page a build writes in the checked sections.
    static func existingPaths(site: Site, index: SiteIndex) -> Set<String> {
        var paths = Set(site.profiles.map { "/ho-so/\($0.slug)/" })
        for taxonomy in index.taxonomies {
            paths.insert("/\(taxonomy.kind.path)/")
            for term in taxonomy.terms {
                let pages = max(1, (term.profiles.count + site.config.pagination - 1) / site.config.pagination)
                paths.insert("/\(taxonomy.kind.path)/\(term.key)/")
                for page in stride(from: 2, through: pages, by: 1) {
                    paths.insert("/\(taxonomy.kind.path)/\(term.key)/trang/\(page)/")
                }
            }
        }
        return paths
    }

    /// Root-relative Markdown links `](/…)` in the body to checked sections that do not
    /// exist. Scans bytes: this runs over every body of a 35,000-profile site on each check.
    static func brokenLinks(in profile: Profile, existing: Set<String>) -> [Diagnostic] {
        let bytes = Array(profile.body.utf8)
        let bracket = UInt8(ascii: "]"), open = UInt8(ascii: "("), slash = UInt8(ascii: "/"), newline = UInt8(ascii: "\n")
        let stops: Set<UInt8> = [UInt8(ascii: ")"), UInt8(ascii: " "), UInt8(ascii: "#"), UInt8(ascii: "?"), newline]
        var found: [Diagnostic] = []
        var line = 0, lineStart = 0
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            if byte == newline {
                line += 1
                lineStart = i + 1
            } else if byte == bracket, i + 2 < bytes.count, bytes[i + 1] == open, bytes[i + 2] == slash {
                var end = i + 2
                while end < bytes.count, !stops.contains(bytes[end]) { end += 1 }
                var path = String(decoding: bytes[(i + 2)..<end], as: UTF8.self)
                if let section = path.split(separator: "/").first, checkedSections.contains(String(section)) {
                    if !path.hasSuffix("/") { path += "/" }
                    if !existing.contains(path) {
                        let column = String(decoding: bytes[lineStart..<i], as: UTF8.self).count + 3
                        found.append(Diagnostic(file: profile.path, line: profile.bodyLine + line, column: column,
                                                severity: .warning, code: .brokenLink,
                                                message: "liên kết tới trang \(path) không có trên trang web",
                                                suggestion: "kiểm tra lại địa chỉ; hồ sơ có địa chỉ /ho-so/<tên-tệp>/"))
                    }
                }
                i = end
                continue
            }
            i += 1
        }
        return found
    }
}
