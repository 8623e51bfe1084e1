import Foundation
import VinhDanhConfig
import VinhDanhSupport
import VinhDanhText
import VinhDanhTheme
import VinhDanhVocabulary

/// Loads a site: settings, vocabularies, then every profile and page in parallel.
/// Never stops at the first problem: everything wrong comes back in `Site.diagnostics`.
public struct SiteLoader: Sendable {
    /// The site to load.
    public let paths: SitePaths
    /// Latest award year accepted (the current year, injected so tests do not depend on
    /// the clock).
    public let latestYear: Int
    /// Threads used to read and parse files.
    public let workers: Int
    /// Whether to read profiles through the build cache (``ProfileCache``): a build
    /// does; `check` and the editors' tools, which need every body, do not.
    public var usesCache = false

    /// The default theme's folder, whose `strings.yaml` the site's overrides.
    public var themeDirectory: String? = DefaultTheme.directory()?.path

    /// Creates a loader.
    public init(paths: SitePaths, latestYear: Int, workers: Int = max(4, ProcessInfo.processInfo.activeProcessorCount * 4)) {
        self.paths = paths
        self.latestYear = latestYear
        self.workers = workers
    }

    /// Loads everything.
    public func load() -> Site {
        var diagnostics: [Diagnostic] = []
        let config = loadConfig(&diagnostics)
        let districts = loadVocabulary(.districts, &diagnostics)
        let vocabularies = Vocabularies(
            districts: districts,
            movements: loadVocabulary(.movements, &diagnostics),
            awards: loadVocabulary(.awards, &diagnostics),
            places: loadPlaces(districts, &diagnostics))
        let parser = ProfileParser(vocabularies: vocabularies, latestYear: latestYear, checkPhoto: PhotoCheck(paths: paths).check)
        let files = FileIO.listFiles(under: paths.profiles, suffix: ".md").map { "content/profiles/" + $0 }
        if files.isEmpty {
            diagnostics.append(Diagnostic(file: "content/profiles", severity: .warning, code: .missingField,
                                          message: "chưa có hồ sơ nào trong content/profiles",
                                          suggestion: "mỗi hồ sơ là một tệp .md trong content/profiles/<huyện>/"))
        }
        let root = paths.root
        let settings = settingsHash()
        let results: [(Profile?, [Diagnostic])]
        if usesCache {
            results = loadThroughCache(files, parser: parser, key: settings)
        } else {
            results = Parallel.map(files.count, workers: workers) { i in Self.loadProfile(root: root, path: files[i], parser: parser) }
        }
        var profiles: [Profile] = []
        profiles.reserveCapacity(results.count)
        for (profile, found) in results {
            diagnostics += found
            if let profile { profiles.append(profile) }
        }
        diagnostics += Self.duplicateSlugs(profiles)
        var pages: [ContentPage] = []
        for name in FileIO.listFiles(under: paths.pages, suffix: ".md") {
            let path = "content/pages/" + name
            switch FileIO.readText(root + "/" + path, relative: path) {
            case .failure(let diagnostic): diagnostics.append(diagnostic)
            case .success(let text):
                let (page, found) = ContentPage.parse(text, path: path)
                diagnostics += found
                if let page { pages.append(page) }
            }
        }
        var report: ReportTotals?
        let reportPath = "content/data/report-totals.yaml"
        if FileIO.exists(root + "/" + reportPath) {
            switch FileIO.readText(root + "/" + reportPath, relative: reportPath) {
            case .failure(let diagnostic): diagnostics.append(diagnostic)
            case .success(let text):
                let (parsed, found) = ReportTotals.parse(text, path: reportPath)
                report = parsed
                diagnostics += found
            }
        }
        let strings = loadStrings(&diagnostics)
        diagnostics.sort()
        var site = Site(paths: paths, config: config, vocabularies: vocabularies, profiles: profiles,
                        pages: pages, report: report, diagnostics: diagnostics)
        site.strings = strings
        var hasher = InputHasher()
        hasher.add(settings)
        hasher.add(strings.hash)
        site.settingsHash = hasher.hash
        return site
    }

