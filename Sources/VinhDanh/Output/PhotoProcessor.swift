import Foundation
import VinhDanhSupport

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
        vipsthumbnail = ProcessRunner.which("vipsthumbnail")
        vipsheader = ProcessRunner.which("vipsheader")
    }

    /// Whether libvips is installed.
    public var isAvailable: Bool { vipsthumbnail != nil && vipsheader != nil }

    /// Resizes every photo (paths relative to `content/`) and puts it at the same path in
    /// `output`. Returns the photos' sizes and how many files changed. A photo libvips
    /// cannot read is published unchanged, without a size.
    ///
    /// Results are kept in `cache` (the site's `.vinhdanh/photos/`), keyed by the source's
    /// path, size and modification time, so a rebuild does not run libvips again.
    public func publish(_ photos: [String], content: String, cache: String, into output: OutputUpdate,
                        workers: Int) throws(FileError) -> (sizes: [String: Size], changed: Int) {
        let results = Parallel.map(photos.count, workers: workers) { i -> Result<(Size?, Bool), FileError> in
            let (bytes, size) = resized(content + "/" + photos[i], cache: cache)
            do throws(FileError) { return .success((size, try output.put(photos[i], bytes))) } catch { return .failure(error) }
        }
        var sizes: [String: Size] = [:]
        var changed = 0
        for (photo, result) in zip(photos, results) {
            switch result {
            case .success(let (size, wrote)):
                if let size { sizes[photo] = size }
                if wrote { changed += 1 }
            case .failure(let error): throw error
            }
        }
        return (sizes, changed)
    }

    /// The bytes to publish for the photo at `source` and their size: from the cache, made
    /// by libvips (and cached), or the source's own bytes without a size.
    func resized(_ source: String, cache: String) -> (bytes: [UInt8], size: Size?) {
        let original = { (try? FileIO.read(source)) ?? [] }
        guard let key = Self.cacheKey(source) else { return (original(), nil) }
        let cached = cache + "/" + key
        if let bytes = try? FileIO.read(cached),
           let text = try? String(contentsOfFile: cached + ".size", encoding: .utf8), let size = Self.size(in: "x: " + text) {
            return (bytes, size)
        }
        guard let thumbnail = vipsthumbnail, let header = vipsheader, (try? FileIO.makeDirectories(cache)) != nil else {
            return (original(), nil)
        }
        // libvips picks the format from the name's extension, which the key ends with.
        let temporary = cache + "/.tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))-" + key
        defer { unlink(temporary) }
        let options = source.lowercased().hasSuffix(".png") ? "[strip]" : "[strip,Q=82]"
        let bound = "\(Self.maximumSize)x\(Self.maximumSize)>"
        guard Self.run(thumbnail, [source, "--size", bound, "-o", temporary + options]) != nil,
              let info = Self.run(header, [temporary]), let size = Self.size(in: info),
              let bytes = try? FileIO.read(temporary) else { return (original(), nil) }
        try? SafeFile.replace(cached + ".size", "\(size.width)x\(size.height)")
        rename(temporary, cached)
        return (bytes, size)
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
    package static func size(in header: String) -> Size? {
        guard let colon = header.range(of: ": ") else { return nil }
        let dimensions = header[colon.upperBound...].prefix { $0 != " " }.split(separator: "x")
        guard dimensions.count == 2, let w = Int(dimensions[0]), let h = Int(dimensions[1]) else { return nil }
        return Size(width: w, height: h)
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
