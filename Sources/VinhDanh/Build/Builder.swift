import Foundation
import VinhDanhConfig
import VinhDanhContent
import VinhDanhIndex
import VinhDanhOutput
import VinhDanhRender
import VinhDanhSupport

/// Runs a build: load → validate → index → render and write → swap in.
///
/// Each stage is one method and is timed. Content errors stop the build before anything
/// is written; the previous output is left byte for byte as it was.
public struct Builder: Sendable {
    /// The options of this build.
    public let options: BuildOptions

    /// Creates a builder.
    public init(options: BuildOptions) {
        self.options = options
    }

    /// Loads and validates only (`vinhdanh check`): writes nothing. Adds the editorial
    /// warnings of ``ContentLint``, which a build does not print.
    public func check() -> (Site, [Diagnostic]) {
        var site = load()
        let (theme, themeDiagnostics) = loadTheme()
        var diagnostics = site.diagnostics + themeDiagnostics
        if !site.hasErrors {
            let index = SiteIndex(site: site)
            diagnostics += ContentLint.warnings(site: site, index: index)
            if let theme { diagnostics += TemplateCheck.warnings(site: site, index: index, theme: theme) }
        }
        site.diagnostics = diagnostics.sorted()
        return (site, site.diagnostics)
    }

    /// Builds the site.
    ///
    /// The loaded site and everything rendered from it (a few hundred MiB at 35,000
    /// profiles) are released on another thread: freeing them one object at a time takes
    /// about a tenth of a second that a command-line build, about to exit, need not wait.
    public func build() throws -> BuildResult {
        let (result, renderer) = try buildKeepingRenderer()
        if let renderer { Background.release(renderer) }
        return result
    }

    /// Builds the site and also returns the renderer (with the loaded site and indexes),
    /// which ``IncrementalBuild`` keeps to re-render only what an edit changes.
    public func buildKeepingRenderer() throws -> (result: BuildResult, renderer: SiteRenderer?) {
        let lock = try SiteLock(paths: options.site, waiting: options.waitingForLock)
        defer { withExtendedLifetime(lock) {} }
        var timings: [(stage: String, milliseconds: Int, cpuMilliseconds: Int)] = []
        func timed<T>(_ stage: String, _ body: () throws -> T) rethrows -> T {
            let start = DispatchTime.now().uptimeNanoseconds
            let cpuStart = Self.processCPUNanoseconds()
            let value = try body()
            timings.append((stage, Int((DispatchTime.now().uptimeNanoseconds - start) / 1_000_000),
                            Int((Self.processCPUNanoseconds() - cpuStart) / 1_000_000)))
            return value
        }
        let site = timed("load") { load(usingCache: true) }
        let (loadedTheme, themeDiagnostics) = timed("theme") { loadTheme() }
        let diagnostics = (site.diagnostics + themeDiagnostics).sorted()
        guard !site.hasErrors, let theme = loadedTheme else {
            return (BuildResult(diagnostics: diagnostics, succeeded: false, profiles: site.profiles.count,
                                files: 0, filesWritten: 0, timings: timings), nil)
        }
        // The index is built on a thread of its own while the list items are rendered: its
        // sorting is serial, and would otherwise leave a core idle.
        let indexing = Background { SiteIndex(site: site) }
        let cacheKey = pageCacheKey
        let cachePath = PageCache.path(options)
        let cache = timed("cache") { PageCache.load(cachePath, key: cacheKey) }
        // With no cache every page is rendered, so every list item is needed: render them
        // all now, beside the index. Otherwise only the lists that changed need theirs.
        let cards = timed("cards") {
            cache.entries.isEmpty ? SiteRenderer.cards(site: site, theme: theme) : Array(repeating: nil, count: site.profiles.count)
        }
        let index = timed("index") { indexing.wait() }
        let output = try OutputUpdate(output: options.output, mode: options.outputMode,
                                      manifests: site.paths.outputManifests)
        do {
            let photos = Array(Set(site.profiles.compactMap(\.photo))).sorted()
            let (sizes, photosWritten) = try timed("photos") {
                try PhotoProcessor().publish(photos, content: site.paths.content, cache: site.paths.cache + "/photos",
                                             into: output, workers: max(2, workersCount))
            }
            // The search index is built on a thread of its own while the pages are written:
            // its merging and encoding are serial, and would otherwise leave a core idle.
            let root = SiteURLs(baseURL: site.config.baseURL).root
            let search = Background { SearchIndex(site: site, index: index, root: root) }
            // Counting every award record takes as long as preparing the renderer: on a
            // thread of its own, waited for only when the rest is ready.
            let counting = Background { Statistics(site: site) }
            let pages = timed("prepare") {
                SiteRenderer(site: site, index: index, theme: theme, cards: cards, photoSizes: sizes, deferringSearchIndex: true,
                             statistics: { counting.wait() })
            }
            let plan = pages.plan()
            var fresh = PageCache()
            var (written, rendered) = try timed("render+write") { try write(plan, pages, into: output, cache: cache, recording: &fresh) }
            let renderer = pages.withSearchIndex(timed("search") { search.wait() })
            let (searchWritten, _) = try timed("search+write") {
                try write(renderer.searchFileJobs, renderer, into: output, cache: cache, recording: &fresh, reportingProgress: false)
            }
            written += searchWritten
            let (copied, copiedWritten) = try timed("copy") { try copyFiles(site: site, theme: theme, into: output, skipping: Set(photos)) }
            try timed("swap") {
                try output.commit()
                if fresh.entries != cache.entries { try fresh.save(cachePath, key: cacheKey) }
            }
            var result = BuildResult(diagnostics: diagnostics, succeeded: true, profiles: site.profiles.count,
                                     files: plan.count + renderer.searchFileJobs.count + copied + photos.count,
                                     filesWritten: written + copiedWritten + photosWritten, timings: timings)
            result.pagesRendered = rendered
            let urls = SiteURLs(baseURL: site.config.baseURL)
            for profile in site.profiles { result.pageOfSource[profile.path] = urls.profile(profile.slug) }
            return (result, renderer)
        } catch {
            output.discard()
            throw error
        }
    }

