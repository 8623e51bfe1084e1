import Foundation

/// Rebuilding after an edit without rebuilding everything (the preview server).
///
/// Added, deleted and edited profiles are read again alone; the index is rebuilt from the
/// model kept in memory; then every page's inputs are hashed (see ``PageKind``) and only
/// the pages whose inputs changed are rendered. Only files whose bytes changed are
/// written, and files of pages that are gone are deleted. The search index follows with
/// ``refreshSearchIndex()``. A change to anything but a profile (a template, a
/// vocabulary, `site.yaml`, a photo) asks for a full build, which renders again only the
/// pages it changes. The result is byte-identical to a full build of the same content
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
    /// The plan's page files (search index files aside), each with the inputs it was
    /// last written from.
    var planned: [Planned]
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

    /// A full build that keeps its model for later updates (`nil` model when it failed).
    public static func full(options: BuildOptions) throws -> (BuildResult, IncrementalBuild?) {
        let (result, renderer) = try Builder(options: options).buildKeepingRenderer()
        guard let renderer else { return (result, nil) }
        let pages = PageCache.load(PageCache.path(options), key: Builder.pageCacheKey(options))
        let (manifest, _) = ManifestStore(folder: options.site.outputManifests).load(tree: options.output)
        return (result, IncrementalBuild(options: options, renderer: renderer, planned: plannedInputs(renderer), dependents: nil,
                                         pages: pages, manifest: manifest))
    }

    /// Applies edits to the files at `changed` (absolute paths), or returns `nil` when they
    /// need a full build.
    public mutating func update(changed: Set<String>) -> Outcome? {
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
        if !sameProfiles { diagnostics += SiteLoader.duplicateSlugs(site.profiles) }
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
        } else {
            var cardsBySource: [ContentHash: String] = [:]
            for (profile, card) in zip(previous.site.profiles, previous.cards.known) { if let card { cardsBySource[profile.sourceHash] = card } }
            renderer = SiteRenderer(site: site, index: SiteIndex(site: site), theme: previous.theme,
                                    cards: site.profiles.map { cardsBySource[$0.sourceHash] }, photoSizes: previous.photoSizes,
                                    sitemapLimit: previous.sitemapLimit, deferringSearchIndex: true)
                .withSearchIndex(previous.searchIndex)
            let fresh = Self.plannedInputs(renderer, previous: (planned, previous))
            let shown = Dictionary(planned.map { ($0.file, $0.inputs) }, uniquingKeysWith: { a, _ in a })
            changed = fresh.filter { shown[$0.file] != $0.inputs }
            let kept = Set(fresh.map(\.file))
            for page in planned where !kept.contains(page.file) { remove(page.file) }
            planned = fresh
            dependents = nil
        }
        let written = write(Parallel.map(changed.count) { [renderer] i in renderer.render(changed[i].job) },
                            inputs: Dictionary(changed.map { ($0.file, $0.inputs) }, uniquingKeysWith: { a, _ in a }))
        // The caches are saved by the search index's refresh that follows (off the path
        // from save to reload); until then the folder stays marked dirty, which is safe.
        let page = edited.count == 1 ? site.profiles.first { $0.path == edited[0] }.map { renderer.urls.profile($0.slug) } : nil
        return .updated(rendered: changed.count, written: written, page: page, diagnostics: diagnostics.sorted())
    }

    /// Whether a path that came and went may be part of the site (other names are
    /// editors' temporary files).
    private static func mayMatter(_ path: String) -> Bool {
        path.hasSuffix(".md") || path.hasSuffix(".yaml") || path.hasSuffix(".mustache") || path.hasPrefix("site-templates/assets/")
    }

    /// Rebuilds the search index and writes the files of it that changed, and works out
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

    /// Writes the files of `fresh` that differ from the current index, deletes those it no
    /// longer has, and keeps it.
    public mutating func applySearchIndex(_ fresh: SearchIndex) -> Int {
        let lock = try? SiteLock(paths: options.site, waiting: options.waitingForLock)
        defer { withExtendedLifetime(lock) {} }
        let old = Dictionary(renderer.searchIndex.files.map { ($0.path, $0.bytes) }, uniquingKeysWith: { a, _ in a })
        renderer = renderer.withSearchIndex(fresh)
        let inputs = Dictionary(renderer.searchFileJobs.map { (renderer.file(of: $0), renderer.inputs(of: $0)) },
                                uniquingKeysWith: { a, _ in a })
        let written = write(fresh.files.filter { old[$0.path] != $0.bytes }.map { ($0.path, $0.bytes) }, inputs: inputs, inject: false)
        let kept = Set(fresh.files.map(\.path))
        for file in old.keys where !kept.contains(file) { remove(file) }
        saveCaches()
        return written
    }

    /// Saves the page cache and the output's manifest, now that they describe the folder
    /// again (which clears its dirty mark).
    public func saveCaches() {
        try? pages.save(PageCache.path(options), key: Builder.pageCacheKey(options))
        try? ManifestStore(folder: options.site.outputManifests).save(manifest, tree: options.output, paths: [options.output, OutputUpdate.spare(of: options.output)])
    }

    /// Writes the files whose bytes changed, in parallel (atomically: a reader sees the
    /// old or the new file), and records each with the `inputs` it was rendered from.
    /// Returns how many it wrote.
    private mutating func write(_ files: [(file: String, bytes: [UInt8])], inputs: [String: ContentHash],
                                inject: Bool = true) -> Int {
        guard !files.isEmpty else { return 0 }
        // Marked before the folder changes: the manifest does not describe it until saved.
        ManifestStore(folder: options.site.outputManifests).markDirty(tree: options.output)
        let snippet = inject ? options.injectHTML.map { Array($0.utf8) } : nil
        let output = options.output
        let results = Parallel.map(files.count) { i -> (hash: ContentHash, size: Int, stamp: FileStamp?, wrote: Bool) in
            var bytes = files[i].bytes
            if let snippet, files[i].file.hasSuffix(".html") { bytes = Builder.inject(snippet, into: bytes) }
            let hash = ContentHash(bytes)
            let path = output + "/" + files[i].file
            var info = stat()
            if let old = try? FileIO.read(path), old == bytes {
                return (hash, bytes.count, stat(path, &info) == 0 ? FileStamp(info) : nil, false)
            }
            guard (try? FileIO.makeDirectories((path as NSString).deletingLastPathComponent)) != nil,
                  (try? SafeFile.replace(path, bytes)) != nil else { return (hash, bytes.count, nil, false) }
            return (hash, bytes.count, stat(path, &info) == 0 ? FileStamp(info) : nil, true)
        }
        for ((file, _), result) in zip(files, results) {
            pages.entries[file] = inputs[file].map { PageCache.Entry(inputs: $0, content: result.hash, size: result.size) }
            manifest.entries[file] = result.stamp.map { OutputManifest.Entry(stamp: $0, hash: result.hash) }
        }
        return results.count(where: \.wrote)
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