    /// Profiles from the cache where their files are unchanged (and their photo still is,
    /// or still is not, there), read and parsed otherwise; the cache is then updated.
    private func loadThroughCache(_ files: [String], parser: ProfileParser, key settings: ContentHash) -> [(Profile?, [Diagnostic])] {
        var hasher = InputHasher()
        hasher.add(VinhDanhVersion.identity)
        hasher.add(settings)
        let key = hasher.hash
        let path = ProfileCache.path(paths)
        let cache = ProfileCache.load(path, key: key)
        let root = paths.root
        let photos = PhotoCheck(paths: paths)
        guard let folder = try? OpenFolder(root) else {
            return Parallel.map(files.count, workers: workers) { i in Self.loadProfile(root: root, path: files[i], parser: parser) }
        }
        let entries = Parallel.map(files.count, workers: workers) { i -> (ProfileCache.Entry?, Bool) in
            let file = files[i]
            let stamp = FileStamp.of(file, in: folder.descriptor)
            if let stamp, let entry = cache.entries[file], entry.stamp == stamp {
                let photoOK = entry.profile?.photo.map { photos.check($0) == nil } ?? true
                let hadBadPhoto = entry.diagnostics.contains { $0.code == .badPhoto }
                if photoOK && !hadBadPhoto { return (entry, false) }
            }
            var (profile, diagnostics) = Self.loadProfile(root: root, path: file, parser: parser)
            // Bodies are read again when pages are rendered: holding 35,000 of them would
            // double a build's memory.
            profile?.body = ""
            profile?.bodyInFile = true
            // A file that could not be stamped is not cached (size -1).
            let unstamped = FileStamp(size: -1, modified: 0, inode: 0)
            return (ProfileCache.Entry(stamp: stamp ?? unstamped, profile: profile, diagnostics: diagnostics), true)
        }
        // Saving 35,000 entries costs more than parsing a few files again: a handful of
        // edits are left to be parsed by the next builds until enough gather.
        let parsed = entries.count(where: \.1)
        if parsed > max(64, files.count / 100) || (parsed > 0 && parsed == files.count) {
            var fresh = ProfileCache()
            for (file, (entry, _)) in zip(files, entries) {
                guard let entry, entry.stamp.size >= 0 else { continue }
                fresh.entries[file] = entry
            }
            try? fresh.save(path, key: key)
        }
        return entries.map { ($0.0?.profile, $0.0?.diagnostics ?? []) }
    }

    /// The hash of the site-wide sources, read as bytes.
    private func settingsHash() -> ContentHash {
        var hasher = InputHasher()
        hasher.add(latestYear)
        var files = ["content/site.yaml"] + Vocabulary.Kind.allCases.map { "content/vocab/" + $0.fileName }
        files += [PlaceHistoryLoader.communesFile, PlaceHistoryLoader.changesFile]
        files += FileIO.listFiles(under: paths.pages, suffix: ".md").map { "content/pages/" + $0 }
        files += FileIO.listFiles(under: paths.data, suffix: "").map { "content/data/" + $0 }
        for file in files {
            hasher.add(file)
            hasher.add((try? FileIO.read(paths.root + "/" + file)).map { ContentHash($0) } ?? ContentHash(high: 0, low: 1))
        }
        return hasher.hash
    }

    /// Reads and parses one profile (`path` relative to the site `root`).
    package static func loadProfile(root: String, path: String, parser: ProfileParser) -> (Profile?, [Diagnostic]) {
        switch FileIO.readText(root + "/" + path, relative: path) {
        case .failure(let diagnostic): return (nil, [diagnostic])
        case .success(let text):
            var (profile, diagnostics) = parser.parse(text, path: path)
            profile?.sourceHash = ContentHash(text: path + "\u{0}" + text)
            return (profile, diagnostics)
        }
    }

