import VinhDanhSupport
import VinhDanhVocabulary

/// Editorial warnings about one profile alone, for `vinhdanh check`: things that build
/// fine but read badly or share badly (no summary, a summary too long for a Zalo/Facebook
/// card, an empty body, a profile in no movement, a commune that cannot be followed to one
/// of today). ``ContentLint`` adds those that need the index.
package enum ProfileLint {
    /// Longest summary a sharing card shows whole.
    static let summaryLimit = 200

    /// The warnings of one profile.
    package static func warnings(for profile: Profile) -> [Diagnostic] {
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
        return found
    }

    /// A warning when the profile's `commune` cannot be followed, through the changes
    /// since its first award, to a commune of today (``PlaceHistory``).
    package static func commune(of profile: Profile, _ vocabularies: Vocabularies) -> [Diagnostic] {
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
}
