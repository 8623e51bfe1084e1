import Foundation
import VinhDanhContent
import VinhDanhIndex
import VinhDanhOutput
import VinhDanhRender
import VinhDanhSupport

/// Rebuilding after an edit without rebuilding everything (the preview server).
///
/// Added, deleted and edited profiles are read again alone; the index is rebuilt from the
/// model kept in memory; then every page's inputs are hashed (see ``PageKind``) and only
/// the pages whose inputs changed are rendered. Only files whose bytes changed are
/// written, and files of pages that are gone are deleted. The files for machines (the
/// search index, the sitemap) follow with ``refreshSearchIndex()``. A change to anything
/// but a profile (a template, a vocabulary, `site.yaml`, a photo) asks for a full build,
/// which renders again only the pages it changes. The result is byte-identical to a full build of the same content
/// (tested).
public struct IncrementalBuild: Sendable {
    /// What an update did.
    public enum Outcome: Sendable {
        /// Pages re-rendered and files written (only those whose bytes changed); the site
        /// path of the profile page when one profile was edited.
        case updated(rendered: Int, written: Int, page: String?, diagnostics: [Diagnostic])
        /// The edit has errors: nothing was written.
        case failed([Diagnostic])
    }

    public let options: BuildOptions
    private(set) var renderer: SiteRenderer
    /// The plan's files (but those that follow the reload), each with the inputs it was
    /// last written from.
    var planned: [Planned]
    /// The files that follow the reload (``PageKind/followsReload``), each with the
    /// inputs it was last written from.
    var followers: [String: ContentHash]
    /// Which of those files show each profile, so that an edit that keeps the index
    /// hashes again only the files that show the edited profiles. Worked out after the
    /// reload, off the path from save to reload (``freshDependents()``); `nil` until then,
    /// when every file is hashed again.
    var dependents: Dependents?
    /// The build cache's pages and the output folder's manifest, kept up to date with each
    /// file written here, so that the next full build (after a template change…) renders
    /// and writes only what it changes.
    private var pages: PageCache
    private var manifest: OutputManifest

    /// The site as last built.
    public var site: Site { renderer.site }

    /// The path of profile `slug`'s page (under the site's base path).
    public func pageURL(ofProfile slug: String) -> String { renderer.urls.profile(slug) }

    /// A full build that keeps its model for later updates (`nil` model when it failed).
    public static func full(options: BuildOptions) throws -> (BuildResult, IncrementalBuild?) {
        let (result, renderer) = try Builder(options: options).buildKeepingRenderer()
        guard let renderer else { return (result, nil) }
        let pages = PageCache.load(PageCache.path(options), key: Builder.pageCacheKey(options))
        let (manifest, _) = ManifestStore(folder: options.site.outputManifests).load(tree: options.output)
        let followers = Dictionary(Self.followers(renderer).map { ($0.file, $0.inputs) }, uniquingKeysWith: { a, _ in a })
        return (result, IncrementalBuild(options: options, renderer: renderer, planned: plannedInputs(renderer).planned, followers: followers,
                                         dependents: nil, pages: pages, manifest: manifest))
    }

    /// The files an update rendered, before they are written: output-relative path →
    /// bytes, and the site path of the profile page when one profile was edited.
    public struct Rendered: Sendable {
        public var files: [String: [UInt8]]
        public var page: String?
    }

    /// Most pages an update holds in memory between rendering and writing (some 20 KB
    /// each); an update of more renders and writes each page in one pass.
    static let heldPages = 4000

