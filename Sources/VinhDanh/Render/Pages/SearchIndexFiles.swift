import VinhDanhSupport

/// The search index's files under `/tim-kiem/chi-muc/` (see ``SearchIndex``), once it is
/// attached to the renderer.
struct SearchIndexFiles: PageKind {
    func pages(_ r: SiteRenderer) -> [PageRef] { r.searchIndex.files.indices.map { PageRef($0) } }
    func path(_ page: PageRef, _ r: SiteRenderer) -> String? { nil }
    func file(_ page: PageRef, _ r: SiteRenderer) -> String { r.searchIndex.files[page.a].path }
    func render(_ page: PageRef, _ r: SiteRenderer) -> [UInt8] { r.searchIndex.files[page.a].bytes }
    var templates: [String] { [] }
    var followsReload: Bool { true }
    func inputs(_ page: PageRef, _ r: SiteRenderer, _ hasher: inout InputHasher) {
        hasher.add(ContentHash(r.searchIndex.files[page.a].bytes))
    }
}
