/// Editorial warnings for `vinhdanh check`: things that build fine but read badly or
/// share badly (no summary, a summary too long for a Zalo/Facebook card, an empty body,
/// a profile in no movement, a link to a page the site does not have).
public enum ContentLint {
    /// Longest summary a sharing card shows whole.
    public static let summaryLimit = 200

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
            return warnings(for: site.profiles[i], existing: pages) + (followed ? [] : commune(of: site.profiles[i], site.vocabularies))
        }
        return perProfile.flatMap { $0 }
    }

    /// The warnings of one profile.
    static func warnings(for profile: Profile, existing pages: Set<String>) -> [Diagnostic] {
        var found: [Diagnostic] = []
        let file = profile.path
        let summary = profile.summary ?? ""
        if summary.isEmpty {
            found.append(Diagnostic(file: file, severity: .warning, code: .noSummary,
                                    message: "hồ sơ chưa có tóm tắt (`summary`)",
                                    suggestion: "thêm một câu tóm tắt thành tích: nó hiện trong danh sách và khi chia sẻ lên Zalo, Facebook"))
        } else if summary.count > summaryLimit {
            found.append(Diagnostic(file: file, line: profile.summaryLine, severity: .warning, code: .longSummary,
                                    message: "tóm tắt dài \(summary.count) ký tự, quá \(summaryLimit) ký tự mà thẻ chia sẻ hiển thị",
                                    suggestion: "rút gọn còn một hai câu; phần chi tiết đưa xuống thân bài"))
        }
        if profile.body.allSatisfy(\.isWhitespace) {
            found.append(Diagnostic(file: file, line: profile.bodyLine, severity: .warning, code: .emptyBody,
                                    message: "hồ sơ chưa có nội dung (phần sau dòng --- thứ hai trống)",
                                    suggestion: "viết vài đoạn về thành tích, có thể dùng tiêu đề ## và danh sách"))
        }
        if profile.movements.isEmpty {
            found.append(Diagnostic(file: file, line: profile.movementsLine, severity: .warning, code: .noMovement,
                                    message: "hồ sơ không thuộc phong trào thi đua nào (`movements`)",
                                    suggestion: "thêm ví dụ `movements: [nong-thon-moi]`; xem content/vocab/movements.yaml"))
        }
        found += brokenLinks(in: profile, existing: pages)
        return found
    }

    /// A warning when the profile's `commune` cannot be followed, through the changes
    /// since its first award, to a commune of today (``PlaceHistory``).
    static func commune(of profile: Profile, _ vocabularies: Vocabularies) -> [Diagnostic] {
        let places = vocabularies.places
        // A profile filed under a commune of today was found when it was read.
        guard let written = profile.commune, !places.communes.isEmpty, vocabularies.districts.entries.indices.contains(profile.district),
              vocabularies.commune(ofEntry: profile.district) == nil else { return [] }
        let district = vocabularies.districts.entries[profile.district]
        let date = profile.communeDate, year = date.year
        switch places.resolve(written, district: profile.district, on: date) {
        case .commune: return []
        case .dissolved(let change):
            return [Diagnostic(file: profile.path, line: profile.communeLine, severity: .warning, code: .unresolvedCommune,
                               message: "\(written) (\(district.name)) không còn từ \(change.date.vietnamese) (\(change.source)) và chưa rõ nay thuộc xã, phường nào",
                               suggestion: "khi biết đơn vị tiếp nhận, ghi `to:` cho thay đổi ở \(change.file):\(change.line)")]
        case .ended(let change):
            let after = change.to.map { "thành \($0)" } ?? "đơn vị khác"
            return [Diagnostic(file: profile.path, line: profile.communeLine, severity: .warning, code: .unresolvedCommune,
                               message: "\(written) (\(district.name)) đã sắp xếp \(after) từ \(change.date.vietnamese) (\(change.source)), trước khen thưởng năm \(year) của hồ sơ",
                               suggestion: change.to.map { "ghi `commune: \($0)`" } ?? "ghi tên xã, phường, thị trấn lúc khen thưởng")]
        case .notFound(let nearest):
            let hint = nearest.isEmpty ? "xem các xã cũ trong content/vocab/communes.yaml (formed_from) và commune-changes.yaml"
                : "có phải ý bạn là: \(nearest.joined(separator: ", "))?"
            return [Diagnostic(file: profile.path, line: profile.communeLine, severity: .warning, code: .unresolvedCommune,
                               message: "không tìm thấy “\(written)” trong các xã, phường, thị trấn của \(district.name) từ năm \(year)",
                               suggestion: hint)]
        }
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
