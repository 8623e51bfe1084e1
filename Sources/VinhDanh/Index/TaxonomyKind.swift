import VinhDanhConfig

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
}

extension SiteStrings {
    /// Page title of a taxonomy's index ("Phong trào thi đua", …).
    public func title(of kind: TaxonomyKind) -> String { self[Self.keys(of: kind).title] }

    /// Noun for one of a taxonomy's terms ("Phong trào", …).
    public func noun(of kind: TaxonomyKind) -> String { self[Self.keys(of: kind).noun] }

    private static func keys(of kind: TaxonomyKind) -> (title: Key, noun: Key) {
        switch kind {
        case .movement: return (.movementTitle, .movementNoun)
        case .district: return (.districtTitle, .districtNoun)
        case .award: return (.awardTitle, .awardNoun)
        case .year: return (.yearTitle, .yearNoun)
        case .kind: return (.kindTitle, .kindNoun)
        }
    }
}
