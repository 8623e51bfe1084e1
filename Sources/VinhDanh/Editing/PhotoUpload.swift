import VinhDanhConfig
import VinhDanhOutput
import VinhDanhSupport
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A photo uploaded in the browser editor, stored under `content/media/` without what a
/// phone writes into it: libvips re-encodes it (rotated upright first, since dropping
/// the EXIF orientation would leave it sideways), keeping pixels only, no EXIF (GPS
/// position, camera, time), XMP, IPTC or comments, in sRGB, at most 2000 px a side.
/// Builds resize it as they resize every photo.
public struct PhotoUpload: Sendable {
    /// Largest upload accepted.
    public static let maximumBytes = 15 * 1024 * 1024
    /// Largest image accepted, in pixels (a small file can decode to gigabytes).
    public static let maximumPixels = 40_000_000
    /// Longest side of the stored photo.
    public static let maximumSide = 2000

    /// The site's paths.
    public let paths: SitePaths

    /// Creates an uploader for a site.
    public init(paths: SitePaths) { self.paths = paths }

    /// The kinds accepted, known by their first bytes (never by the file's name).
    enum Format: String {
        case jpeg, png, webp, heic

        init?(sniffing bytes: [UInt8]) {
            if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { self = .jpeg }
            else if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { self = .png }
            else if bytes.count > 12, bytes.starts(with: Array("RIFF".utf8)), bytes[8..<12].elementsEqual("WEBP".utf8) { self = .webp }
            else if bytes.count > 12, bytes[4..<8].elementsEqual("ftyp".utf8),
                    ["heic", "heix", "mif1", "hevc", "msf1"].contains(String(decoding: bytes[8..<12], as: UTF8.self)) { self = .heic }
            else { return nil }
        }

        /// What it is stored as: PNG stays PNG (it may be a drawing or have transparency).
        var stored: String { self == .png ? "png" : "jpg" }
    }

    /// Stores `bytes` as the photo of profile `slug`; returns its path as a profile's
    /// `photo:` names it (`media/<slug>.jpg`, with `-2`… when taken).
    public func store(_ bytes: [UInt8], slug: String) -> Result<String, FieldProblem> {
        func problem(_ message: String, _ suggestion: String? = nil) -> Result<String, FieldProblem> {
            .failure(FieldProblem(field: "photo", message: message, suggestion: suggestion))
        }
        guard bytes.count <= Self.maximumBytes else {
            return problem("ảnh quá lớn (\(bytes.count / 1024 / 1024) MB)", "chọn ảnh dưới \(Self.maximumBytes / 1024 / 1024) MB")
        }
        guard let format = Format(sniffing: bytes) else {
            return problem("tệp không phải ảnh JPEG, PNG, WebP hoặc HEIC", "chụp lại hoặc lưu ảnh dưới dạng JPEG")
        }
        guard let thumbnail = ProcessRunner.which("vipsthumbnail"), let header = ProcessRunner.which("vipsheader") else {
            return problem("máy này chưa cài libvips nên không nhận ảnh tải lên", "cài gói libvips-tools (make serve cài sẵn)")
        }
        let work = paths.cache + "/tai-len"
        guard (try? FileIO.makeDirectories(work)) != nil, (try? FileIO.makeDirectories(paths.media)) != nil else {
            return problem("không tạo được thư mục ảnh")
        }
        let stem = work + "/\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let input = stem + "." + format.rawValue, output = stem + "-ra." + format.stored
        defer { unlink(input); unlink(output) }
        guard (try? FileIO.writeNew(input, bytes)) != nil else { return problem("không ghi được ảnh tạm") }
        let size = ProcessRunner.run(header, [input])
        guard size.status == 0, let dimensions = PhotoProcessor.size(in: size.output) else {
            return problem("không đọc được ảnh", "ảnh có thể bị hỏng; thử lưu lại dưới dạng JPEG")
        }
        guard dimensions.width * dimensions.height <= Self.maximumPixels else {
            return problem("ảnh quá nhiều điểm ảnh (\(dimensions.width)×\(dimensions.height))", "thu nhỏ ảnh trước khi tải lên")
        }
        // vipsthumbnail rotates by the EXIF orientation before `strip` drops it; the output
        // name is absolute (a relative one is taken from the input's folder).
        let options = format.stored == "png" ? "[strip]" : "[strip,Q=90]"
        let made = ProcessRunner.run(thumbnail, [input, "--size", "\(Self.maximumSide)x\(Self.maximumSide)>",
                                                 "--export-profile", "srgb", "-o", output + options])
        guard made.status == 0, let clean = try? FileIO.read(output), !clean.isEmpty else {
            return problem("không xử lý được ảnh (\(made.lastErrorLines(1)))")
        }
        // A free name: never over another profile's photo.
        var n = 1
        while true {
            let name = "media/" + slug + (n == 1 ? "" : "-\(n)") + "." + format.stored
            do {
                try SafeFile.createNew(paths.content + "/" + name, clean)
                return .success(name)
            } catch where error.code == EEXIST {
                n += 1
            } catch {
                return problem(error.description)
            }
        }
    }
}
