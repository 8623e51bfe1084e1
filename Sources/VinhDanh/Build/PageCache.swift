import VinhDanhSupport

/// For each output file, the inputs it was last rendered from and the bytes that gave
/// (their hash and size). A page whose inputs hash as before is not rendered again when
/// the output still holds those bytes (see ``PageKind``).
///
/// Kept in the site's `.vinhdanh/cache/pages`; keyed by the `vinhdanh` binary and the
/// build's options that change every page (the preview's reload script). A damaged file,
/// or one made for another key, is ignored: every page is then rendered.
struct PageCache: Sendable {
    /// What one file was rendered from and what it holds.
    struct Entry: Hashable, Sendable {
        var inputs: ContentHash
        var content: ContentHash
        var size: Int
    }

    /// Entries by output file.
    var entries: [String: Entry] = [:]

    /// The cache file of a site's builds with `options`: the preview server's pages carry
    /// its reload script, so it keeps a cache of its own beside the one of `build`.
    static func path(_ options: BuildOptions) -> String {
        options.site.cache + (options.injectHTML == nil ? "/cache/pages" : "/cache/pages-serve")
    }

    private static let magic = "vinhdanh-page-cache 2"

    /// The cache for `key`, empty when there is none that can be trusted.
    static func load(_ path: String, key: ContentHash) -> PageCache {
        let entries = ChecksummedFile.readEntries(path, magic: magic, key: key) { r -> Entry? in
            guard let inputs = r.hash(), let content = r.hash(), let size = r.int() else { return nil }
            return Entry(inputs: inputs, content: content, size: size)
        }
        return PageCache(entries: entries ?? [:])
    }

    /// Writes the cache (atomically) for `key`.
    func save(_ path: String, key: ContentHash) throws(FileError) {
        try ChecksummedFile.writeEntries(entries, to: path, magic: Self.magic, key: key) { entry, w in
            w.add(entry.inputs)
            w.add(entry.content)
            w.add(entry.size)
        }
    }
}
