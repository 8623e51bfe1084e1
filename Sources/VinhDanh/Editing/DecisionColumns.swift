import VinhDanhText
import VinhDanhVocabulary

/// The columns of a decision's list, recognised by Vietnamese header or front-matter
/// field name, ignoring case, diacritics and spacing.
public enum DecisionColumn: String, Sendable, CaseIterable {
    case title, kind, position, unit, commune, district, award, year, decision, movement, slug, ethnicity, summary

    /// Folded headers that name each column.
    static let headers: [String: DecisionColumn] = {
        var map: [String: DecisionColumn] = [:]
        let names: [DecisionColumn: [String]] = [
            .title: ["Họ và tên", "Họ tên", "Tên tập thể", "Tên hộ gia đình", "Tên", "Tên cá nhân, tập thể", "title"],
            .kind: ["Loại", "Loại đối tượng", "Đối tượng", "kind"],
            .position: ["Chức vụ", "position"],
            .unit: ["Đơn vị", "Đơn vị công tác", "Cơ quan", "unit"],
            .commune: ["Xã/Phường", "Xã, phường", "Xã/Phường/Thị trấn", "Xã", "commune"],
            .district: ["Huyện", "Huyện/Thị xã/Thành phố", "Địa bàn", "district"],
            .award: ["Hình thức khen thưởng", "Hình thức", "Khen thưởng", "type", "award"],
            .year: ["Năm", "Năm khen thưởng", "year"],
            .decision: ["Số quyết định", "Quyết định", "decision"],
            .movement: ["Phong trào", "Phong trào thi đua", "movements", "movement"],
            .slug: ["slug", "Địa chỉ"],
            .ethnicity: ["Dân tộc", "ethnicity"],
            .summary: ["Tóm tắt", "Tóm tắt thành tích", "summary"],
        ]
        for (column, headers) in names {
            for header in headers { map[Folding.compact(header)] = column }
        }
        return map
    }()

    /// The column a header names, or `nil`.
    public init?(header: String) {
        guard let column = Self.headers[Folding.compact(header)] else { return nil }
        self = column
    }

    /// Headers that imply a kind when there is no `Loại` column.
    static func impliedKind(_ header: String) -> SubjectKind? {
        switch Folding.compact(header) {
        case "tentapthe": return .collective
        case "tenhogiadinh": return .household
        case "hovaten", "hoten": return .individual
        default: return nil
        }
    }
}
