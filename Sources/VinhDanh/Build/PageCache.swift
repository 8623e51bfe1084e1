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

    /// The cache file of a site.
    static func path(_ paths: SitePaths) -> String { paths.cache + "/cache/pages" }

    private static func header(key: ContentHash) -> String { "vinhdanh-page-cache 1 " + key.hex }

    /// The cache for `key`, empty when there is none that can be trusted.
    static func load(_ path: String, key: ContentHash) -> PageCache {
        guard let bytes = try? FileIO.read(path), let lines = ChecksummedText.decode(bytes, header: header(key: key)) else {
            return PageCache()
        }
        var cache = PageCache()
        cache.entries.reserveCapacity(lines.count)
        for line in lines {
            let fields = line.split(separator: " ", maxSplits: 3, omittingEmptySubsequences: false)
            guard fields.count == 4, let inputs = ContentHash(hex: fields[0]), let content = ContentHash(hex: fields[1]),
                  let size = Int(fields[2]) else { return PageCache() }
            cache.entries[String(fields[3])] = Entry(inputs: inputs, content: content, size: size)
        }
        return cache
    }

    /// Writes the cache (atomically) for `key`.
    func save(_ path: String, key: ContentHash) throws(FileError) {
        let lines = entries.sorted { $0.key < $1.key }.filter { !$0.key.contains("\n") }.map { file, entry in
            "\(entry.inputs.hex) \(entry.content.hex) \(entry.size) \(file)"
        }
        try FileIO.makeDirectories(String(path[..<(path.lastIndex(of: "/") ?? path.endIndex)]))
        try SafeFile.replace(path, ChecksummedText.encode(header: Self.header(key: key), lines: lines))
    }
}
