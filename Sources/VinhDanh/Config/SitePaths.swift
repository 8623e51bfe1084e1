/// Where a site's files are. All paths are plain strings (POSIX), absolute.
public struct SitePaths: Sendable {
    /// The site folder (`--site`).
    public let root: String

    /// Paths of the site in `root`.
    public init(root: String) {
        var root = root
        while root.count > 1 && root.hasSuffix("/") { root.removeLast() }
        self.root = root
    }

    public var content: String { root + "/content" }
    public var siteConfig: String { content + "/site.yaml" }
    public var vocab: String { content + "/vocab" }
    public var profiles: String { content + "/profiles" }
    public var pages: String { content + "/pages" }
    public var media: String { content + "/media" }
    public var data: String { content + "/data" }
    /// The site's own templates, overriding the default theme file by file.
    public var templates: String { root + "/site-templates" }
    /// Default output folder.
    public var defaultOutput: String { root + "/public" }
    /// The site's own working files (git-ignored, safe to delete): the build cache, the
    /// preview server's folder, resized photos.
    public var cache: String { root + "/.vinhdanh" }
    /// What each output folder holds: its files' stamps and hashes.
    public var outputManifests: String { cache + "/output" }
    /// The site as last built for publishing to servers, brought up to date by each
    /// publish so that unchanged files keep their bytes and only changes are sent.
    public var publishStage: String { cache + "/publish/site" }
    /// The SHA-256 of the stage's files, by stamp, for the servers' manifests.
    public var publishHashes: String { cache + "/publish/sha256" }

    /// `absolute` relative to the site root, for diagnostics.
    public func relative(_ absolute: String) -> String {
        absolute.hasPrefix(root + "/") ? String(absolute.dropFirst(root.count + 1)) : absolute
    }
}
