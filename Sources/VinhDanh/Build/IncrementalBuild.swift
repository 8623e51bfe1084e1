import Foundation

/// Rebuilding after an edit without rebuilding everything (the preview server).
///
/// An edit to profiles that leaves the list order, every term and every award record as
/// they were (a body, a summary, a unit, a decision number…) re-renders only the pages
/// that show those profiles: their own page, the term pages that list them, the home page
/// and the feed when they are among the newest. Only files whose bytes changed are
/// written. The search index follows with ``refreshSearchIndex()``. Any other change
/// (a title, a term, an added or deleted file, a template) needs a full build. The result
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
        var site = renderer.site
        let paths = site.paths
        let parser = ProfileParser(vocabularies: site.vocabularies, latestYear: options.latestYear,
                                   checkPhoto: PhotoCheck(paths: paths).check)
        var edited = Set<Int>()
        var diagnostics: [Diagnostic] = []
        for absolute in changed {
            let path = paths.relative(absolute)
            guard path.hasPrefix("content/profiles/"), path.hasSuffix(".md"),
                  let i = site.profiles.firstIndex(where: { $0.path == path }) else { return nil }
            guard case .success(let text) = SiteLoader.readText(absolute, relative: path) else { return nil }
            let (parsed, found) = parser.parse(text, path: path)
            diagnostics += found
            guard let profile = parsed else { continue }
            guard Self.sameIndexes(site.profiles[i], profile) else { return nil }
            site.profiles[i] = profile
            edited.insert(i)
        }
        if diagnostics.contains(where: { $0.severity == .error }) { return .failed(diagnostics.sorted()) }
        renderer = SiteRenderer(updating: renderer, site: site, changed: edited)
        let jobs = pages(showing: edited)
        let rendered = Parallel.map(jobs.count) { [renderer] i in renderer.render(jobs[i]) }
        var written = 0
        for (file, bytes) in rendered where write(file, bytes) { written += 1 }
        let page = edited.count == 1 ? edited.first.map { renderer.urls.profile(site.profiles[$0].slug) } : nil
        return .updated(rendered: jobs.count, written: written, page: page, diagnostics: diagnostics.sorted())
    }

    /// Rebuilds the search index and writes the files of it that changed.
    public mutating func refreshSearchIndex() -> Int {
        let fresh = SearchIndex(site: renderer.site, index: renderer.index, root: renderer.urls.root)
        let old = Dictionary(uniqueKeysWithValues: renderer.searchIndex.files.map { ($0.path, $0.bytes) })
        var written = 0
        for file in fresh.files where old[file.path] != file.bytes {
            if write(file.path, file.bytes, inject: false) { written += 1 }
        }
        renderer = renderer.withSearchIndex(fresh)
        return written
    }

    /// Whether two versions of a profile sit in the same place of every list, term and count.
    static func sameIndexes(_ a: Profile, _ b: Profile) -> Bool {
        a.slug == b.slug && a.title == b.title && a.kind == b.kind && a.district == b.district
            && a.movements == b.movements && a.awards.map(\.type) == b.awards.map(\.type)
            && a.awards.map(\.year) == b.awards.map(\.year) && a.date == b.date && a.photo == b.photo
    }

    /// The jobs whose output shows any of `profiles`.
    private func pages(showing profiles: Set<Int>) -> [PageJob] {
        let index = renderer.index
        let size = renderer.site.config.pagination
        var jobs: Set<PageJob> = []
        for i in profiles {
            jobs.insert(.profile(i))
            for taxonomy in index.taxonomies {
                for (t, term) in taxonomy.terms.enumerated() {
                    if let position = term.profiles.firstIndex(of: i) {
                        jobs.insert(.term(taxonomy.kind, term: t, page: position / size + 1))
                    }
                }
            }
            if index.newest.prefix(12).contains(i) { jobs.insert(.home) }
            if index.newest.prefix(50).contains(i) { jobs.insert(.feed) }
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
