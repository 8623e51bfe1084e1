import VinhDanhConfig
import VinhDanhSupport
import VinhDanhVocabulary

/// Everything loaded from a site's `content/`: the model every later stage reads.
public struct Site: Sendable {
    /// Where the site lives.
    public var paths: SitePaths
    public var config: SiteConfig
    public var vocabularies: Vocabularies
    /// Valid profiles, in source-path order.
    public var profiles: [Profile]
    /// Standalone pages, in source-path order.
    public var pages: [ContentPage]
    /// The official report's totals (`content/data/report-totals.yaml`), if the site has them.
    public var report: ReportTotals?
    /// The words pages show that the code writes (the theme's `strings.yaml`).
    public var strings = SiteStrings.empty
    /// Every problem found, sorted by file and line.
    public var diagnostics: [Diagnostic]
    /// Hash of every site-wide source: settings, vocabularies, standalone pages, site data.
    /// A change to any of them may change every page.
    public var settingsHash = ContentHash(high: 0, low: 0)

    /// Whether any diagnostic is an error (the build must not write).
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

extension Site {
    /// A profile's Markdown body: kept in memory, or read again from its file for a
    /// profile from the build cache.
    public func body(of profile: Profile) -> String {
        guard profile.bodyInFile else { return profile.body }
        guard case .success(let text) = FileIO.readText(paths.root + "/" + profile.path, relative: profile.path),
              case .success(let split) = FrontMatter.split(text) else { return "" }
        return split.body
    }
}
