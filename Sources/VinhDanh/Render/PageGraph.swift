import VinhDanhSupport
import VinhDanhText

/// Every kind of output file, in plan order, and what a build derives from them: the
/// plan, each file's path, bytes and inputs, the folders to make, the sitemap's entries.
package enum PageGraph {
    /// The kinds. Order is plan order (and the sitemap's).
    static let kinds: [any PageKind] = [
        HomePage(), ProfilePages(), TaxonomyPages(), ContentPages(),
        StatisticsPage(), StatisticsDownloads(), ReportPage(), SearchPage(), SearchIndexFiles(),
        NotFoundPage(), FeedFile(), RobotsFile(), SitemapFiles(),
    ]

    // What later stages need to know of the kinds, so that ``PageKind`` and the kinds
    // stay the Render stage's own.

    /// Every template the kinds name: those a theme must have.
    package static var templates: [String] { kinds.flatMap(\.templates) }

    /// For each kind (by index in ``kinds``), whether it makes one file per profile
    /// that shows only that profile (``PageKind/onePerProfile``).
    package static let onePerProfile: [Bool] = kinds.map(\.onePerProfile)

    /// Index of the kind of type `type` in ``kinds``.
    static func index<K: PageKind>(of type: K.Type) -> Int {
        kinds.firstIndex { $0 is K } ?? 0
    }

    /// The jobs of one kind.
    static func jobs(of kind: Int, _ r: SiteRenderer) -> [PageJob] {
        kinds[kind].pages(r).map { PageJob(kind: kind, ref: $0) }
    }
}

extension SiteRenderer {
    /// Every file to produce, in plan order (the search index's files only once it is attached).
    public func plan() -> [PageJob] {
        PageGraph.kinds.indices.flatMap { PageGraph.jobs(of: $0, self) }
    }

    /// The jobs writing the search index's files.
    public var searchFileJobs: [PageJob] { PageGraph.jobs(of: PageGraph.index(of: SearchIndexFiles.self), self) }

    /// The jobs of the kinds that follow the reload (``PageKind/followsReload``), or of
    /// all the others.
    package func jobs(followingReload: Bool) -> [PageJob] {
        PageGraph.kinds.indices.filter { PageGraph.kinds[$0].followsReload == followingReload }.flatMap { PageGraph.jobs(of: $0, self) }
    }

    /// The output file of a job, relative to the output folder.
    public func file(of job: PageJob) -> String { PageGraph.kinds[job.kind].file(job.ref, self) }

    /// The output file and its bytes.
    public func render(_ job: PageJob) -> (file: String, bytes: [UInt8]) {
        let kind = PageGraph.kinds[job.kind]
        return (kind.file(job.ref, self), kind.render(job.ref, self))
    }

    /// The hash of everything the job's file shows: its own inputs, the site-wide sources
    /// and the templates of its kind. Not the job's numbers: they are positions (a
    /// profile's index moves when another is added before it), and a file is known by
    /// its path, so a kind adds those of its numbers its file shows (a page number).
    public func inputs(of job: PageJob) -> ContentHash {
        var hasher = InputHasher()
        addInputs(of: job, &hasher)
        return hasher.hash
    }

    /// The job's inputs, with the profiles they come from: their indices, or `nil` when
    /// the file shows something of every profile (the statistics).
    package func inputsAndProfiles(of job: PageJob) -> (inputs: ContentHash, profiles: [Int32]?) {
        var hasher = InputHasher()
        hasher.recording = true
        addInputs(of: job, &hasher)
        return (hasher.hash, hasher.notedAll ? nil : hasher.noted)
    }

    private func addInputs(of job: PageJob, _ hasher: inout InputHasher) {
        hasher.add(siteInputs)
        hasher.add(templateInputs[job.kind])
        hasher.add(job.kind)
        PageGraph.kinds[job.kind].inputs(job.ref, self, &hasher)
    }

    /// The site path of an HTML page job (`nil` for other files).
    func path(of job: PageJob) -> String? { PageGraph.kinds[job.kind].path(job.ref, self) }

    /// The folders the HTML pages of `jobs` are written into, in job order.
    public func folders(of jobs: [PageJob]) -> [String] {
        jobs.compactMap { job in
            let file = self.file(of: job)
            return file.lastIndex(of: "/").map { String(file[..<$0]) }
        }
    }

    /// HTML pages listed in sitemaps, in plan order, each with its last-modified date: the
    /// newest content it shows (never the build time). Every kind but the sitemap's own.
    func sitemapEntries() -> [(loc: String, lastmod: CalendarDate?)] {
        sitemapMemo.value(for: 0) { listSitemapEntries() }
    }

    private func listSitemapEntries() -> [(loc: String, lastmod: CalendarDate?)] {
        let sitemap = PageGraph.index(of: SitemapFiles.self)
        var entries: [(loc: String, lastmod: CalendarDate?)] = []
        for (k, kind) in PageGraph.kinds.enumerated() where k != sitemap && kind.inSitemap {
            for page in kind.pages(self) {
                guard let path = kind.path(page, self) else { continue }
                entries.append((urls.absolute(path), kind.lastModified(page, self)))
            }
        }
        return entries
    }
}