    /// Applies edits to the files at `changed` (absolute paths), or returns `nil` when they
    /// need a full build. `rendered`, when given, receives the changed files once they are
    /// rendered and before they are written, so that a server can serve them from memory
    /// (and tell its tabs) while the disk catches up.
    public mutating func update(changed: Set<String>, rendered: ((Rendered) -> Void)? = nil) -> Outcome? {
        var clock = StageClock()
        defer { clock.report("update") }
        let lock = try? SiteLock(paths: options.site, waiting: options.waitingForLock)
        defer { withExtendedLifetime(lock) {} }
        var site = renderer.site
        let paths = site.paths
        let parser = ProfileParser(vocabularies: site.vocabularies, latestYear: options.latestYear,
                                   checkPhoto: PhotoCheck(paths: paths).check)
        var edited: [String] = []
        var diagnostics: [Diagnostic] = []
        // Profiles replaced in place, by index; whether any was added or removed.
        var replaced: [Int] = []
        var reordered = false
        // The slugs of the profiles read: the model had no two profiles with one slug, so
        // only these can now be taken twice.
        var slugs: Set<String> = []
        for absolute in changed.sorted() {
            let path = paths.relative(absolute)
            let known = site.profiles.firstIndex { $0.path == path }
            let isProfile = path.hasPrefix("content/profiles/") && path.hasSuffix(".md")
            if !FileIO.exists(absolute) {
                if let known {
                    site.profiles.remove(at: known)
                    reordered = true
                }
                // Editors' temporary files come and go (sed -i, save-as-rename).
                if known != nil || !Self.mayMatter(path) || isProfile { continue }
                return nil
            }
            guard isProfile else {
                if FileIO.isDirectory(absolute) { continue }
                return nil
            }
            let (parsed, found) = SiteLoader.loadProfile(root: paths.root, path: path, parser: parser)
            diagnostics += found
            guard let profile = parsed else { continue }
            slugs.insert(profile.slug)
            if let known {
                site.profiles[known] = profile
                replaced.append(known)
            } else {
                site.profiles.insert(profile, at: site.profiles.firstIndex { $0.path > path } ?? site.profiles.count)
                reordered = true
            }
            edited.append(path)
        }
        // A photo no profile used before was not resized by the last full build: that
        // build must run again.
        let previous = renderer
        for path in edited {
            guard let photo = site.profiles.first(where: { $0.path == path })?.photo, previous.photoSizes[photo] == nil else { continue }
            if !previous.site.profiles.contains(where: { $0.photo == photo }) { return nil }
        }
        // An edit that keeps what the index reads keeps the index, the plan and the slugs.
        let sameProfiles = !reordered && replaced.allSatisfy { i in
            site.profiles[i].sourceHash == previous.site.profiles[i].sourceHash || SiteIndex.alike(site.profiles[i], previous.site.profiles[i])
        }
        if !sameProfiles { diagnostics += SiteLoader.duplicateSlugs(site.profiles.filter { slugs.contains($0.slug) }) }
        clock.lap("read \(changed.count)")
        if diagnostics.contains(where: { $0.severity == .error }) { return .failed(diagnostics.sorted()) }
        let changed: [(job: PageJob, file: String, inputs: ContentHash)]
        if sameProfiles {
            var cards = previous.cards.known
            let edited = Set(replaced).filter { site.profiles[$0].sourceHash != previous.site.profiles[$0].sourceHash }.sorted()
            for i in edited { cards[i] = nil }
            renderer = SiteRenderer(keepingIndexOf: previous, site: site, cards: cards)
            // The same plan: only the files that show an edited profile are hashed again
            // (every file while the map of what shows what is not worked out yet).
            let positions = dependents?.positions(edited) ?? Array(planned.indices)
            let plan = planned
            let inputs = Parallel.map(positions.count) { [renderer] k in renderer.inputs(of: plan[positions[k]].job) }
            var found: [(job: PageJob, file: String, inputs: ContentHash)] = []
            for (position, fresh) in zip(positions, inputs) where planned[position].inputs != fresh {
                planned[position].inputs = fresh
                found.append((planned[position].job, planned[position].file, fresh))
            }
            changed = found
            clock.lap("hash \(positions.count)")
        } else {
            let unchanged = Self.unchanged(before: previous.site.profiles, after: site.profiles)
            let index = SiteIndex(site: site, previous: previous.index, unchanged: unchanged)
            clock.lap("index")
            let cards = previous.cards.known
            // The statistics change by the records of the profiles that came and went.
            var kept = [Bool](repeating: false, count: previous.site.profiles.count)
            for case let old? in unchanged { kept[old] = true }
            let statistics = previous.statistics.updated(
                removing: kept.indices.filter { !kept[$0] }.map { previous.site.profiles[$0] },
                adding: unchanged.indices.filter { unchanged[$0] == nil }.map { site.profiles[$0] },
                vocabularies: site.vocabularies, filed: index.buckets)
            renderer = SiteRenderer(site: site, index: index, theme: previous.theme,
                                    cards: unchanged.map { $0.flatMap { cards[$0] } }, photoSizes: previous.photoSizes,
                                    sitemapLimit: previous.sitemapLimit, deferringSearchIndex: true, reusing: previous,
                                    statistics: { statistics })
                .withSearchIndex(previous.searchIndex)
            clock.lap("renderer")
            let (fresh, reused) = Self.plannedInputs(renderer, previous: (planned, unchanged))
            clock.lap("plan")
            // Files kept from the previous plan are the same files with the same inputs;
            // only the others (list pages, edited profiles…) are compared by path.
            var carried = [Bool](repeating: false, count: planned.count)
            for case let old? in reused { carried[old] = true }
            var shown: [String: ContentHash] = [:]
            for (position, page) in planned.enumerated() where !carried[position] { shown[page.file] = page.inputs }
            var made: Set<String> = []
            var found: [Planned] = []
            for (position, page) in fresh.enumerated() where reused[position] == nil {
                made.insert(page.file)
                if shown[page.file] != page.inputs { found.append(page) }
            }
            changed = found
            for (position, page) in planned.enumerated() where !carried[position] && !made.contains(page.file) { remove(page.file) }
            planned = fresh
            dependents = nil
            clock.lap("compare")
        }
        let page = edited.count == 1 ? site.profiles.first { $0.path == edited[0] }.map { renderer.urls.profile($0.slug) } : nil
        let written: Int
        if let rendered, changed.count <= Self.heldPages {
            let files = render(changed)
            rendered(Rendered(files: Dictionary(files.compactMap { file in file.bytes.map { (file.path, $0) } }, uniquingKeysWith: { a, _ in a }),
                              page: page))
            clock.lap("render \(changed.count)")
            written = store(files, changed)
            clock.lap("write \(written)")
        } else {
            written = write(changed)
            clock.lap("render and write \(changed.count)")
        }
        // The caches are saved by the search index's refresh that follows (off the path
        // from save to reload); until then the folder stays marked dirty, which is safe.
        return .updated(rendered: changed.count, written: written, page: page, diagnostics: diagnostics.sorted())
    }

