import Foundation

/// Rebuilding after an edit without rebuilding everything (the preview server).
///
/// An edit to profiles that leaves every term and award record as they were (a body, a
/// summary, a unit, a decision number, a title…) re-renders only the pages that show those
/// profiles: their own page, the term pages that list them (for a new title, every page
/// between the old and the new place), the home page and the feed when they are among the
/// newest. Only files whose bytes changed are written. The search index follows with
/// ``refreshSearchIndex()``. Any other change (a term, an award, an added or deleted
/// file, a template) needs a full build. The result
/// is byte-identical to a full build of the same content (tested).
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

    /// A full build that keeps its model for later updates (`nil` model when it failed).
    public static func full(options: BuildOptions) throws -> (BuildResult, IncrementalBuild?) {
        let (result, renderer) = try Builder(options: options).buildKeepingRenderer()
        return (result, renderer.map { IncrementalBuild(options: options, renderer: $0) })
    }

    /// Applies edits to the files at `changed` (absolute paths) in place, or returns `nil`
    /// when they need a full build.
    public mutating func update(changed: Set<String>) -> Outcome? {
        let lock = try? SiteLock(paths: options.site, waiting: options.waitingForLock)
        defer { withExtendedLifetime(lock) {} }
        var site = renderer.site
        let paths = site.paths
        let parser = ProfileParser(vocabularies: site.vocabularies, latestYear: options.latestYear,
                                   checkPhoto: PhotoCheck(paths: paths).check)
        var edited = Set<Int>()
        var retitled = false
        var diagnostics: [Diagnostic] = []
        for absolute in changed {
            let path = paths.relative(absolute)
            // Editors' temporary files come and go (sed -i, save-as-rename): a path that no
            // longer exists and was never part of the site changes nothing.
            if !FileIO.exists(absolute) && !site.profiles.contains(where: { $0.path == path }) && !path.hasSuffix(".md")
                && !path.hasSuffix(".yaml") && !path.hasSuffix(".mustache") && !path.hasPrefix("site-templates/assets/") { continue }
            guard path.hasPrefix("content/profiles/"), path.hasSuffix(".md"),
                  let i = site.profiles.firstIndex(where: { $0.path == path }) else { return nil }
            guard case .success(let text) = SiteLoader.readText(absolute, relative: path) else { return nil }
            let (parsed, found) = parser.parse(text, path: path)
            diagnostics += found
            guard let profile = parsed else { continue }
            guard Self.sameTerms(site.profiles[i], profile) else { return nil }
            if site.profiles[i].title != profile.title { retitled = true }
            site.profiles[i] = profile
            edited.insert(i)
        }
        if diagnostics.contains(where: { $0.severity == .error }) { return .failed(diagnostics.sorted()) }
        // A new title moves the profile within its lists: re-index (sort keys are cheap
        // ICU byte keys) and re-render the pages between its old and new places.
        let previous = renderer.index
        let index = retitled ? SiteIndex(site: site) : previous
        renderer = SiteRenderer(updating: renderer, site: site, changed: edited, index: index)
        let jobs = pages(showing: edited, before: previous, after: index)
        let rendered = Parallel.map(jobs.count) { [renderer] i in renderer.render(jobs[i]) }
        var written = 0
        for (file, bytes) in rendered where write(file, bytes) { written += 1 }
        let page = edited.count == 1 ? edited.first.map { renderer.urls.profile(site.profiles[$0].slug) } : nil
        return .updated(rendered: jobs.count, written: written, page: page, diagnostics: diagnostics.sorted())
    }

    /// Rebuilds the search index and writes the files of it that changed.
    public mutating func refreshSearchIndex() -> Int {
        applySearchIndex(freshSearchIndex())
    }

    /// The search index of the current model (pure: can run on another thread).
    public func freshSearchIndex() -> SearchIndex {
        SearchIndex(site: renderer.site, index: renderer.index, root: renderer.urls.root)
    }

    /// Writes the files of `fresh` that differ from the current index and keeps it.
    public mutating func applySearchIndex(_ fresh: SearchIndex) -> Int {
        let lock = try? SiteLock(paths: options.site, waiting: options.waitingForLock)
        defer { withExtendedLifetime(lock) {} }
        let old = Dictionary(uniqueKeysWithValues: renderer.searchIndex.files.map { ($0.path, $0.bytes) })
        var written = 0
        for file in fresh.files where old[file.path] != file.bytes {
            if write(file.path, file.bytes, inject: false) { written += 1 }
        }
        renderer = renderer.withSearchIndex(fresh)
        return written
    }

    /// Whether two versions of a profile belong to the same terms with the same award
    /// records (a new title may still move it within its lists).
    static func sameTerms(_ a: Profile, _ b: Profile) -> Bool {
        a.slug == b.slug && a.kind == b.kind && a.district == b.district
            && a.movements == b.movements && a.awards.map(\.type) == b.awards.map(\.type)
            && a.awards.map(\.year) == b.awards.map(\.year) && a.date == b.date && a.photo == b.photo
    }

    /// The jobs whose output shows any of `profiles`, or changed because they moved from
    /// their place in `before` to their place in `after`.
    private func pages(showing profiles: Set<Int>, before: SiteIndex, after: SiteIndex) -> [PageJob] {
        let size = renderer.site.config.pagination
        var jobs: Set<PageJob> = []
        for i in profiles {
            jobs.insert(.profile(i))
            for (old, new) in zip(before.taxonomies, after.taxonomies) {
                for (t, (oldTerm, newTerm)) in zip(old.terms, new.terms).enumerated() {
                    guard let p = oldTerm.profiles.firstIndex(of: i), let q = newTerm.profiles.firstIndex(of: i) else { continue }
                    for page in (min(p, q) / size + 1)...(max(p, q) / size + 1) {
                        jobs.insert(.term(new.kind, term: t, page: page))
                    }
                }
            }
            if before.newest.prefix(12).contains(i) || after.newest.prefix(12).contains(i) { jobs.insert(.home) }
            if before.newest.prefix(50).contains(i) || after.newest.prefix(50).contains(i) { jobs.insert(.feed) }
        }
        return Array(jobs)
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
        do {
            try SafeFile.replace(path, String(decoding: bytes, as: UTF8.self))
            return true
        } catch {
            return false
        }
    }
}