    private func loadConfig(_ diagnostics: inout [Diagnostic]) -> SiteConfig {
        let (config, found) = Self.config(paths)
        diagnostics += found
        return config
    }

    /// The site's `content/site.yaml`, read alone (for `publish --to NAME`).
    public static func config(_ paths: SitePaths) -> (SiteConfig, [Diagnostic]) {
        switch FileIO.readText(paths.siteConfig, relative: "content/site.yaml") {
        case .failure(let diagnostic):
            return (SiteConfig(), [Diagnostic(file: "content/site.yaml", code: .badSiteConfig,
                                              message: diagnostic.code == .unreadable ? "không đọc được content/site.yaml" : diagnostic.message,
                                              suggestion: "mỗi trang web cần tệp content/site.yaml với title:, baseURL:")])
        case .success(let text):
            return SiteConfig.parse(text, path: "content/site.yaml")
        }
    }

    /// The theme's words, under the site's own (``SiteStrings``).
    private func loadStrings(_ diagnostics: inout [Diagnostic]) -> SiteStrings {
        func text(_ path: String) -> String? {
            guard FileIO.exists(path), case .success(let text) = FileIO.readText(path, relative: paths.relative(path)) else { return nil }
            return text
        }
        let theme = themeDirectory.map { $0 + "/" + SiteStrings.fileName }
        let site = paths.templates + "/" + SiteStrings.fileName
        let (strings, found) = SiteStrings.parse(defaultText: theme.flatMap(text), defaultShown: theme.map(paths.relative) ?? SiteStrings.fileName,
                                                 siteText: text(site), siteShown: paths.relative(site))
        diagnostics += found
        return strings
    }

    /// The history of the places, from its two files when the site has them.
    private func loadPlaces(_ districts: Vocabulary, _ diagnostics: inout [Diagnostic]) -> PlaceHistory {
        func text(_ relative: String) -> String? {
            guard FileIO.exists(paths.root + "/" + relative) else { return nil }
            switch FileIO.readText(paths.root + "/" + relative, relative: relative) {
            case .success(let text): return text
            case .failure(let diagnostic):
                diagnostics.append(diagnostic)
                return nil
            }
        }
        let (history, found) = PlaceHistoryLoader.parse(communes: text(PlaceHistoryLoader.communesFile),
                                                        changes: text(PlaceHistoryLoader.changesFile), districts: districts)
        diagnostics += found
        return history
    }

    private func loadVocabulary(_ kind: Vocabulary.Kind, _ diagnostics: inout [Diagnostic]) -> Vocabulary {
        let relative = "content/vocab/" + kind.fileName
        switch FileIO.readText(paths.root + "/" + relative, relative: relative) {
        case .failure(let diagnostic):
            diagnostics.append(diagnostic.code == .unreadable
                ? Diagnostic(file: relative, code: .badVocabulary, message: "thiếu danh mục \(kind.noun) (\(relative))")
                : diagnostic)
            return Vocabulary(kind: kind, entries: [])
        case .success(let text):
            let (vocabulary, found) = VocabularyLoader.parse(text, path: relative, kind: kind)
            diagnostics += found
            return vocabulary
        }
    }

    /// One error per extra profile sharing a slug, naming the first file that has it.
    package static func duplicateSlugs(_ profiles: [Profile]) -> [Diagnostic] {
        var first: [String: String] = [:]
        var found: [Diagnostic] = []
        for profile in profiles {
            if let other = first[profile.slug] {
                found.append(Diagnostic(
                    file: profile.path, code: .duplicateSlug,
                    message: "địa chỉ /ho-so/\(profile.slug)/ trùng với hồ sơ \(other)",
                    suggestion: "thêm `slug: \(profile.slug)-\(Slug.make(profile.path.split(separator: "/").dropLast().last.map(String.init) ?? "2"))` để phân biệt"))
            } else {
                first[profile.slug] = profile.path
            }
        }
        return found
    }
}
