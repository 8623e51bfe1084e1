import Foundation

/// Profile photos published at a size fit for phones, with libvips (Debian's
/// `libvips-tools`): shrunk to at most 480 px, metadata stripped so the same input always
/// gives the same bytes, and measured so pages carry width and height.
public struct PhotoProcessor: Sendable {
    /// Longest side of a published photo.
    public static let maximumSize = 480

    /// Width and height of a published photo.
    public typealias Size = PhotoSize

    let vipsthumbnail: String?
    let vipsheader: String?

    /// Finds the libvips tools on the `PATH`.
    public init() {
        vipsthumbnail = Self.which("vipsthumbnail")
        vipsheader = Self.which("vipsheader")
    }

    /// Whether libvips is installed.
    public var isAvailable: Bool { vipsthumbnail != nil && vipsheader != nil }

    /// Resizes every photo (paths relative to `content/`) into `output` (same relative
    /// path) and returns their sizes. Photos that fail are copied unchanged, without a size.
    ///
    /// Results are kept in `cache` (the site's `.vinhdanh/photos/`), keyed by the source's
    /// path, size and modification time, so a rebuild does not run libvips again.
    public func publish(_ photos: [String], content: String, output: String, cache: String?, workers: Int) -> [String: Size] {
        let results = Parallel.map(photos.count, workers: workers) { i -> Size? in
            let photo = photos[i]
            let target = output + "/" + photo
            try? FileIO.makeDirectories((target as NSString).deletingLastPathComponent)
            var cached: String?
            if let cache, let key = Self.cacheKey(content + "/" + photo) { cached = cache + "/" + key }
            if let cached, let bytes = try? FileIO.read(cached),
               let text = try? String(contentsOfFile: cached + ".size", encoding: .utf8), let size = Self.size(in: "x: " + text) {
                try? FileIO.writeNew(target, bytes)
                return size
            }
            if let thumbnail = vipsthumbnail, let header = vipsheader {
                let options = photo.lowercased().hasSuffix(".png") ? "[strip]" : "[strip,Q=82]"
                let size = "\(Self.maximumSize)x\(Self.maximumSize)>"
                if Self.run(thumbnail, [content + "/" + photo, "--size", size, "-o", target + options]) != nil,
                   let info = Self.run(header, [target]), let size = Self.size(in: info) {
                    if let cached, let bytes = try? FileIO.read(target), let folder = cache {
                        try? FileIO.makeDirectories(folder)
                        try? SafeFile.replace(cached + ".size", "\(size.width)x\(size.height)")
                        try? FileManager.default.removeItem(atPath: cached)
                        try? FileIO.writeNew(cached, bytes)
                    }
                    return size
                }
            }
            try? FileManager.default.removeItem(atPath: target)
            if let bytes = try? FileIO.read(content + "/" + photo) { try? FileIO.writeNew(target, bytes) }
            return nil
        }
        var sizes: [String: Size] = [:]
        for (photo, size) in zip(photos, results) { if let size { sizes[photo] = size } }
        return sizes
    }

    /// A cache file name for a source photo: its path, size and modification time, hashed.
    static func cacheKey(_ path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        let text = "\(path)|\(info.st_size)|\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)|\(maximumSize)"
        // FNV-1a: a cache name, not a security boundary.
        var hash: UInt64 = 0xcbf29ce484222325
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100000001b3 }
        let ext = (path as NSString).pathExtension.lowercased()
        return String(hash, radix: 16) + "." + (ext.isEmpty ? "img" : ext)
    }

    /// `file: 480x320 uchar, 3 bands, srgb, jpegload` → 480 × 320.
    static func size(in header: String) -> Size? {
        guard let colon = header.range(of: ": ") else { return nil }
        let dimensions = header[colon.upperBound...].prefix { $0 != " " }.split(separator: "x")
        guard dimensions.count == 2, let w = Int(dimensions[0]), let h = Int(dimensions[1]) else { return nil }
        return Size(width: w, height: h)
    }

    private static func which(_ tool: String) -> String? {
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(folder)/\(tool)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    /// Runs a tool; its standard output, or `nil` if it failed.
    private static func run(_ tool: String, _ arguments: [String]) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return process.terminationStatus == 0 ? String(decoding: data, as: UTF8.self) : nil
    }
}
