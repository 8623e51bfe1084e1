import VinhDanhConfig
import VinhDanhContent
import VinhDanhIndex
import VinhDanhText

/// Every URL of the site, built from the base URL so that links stay right under a
/// sub-path (`https://bacgiang.gov.vn/dien-hinh-tien-tien/`).
public struct SiteURLs: Sendable {
    /// Path prefix of every internal link, `/` or `/sub/`.
    public let root: String
    /// `https://host` without a trailing slash.
    public let origin: String

    /// URLs under `baseURL` (absolute, ending in `/`).
    public init(baseURL: String) {
        let config = SiteConfig(baseURL: baseURL)
        root = config.rootPath
        origin = root == "/" ? String(baseURL.dropLast()) : String(baseURL.dropLast(root.count))
    }

    public var home: String { root }
    public func profile(_ slug: String) -> String { root + "ho-so/" + slug + "/" }
    public func taxonomy(_ kind: TaxonomyKind) -> String { root + kind.path + "/" }
    public func page(_ slug: String) -> String { root + slug + "/" }
    public func asset(_ path: String) -> String { root + "assets/" + path }
    /// The statistics page and the official report's page.
    public var statistics: String { root + "thong-ke/" }
    public func report(_ report: ReportTotals) -> String { root + "thong-ke/bao-cao-" + Slug.make(report.period) + "/" }
    public var search: String { root + "tim-kiem/" }
    /// A file under `content/` (e.g. `media/x.jpg`), as published.
    public func content(_ path: String) -> String { root + path }

    /// A term's list page; page 1 is the term's own URL.
    public func term(_ kind: TaxonomyKind, _ key: String, page: Int = 1) -> String {
        let base = root + kind.path + "/" + key + "/"
        return page <= 1 ? base : base + "trang/\(page)/"
    }

    /// The absolute form of a site path (for canonical links, feeds, Open Graph).
    public func absolute(_ path: String) -> String { origin + path }

    /// The output file of a site path: `/sub/ho-so/x/` → `ho-so/x/index.html`.
    public func outputFile(_ path: String) -> String {
        let relative = path.hasPrefix(root) ? String(path.dropFirst(root.count)) : path
        return relative.isEmpty || relative.hasSuffix("/") ? relative + "index.html" : relative
    }
}
