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
    /// The inputs of each page file written (search index files aside), by output file.
    private var shown: [String: ContentHash]

    /// A full build that keeps its model for later updates (`nil` model when it failed).
    public static func full(options: BuildOptions) throws -> (BuildResult, IncrementalBuild?) {
        let (result, renderer) = try Builder(options: options).buildKeepingRenderer()
        return (result, renderer.map { IncrementalBuild(options: options, renderer: $0, shown: Self.inputs(of: $0)) })
    }

    /// The inputs of every page file the renderer plans, search index files aside.
    private static func inputs(of renderer: SiteRenderer) -> [String: ContentHash] {
        let search = PageGraph.index(of: SearchIndexFiles.self)
        let jobs = renderer.plan().filter { $0.kind != search }
        let hashes = Parallel.map(jobs.count) { renderer.inputs(of: jobs[$0]) }
        return Dictionary(zip(jobs.map(renderer.file(of:)), hashes), uniquingKeysWith: { a, _ in a })
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
        for absolute in changed.sorted() {
            let path = paths.relative(absolute)
            let known = site.profiles.firstIndex { $0.path == path }
            let isProfile = path.hasPrefix("content/profiles/") && path.hasSuffix(".md")
            if !FileIO.exists(absolute) {
                if let known { site.profiles.remove(at: known) }
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
            } else {
                site.profiles.insert(profile, at: site.profiles.firstIndex { $0.path > path } ?? site.profiles.count)
            }
            edited.append(path)
        }
        diagnostics += SiteLoader.duplicateSlugs(site.profiles)
        if diagnostics.contains(where: { $0.severity == .error }) { return .failed(diagnostics.sorted()) }
        let previous = renderer
        let index = SiteIndex(site: site)
        var cardsBySource: [ContentHash: String] = [:]
        for (profile, card) in zip(previous.site.profiles, previous.cards.known) { if let card { cardsBySource[profile.sourceHash] = card } }
        let cards = site.profiles.map { cardsBySource[$0.sourceHash] }
        renderer = SiteRenderer(site: site, index: index, theme: previous.theme, cards: cards, photoSizes: previous.photoSizes,
                                sitemapLimit: previous.sitemapLimit, deferringSearchIndex: true)
            .withSearchIndex(previous.searchIndex)
        let fresh = Self.inputs(of: renderer)
        let search = PageGraph.index(of: SearchIndexFiles.self)
        let jobs = renderer.plan().filter { job in job.kind != search && shown[renderer.file(of: job)] != fresh[renderer.file(of: job)] }
        let rendered = Parallel.map(jobs.count) { [renderer] i in renderer.render(jobs[i]) }
        var written = 0
        for (file, bytes) in rendered where write(file, bytes) { written += 1 }
        for file in shown.keys where fresh[file] == nil { remove(file) }
        shown = fresh
        let page = edited.count == 1 ? site.profiles.first { $0.path == edited[0] }.map { renderer.urls.profile($0.slug) } : nil
        return .updated(rendered: jobs.count, written: written, page: page, diagnostics: diagnostics.sorted())
    }

    /// Whether a path that came and went may be part of the site (other names are
    /// editors' temporary files).
    private static func mayMatter(_ path: String) -> Bool {
        path.hasSuffix(".md") || path.hasSuffix(".yaml") || path.hasSuffix(".mustache") || path.hasPrefix("site-templates/assets/")
    }

    /// Rebuilds the search index and writes the files of it that changed.
    public mutating func refreshSearchIndex() -> Int {
        applySearchIndex(freshSearchIndex())
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
        var written = 0
        for file in fresh.files where old[file.path] != file.bytes {
            if write(file.path, file.bytes, inject: false) { written += 1 }
        }
        let kept = Set(fresh.files.map(\.path))
        for file in old.keys where !kept.contains(file) { remove(file) }
        renderer = renderer.withSearchIndex(fresh)
        return written
    }

    /// Marks the output's manifest as no longer describing it, before writing into the
    /// folder directly: the next full build then checks the folder whole (see ``ManifestStore``).
    private func markChanged() {
        ManifestStore(folder: options.site.outputManifests).markDirty(tree: options.output)
    }

    /// Writes a file of the output if its bytes changed (atomically: a reader sees the old
    /// or the new file). Returns whether it wrote.
    private func write(_ file: String, _ bytes: [UInt8], inject: Bool = true) -> Bool {
        var bytes = bytes
        if inject, let snippet = options.injectHTML, file.hasSuffix(".html") {
            bytes = Builder.inject(Array(snippet.utf8), into: bytes)
        }
        let path = options.output + "/" + file
        if let old = try? FileIO.read(path), old == bytes { return false }
        markChanged()
        do {
            try FileIO.makeDirectories((path as NSString).deletingLastPathComponent)
            try SafeFile.replace(path, bytes)
            return true
        } catch {
            return false
        }
    }

    /// Deletes a file of the output that no page makes any more, and folders left empty.
    private func remove(_ file: String) {
        var path = options.output + "/" + file
        markChanged()
        guard unlink(path) == 0 else { return }
        while true {
            path = (path as NSString).deletingLastPathComponent
            guard path.count > options.output.count, rmdir(path) == 0 else { return }
        }
    }
}
