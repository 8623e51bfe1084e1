import VinhDanhConfig
import VinhDanhOutput
import VinhDanhRender

/// What a build is asked to do.
public struct BuildOptions: Sendable {
    /// The site folder.
    public var site: SitePaths
    /// Output folder; `site/public` by default.
    public var output: String
    /// How the output folder is brought up to date: in place by default.
    public var outputMode: OutputMode = .inPlace
    /// Overrides `baseURL` of `site.yaml`.
    public var baseURL: String?
    /// Latest award year accepted (normally the current year).
    public var latestYear: Int
    /// Default theme folder (`nil`: the one installed with `vinhdanh`).
    public var themeDirectory: String?
    /// Threads rendering and writing.
    public var workers: Int
    /// Inserted before `</body>` of every HTML page (the preview server's reload script).
    public var injectHTML: String?
    /// Called when another build, preview server or publish of the same site is writing,
    /// before waiting for it to finish (see ``SiteLock``).
    public var waitingForLock: (@Sendable () -> Void)?
    /// Called now and then with (done, total) while pages are written.
    public var progress: (@Sendable (Int, Int) -> Void)?

    /// Options for building `site` into its default output.
    public init(site: SitePaths, output: String? = nil, baseURL: String? = nil, latestYear: Int,
                themeDirectory: String? = Theme.defaultDirectory, workers: Int = 0, injectHTML: String? = nil,
                progress: (@Sendable (Int, Int) -> Void)? = nil) {
        self.site = site
        self.output = output ?? site.defaultOutput
        self.baseURL = baseURL
        self.latestYear = latestYear
        self.themeDirectory = themeDirectory
        self.workers = workers
        self.injectHTML = injectHTML
        self.progress = progress
    }
}
