/// The ways the site is browsed.
public enum TaxonomyKind: String, Sendable, CaseIterable {
    case movement, district, award, year, kind

    /// URL segment of the taxonomy (`/phong-trao/`, …).
    public var path: String {
        switch self {
        case .movement: return "phong-trao"
        case .district: return "dia-ban"
        case .award: return "khen-thuong"
        case .year: return "nam"
        case .kind: return "doi-tuong"
        }
    }

    /// Page title of the taxonomy's index.
    public var title: String {
        switch self {
        case .movement: return "Phong trào thi đua"
        case .district: return "Địa bàn"
        case .award: return "Hình thức khen thưởng"
        case .year: return "Năm khen thưởng"
        case .kind: return "Đối tượng"
        }
    }

    /// Singular noun for one term ("Phong trào", …).
    public var termNoun: String {
        switch self {
        case .movement: return "Phong trào"
        case .district: return "Địa bàn"
        case .award: return "Hình thức khen thưởng"
        case .year: return "Năm"
        case .kind: return "Đối tượng"
        }
    }
}
