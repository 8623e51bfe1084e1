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
        guard let bytes = try? FileIO.read(path), var r = ChecksummedFile.decode(bytes, magic: magic),
              r.hash() == key, let count = r.int(), count >= 0 else { return PageCache() }
        var cache = PageCache()
        cache.entries.reserveCapacity(count)
        for _ in 0..<count {
            guard let file = r.text(), let inputs = r.hash(), let content = r.hash(), let size = r.int() else { return PageCache() }
            cache.entries[file] = Entry(inputs: inputs, content: content, size: size)
        }
        return r.atEnd ? cache : PageCache()
    }

    /// Writes the cache (atomically) for `key`.
    func save(_ path: String, key: ContentHash) throws(FileError) {
        let bytes = ChecksummedFile.encode(magic: Self.magic) { w in
            w.add(key)
            w.add(entries.count)
            for (file, entry) in entries {
                w.add(file)
                w.add(entry.inputs)
                w.add(entry.content)
                w.add(entry.size)
            }
        }
        try FileIO.makeDirectories(String(path[..<(path.lastIndex(of: "/") ?? path.endIndex)]))
        try SafeFile.replace(path, bytes)
    }
}
