import VinhDanhSupport
import Yams

/// The site's settings, from `content/site.yaml`.
public struct SiteConfig: Sendable {
    public var title: String
    public var description: String
    /// Absolute base URL, always ending in `/` (may carry a sub-path).
    public var baseURL: String
    public var language: String
    /// Profiles per list page.
    public var pagination: Int
    /// Default sharing image, relative to `content/`.
    public var image: String?
    /// Publisher shown in the footer and feed.
    public var organization: String
    /// A notice shown on every page (e.g. "sample data").
    public var notice: String?
    /// Named publishing targets (`publish: {portal: [ssh://…, ssh://…]}`), for
    /// `publish --to portal`.
    public var publish: [String: [String]] = [:]

    static let knownFields: Set<String> = ["title", "description", "baseURL", "language", "pagination", "image", "organization", "notice", "publish"]

    /// Defaults for a site with an empty `site.yaml`.
    public init(title: String = "Gương điển hình tiên tiến", description: String = "",
                baseURL: String = "/", language: String = "vi", pagination: Int = 20,
                image: String? = nil, organization: String = "", notice: String? = nil) {
        self.title = title
        self.description = description
        self.baseURL = baseURL
        self.language = language
        self.pagination = pagination
        self.image = image
        self.organization = organization
        self.notice = notice
    }

    /// Parses `site.yaml` text.
    public static func parse(_ text: String, path: String) -> (SiteConfig, [Diagnostic]) {
        var config = SiteConfig()
        let document: YAMLDocument
        switch YAMLDocument.parse(text, file: path, firstLine: 1) {
        case .success(let parsed): document = parsed
        case .failure(let diagnostic): return (config, [diagnostic])
        }
        if document.root == nil { return (config, []) }  // an empty site.yaml means defaults
        var r = FieldReader(document: document)
        guard let fields = r.rootMapping(what: "site.yaml") else { return (config, r.diagnostics) }
        for (name, key, value) in fields {
            switch name {
            case "title": config.title = r.text(value, field: name) ?? config.title
            case "description": config.description = r.text(value, field: name) ?? ""
            case "language": config.language = r.text(value, field: name) ?? "vi"
            case "image": config.image = r.text(value, field: name)
            case "organization": config.organization = r.text(value, field: name) ?? ""
            case "notice": config.notice = r.text(value, field: name)
            case "pagination":
                if let number = r.integer(value, field: name) {
                    if number >= 1 && number <= 1000 { config.pagination = number } else {
                        r.report(value, .badSiteConfig, "`pagination` phải từ 1 đến 1000")
                    }
                }
            case "baseURL":
                guard let written = r.text(value, field: name) else { continue }
                if let normalized = normalizeBaseURL(written) { config.baseURL = normalized } else {
                    r.report(value, .badSiteConfig, "`baseURL` “\(written)” không phải địa chỉ tuyệt đối",
                             suggestion: "ví dụ https://bacgiang.gov.vn/dien-hinh-tien-tien/")
                }
            case "publish": config.publish = publishTargets(value, &r)
            default:
                r.report(key, .unknownField, "trường “\(name)” của site.yaml không được hỗ trợ", severity: .warning)
            }
        }
        return (config, r.diagnostics)
    }

    /// `publish:`: each name maps to one target or a list of them (`ssh://…`,
    /// `USER@HOST:PATH` or a folder). A name that is itself a target would be ambiguous.
    private static func publishTargets(_ node: Node, _ r: inout FieldReader) -> [String: [String]] {
        guard let mapping = node.mapping else {
            r.report(node, .badSiteConfig, "`publish` phải là các dòng `tên: [đích, …]`",
                     suggestion: "ví dụ publish: {cong-thong-tin: [ssh://trienkhai@may-chu-1/var/www/dien-hinh]}")
            return [:]
        }
        var targets: [String: [String]] = [:]
        for (name, key, value) in r.pairs(of: mapping) {
            guard !name.isEmpty, !name.contains("/"), !name.contains(":") else {
                r.report(key, .badSiteConfig, "tên đích xuất bản “\(name)” không được chứa / hay :")
                continue
            }
            let list = r.textList(value, field: "publish.\(name)")
            for (text, node) in list where text.contains("://") && !text.lowercased().hasPrefix("ssh://") {
                r.report(node, .badSiteConfig, "đích “\(text)”: chỉ hỗ trợ ssh://")
            }
            targets[name] = list.map(\.text)
        }
        return targets
    }

    /// `https://host/sub` → `https://host/sub/`; `nil` unless http(s) with a host.
    public static func normalizeBaseURL(_ text: String) -> String? {
        let trimmed = text.trimmedWhitespace
        guard let schemeEnd = trimmed.range(of: "://") else { return nil }
        let scheme = trimmed[..<schemeEnd.lowerBound].lowercased()
        let rest = trimmed[schemeEnd.upperBound...]
        guard scheme == "http" || scheme == "https", let first = rest.first, first != "/",
              !rest.contains(where: { $0 == " " || $0 == "?" || $0 == "#" }) else { return nil }
        return trimmed.hasSuffix("/") ? trimmed : trimmed + "/"
    }

    /// The path part of the base URL (`/dien-hinh-tien-tien/`, or `/`), which every
    /// internal link starts with.
    public var rootPath: String {
        guard let schemeEnd = baseURL.range(of: "://") else { return "/" }
        let rest = baseURL[schemeEnd.upperBound...]
        guard let slash = rest.firstIndex(of: "/") else { return "/" }
        return String(rest[slash...])
    }
}