    /// Whether a path that came and went may be part of the site (other names are
    /// editors' temporary files).
    private static func mayMatter(_ path: String) -> Bool {
        path.hasSuffix(".md") || path.hasSuffix(".yaml") || path.hasSuffix(".mustache") || path.hasPrefix("site-templates/assets/")
    }

    /// Rebuilds the search index, writes the files that follow the reload, and works out
    /// which pages show each profile: what the preview server does after each reload, on
    /// another thread (here at once).
    public mutating func refreshSearchIndex() -> Int {
        adopt(freshDependents())
        return applySearchIndex(freshSearchIndex())
    }

    /// The search index of the current model (pure: can run on another thread).
    public func freshSearchIndex() -> SearchIndex {
        SearchIndex(site: renderer.site, index: renderer.index, root: renderer.urls.root)
    }

    /// Keeps `fresh` as the search index (when given), then writes the files of the
    /// kinds that follow the reload (``PageKind/followsReload``: the search index, the
    /// sitemap) whose inputs changed, deletes those no longer made, and saves the caches.
    /// Returns how many files it wrote.
    public mutating func applySearchIndex(_ fresh: SearchIndex?) -> Int {
        let lock = try? SiteLock(paths: options.site, waiting: options.waitingForLock)
        defer { withExtendedLifetime(lock) {} }
        if let fresh { renderer = renderer.withSearchIndex(fresh) }
        let next = Self.followers(renderer)
        let changed = next.filter { followers[$0.file] != $0.inputs }
        let written = write(changed)
        let kept = Set(next.map(\.file))
        for file in followers.keys where !kept.contains(file) { remove(file) }
        followers = Dictionary(next.map { ($0.file, $0.inputs) }, uniquingKeysWith: { a, _ in a })
        saveCaches()
        return written
    }

