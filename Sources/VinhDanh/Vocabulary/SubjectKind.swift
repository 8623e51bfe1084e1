import VinhDanhConfig
import VinhDanhText

/// Who a profile honours: a person, a collective or a household.
public enum SubjectKind: String, Sendable, CaseIterable, Codable {
    case individual
    case collective
    case household

    /// URL segment under `/doi-tuong/`.
    public var key: String {
        switch self {
        case .individual: return "ca-nhan"
        case .collective: return "tap-the"
        case .household: return "ho-gia-dinh"
        }
    }

    /// Vietnamese label for editors' messages (pages use ``SiteStrings/label(of:)``).
    public var label: String {
        switch self {
        case .individual: return "Cá nhân"
        case .collective: return "Tập thể"
        case .household: return "Hộ gia đình"
        }
    }

    /// Reads what an editor wrote: English keys or Vietnamese labels, any case, with or
    /// without diacritics (`cá nhân`, `CA NHAN`, `individual`, `ca-nhan`).
    public init?(text: String) {
        switch Folding.compact(text) {
        case "individual", "canhan", "person": self = .individual
        case "collective", "tapthe", "organization", "organisation": self = .collective
        case "household", "hogiadinh", "giadinh", "family": self = .household
        default: return nil
        }
    }
}

extension SiteStrings {
    /// A kind's name as pages show it ("Cá nhân", …).
    public func label(of kind: SubjectKind) -> String {
        switch kind {
        case .individual: return self[.individual]
        case .collective: return self[.collective]
        case .household: return self[.household]
        }
    }
}