    /// Loads the site; with `usingCache`, profiles whose files are unchanged come from the
    /// build cache, without their bodies (a build reads a body when it renders the page).
    func load(usingCache: Bool = false) -> Site {
        var loader = SiteLoader(paths: options.site, latestYear: options.latestYear)
        loader.usesCache = usingCache
        loader.themeDirectory = options.themeDirectory
        var site = loader.load()
        if let baseURL = options.baseURL {
            if let normalized = SiteConfig.normalizeBaseURL(baseURL) { site.config.baseURL = normalized } else {
                site.diagnostics.append(Diagnostic(file: "--base-url", code: .badSiteConfig,
                                                   message: "địa chỉ gốc “\(baseURL)” không phải địa chỉ tuyệt đối",
                                                   suggestion: "ví dụ --base-url https://bacgiang.gov.vn/dien-hinh-tien-tien/"))
            }
        }
        return site
    }

    func loadTheme() -> (Theme?, [Diagnostic]) {
        Theme.load(defaultDirectory: options.themeDirectory, overrideDirectory: options.site.templates, sitePaths: options.site,
                   required: PageGraph.templates)
    }

    /// The page cache's key: the binary, and the options that change every page.
    private var pageCacheKey: ContentHash { Self.pageCacheKey(options) }

    /// The page cache's key for a build with `options`.
    static func pageCacheKey(_ options: BuildOptions) -> ContentHash {
        var hasher = InputHasher()
        hasher.add(VinhDanhVersion.identity)
        hasher.add(options.injectHTML)
        return hasher.hash
    }

    /// Renders in parallel every planned file whose inputs changed since `cache` was
    /// made, or whose bytes the output no longer holds, and puts each as soon as it is
    /// made, so memory stays flat whatever the site's size. Records every file in
    /// `recording`; returns how many files were written, and how many pages rendered.
    private func write(_ jobs: [PageJob], _ renderer: SiteRenderer, into output: OutputUpdate, cache: PageCache,
                       recording: inout PageCache, reportingProgress: Bool = true) throws -> (written: Int, rendered: Int) {
        let progress = reportingProgress ? options.progress : nil
        let inject = options.injectHTML.map { Array($0.utf8) }
        let done = AtomicCounter()
        let workers = workersCount
        let folders = Background { output.makeFolders(renderer.folders(of: jobs)) }
        defer { folders.wait() }
        let outcomes = Parallel.map(jobs.count, workers: workers) { i -> Result<(String, PageCache.Entry, wrote: Bool, rendered: Bool), FileError> in
            let file = renderer.file(of: jobs[i])
            let inputs = renderer.inputs(of: jobs[i])
            let count = done.increment() + 1
            if let progress, count % 500 == 0 || count == jobs.count { progress(count, jobs.count) }
            if let entry = cache.entries[file], entry.inputs == inputs, output.reuse(file, hash: entry.content, size: entry.size) {
                return .success((file, entry, false, false))
            }
            var bytes = renderer.render(jobs[i]).bytes
            if let inject, file.hasSuffix(".html") { bytes = Self.inject(inject, into: bytes) }
            let entry = PageCache.Entry(inputs: inputs, content: ContentHash(bytes), size: bytes.count)
            do throws(FileError) { return .success((file, entry, try output.put(file, bytes, hash: entry.content), true)) } catch {
                return .failure(error)
            }
        }
        var written = 0, rendered = 0
        for outcome in outcomes {
            switch outcome {
            case .success(let (file, entry, wrote, made)):
                recording.entries[file] = entry
                if wrote { written += 1 }
                if made { rendered += 1 }
            case .failure(let error): throw error
            }
        }
        return (written, rendered)
    }

    /// `snippet` inserted before the last `</body>`.
    static func inject(_ snippet: [UInt8], into page: [UInt8]) -> [UInt8] {
        let marker = Array("</body>".utf8)
        guard page.count >= marker.count else { return page }
        var i = page.count - marker.count
        while i >= 0 {
            if page[i] == marker[0] && Array(page[i..<(i + marker.count)]) == marker {
                return Array(page[..<i]) + snippet + Array(page[i...])
            }
            i -= 1
        }
        return page + snippet
    }

    /// CPU time of the whole process (all threads), for `--timings`.
    static func processCPUNanoseconds() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }

    private var workersCount: Int { options.workers > 0 ? options.workers : ProcessInfo.processInfo.activeProcessorCount }

    /// Theme assets to `assets/`, everything under `content/media/` to `media/`. Returns
    /// the number of files and how many of them changed.
    private func copyFiles(site: Site, theme: Theme, into output: OutputUpdate,
                           skipping published: Set<String>) throws -> (files: Int, changed: Int) {
        var sources = theme.assets.map { (from: $0.source, to: "assets/" + $0.relative) }
        let mediaRoot = FileIO.realPath(site.paths.media)
        for file in FileIO.listFiles(under: site.paths.media, suffix: "") where !file.hasSuffix(".md") && !published.contains("media/" + file) {
            // A symlink in media/ must not publish a file from outside it.
            guard let mediaRoot, let real = FileIO.realPath(site.paths.media + "/" + file), real.hasPrefix(mediaRoot + "/") else { continue }
            sources.append((real, "media/" + file))
        }
        var changed = 0
        for source in sources where try output.put(source.to, try FileIO.read(source.from)) { changed += 1 }
        return (sources.count, changed)
    }
}