    /// The files that follow the reload, with their inputs.
    private static func followers(_ renderer: SiteRenderer) -> [Planned] {
        let jobs = renderer.jobs(followingReload: true)
        return Parallel.map(jobs.count) { i in (jobs[i], renderer.file(of: jobs[i]), renderer.inputs(of: jobs[i])) }
    }

    /// Saves the page cache and the output's manifest, now that they describe the folder
    /// again (which clears its dirty mark).
    public func saveCaches() {
        try? pages.save(PageCache.path(options), key: Builder.pageCacheKey(options))
        try? ManifestStore(folder: options.site.outputManifests).save(manifest, tree: options.output, paths: [options.output, OutputUpdate.spare(of: options.output)])
    }

    /// Renders `jobs` and writes the files whose bytes changed (atomically: a reader sees
    /// the old or the new file), recording each with its inputs; in slices, so that memory
    /// stays bounded. Returns how many files it wrote.
    private mutating func write(_ jobs: [Planned]) -> Int {
        var count = 0
        for start in stride(from: 0, to: jobs.count, by: Self.heldPages) {
            let slice = Array(jobs[start..<min(jobs.count, start + Self.heldPages)])
            count += store(render(slice), slice)
        }
        return count
    }

    /// A page rendered and compared with the file it replaces: `bytes` when the file must
    /// be written, `nil` when it already holds them.
    private struct RenderedFile: Sendable {
        var path: String
        var hash: ContentHash
        var size: Int
        var bytes: [UInt8]?
        var stamp: FileStamp?
    }

    /// Renders `jobs` in parallel and compares each with its file, writing nothing.
    private func render(_ jobs: [Planned]) -> [RenderedFile] {
        let snippet = options.injectHTML.map { Array($0.utf8) }
        let output = options.output
        let known = jobs.map { manifest.entries[$0.file] }
        let renderer = renderer
        return Parallel.map(jobs.count) { i -> RenderedFile in
            var bytes = renderer.render(jobs[i].job).bytes
            if let snippet, jobs[i].file.hasSuffix(".html") { bytes = Builder.inject(snippet, into: bytes) }
            let hash = ContentHash(bytes)
            var info = stat()
            if stat(output + "/" + jobs[i].file, &info) == 0 {
                let same = if let entry = known[i], entry.stamp == FileStamp(info) { entry.hash == hash }
                    else { (try? FileIO.read(output + "/" + jobs[i].file)) == bytes }
                if same { return RenderedFile(path: jobs[i].file, hash: hash, size: bytes.count, bytes: nil, stamp: FileStamp(info)) }
            }
            return RenderedFile(path: jobs[i].file, hash: hash, size: bytes.count, bytes: bytes, stamp: nil)
        }
    }

    /// Writes the rendered files that changed, in parallel and atomically, and records
    /// each with the inputs of its job. Returns how many it wrote.
    private mutating func store(_ files: [RenderedFile], _ jobs: [Planned]) -> Int {
        guard !jobs.isEmpty else { return 0 }
        ManifestStore(folder: options.site.outputManifests).markDirty(tree: options.output)
        let output = options.output
        let stamps = Parallel.map(files.count) { i -> FileStamp? in
            guard let bytes = files[i].bytes else { return files[i].stamp }
            return try? SafeFile.replaceOutput(output + "/" + files[i].path, bytes)
        }
        for (k, job) in jobs.enumerated() {
            // A file that could not be written is not vouched for: the next full build
            // renders and writes it again.
            pages.entries[job.file] = stamps[k] == nil ? nil : PageCache.Entry(inputs: job.inputs, content: files[k].hash, size: files[k].size)
            manifest.entries[job.file] = stamps[k].map { OutputManifest.Entry(stamp: $0, hash: files[k].hash) }
        }
        return zip(files, stamps).count { $0.bytes != nil && $1 != nil }
    }

    /// Deletes a file of the output that no page makes any more, and folders left empty.
    private mutating func remove(_ file: String) {
        var path = options.output + "/" + file
        ManifestStore(folder: options.site.outputManifests).markDirty(tree: options.output)
        manifest.entries[file] = nil
        pages.entries[file] = nil
        guard unlink(path) == 0 else { return }
        while true {
            path = (path as NSString).deletingLastPathComponent
            guard path.count > options.output.count, rmdir(path) == 0 else { return }
        }
    }
}
