import VinhDanhConfig
import VinhDanhSupport
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where the browser editor puts the profiles it deletes, so that none is lost by a
/// wrong click: `.vinhdanh/thung-rac/<time>/<its site-relative path>`, from where it can
/// be put back as long as nothing took its place.
public struct ProfileTrash: Sendable {
    /// The site's paths.
    public let paths: SitePaths

    /// Creates the trash of a site.
    public init(paths: SitePaths) { self.paths = paths }

    /// The trash folder.
    public var folder: String { paths.cache + "/thung-rac" }

    /// A file in the trash.
    public struct Item: Sendable, Equatable {
        /// When it was deleted (`2026-12-03T10-15-00Z`), the name of its folder in the trash.
        public let deleted: String
        /// Where it was, site-relative.
        public let path: String
        /// Its path in the trash, relative to ``folder``: what a restore names.
        public var id: String { deleted + "/" + path }
    }

    /// Moves the file at site-relative `path` to the trash, if its bytes still have
    /// `version`; returns where it went.
    public func delete(_ path: String, version: String, now: Date = Date()) -> Result<Item, ProfileEditor.Refusal> {
        let absolute = paths.root + "/" + path
        guard let bytes = try? FileIO.read(absolute), ContentHash(bytes).hex == version else { return .failure(.conflict(nil)) }
        let time = ISO8601DateFormatter().string(from: now).replacingOccurrences(of: ":", with: "-")
        var stamp = time
        // The same file deleted twice in one second goes to two folders.
        var n = 1
        while access(folder + "/" + stamp + "/" + path, F_OK) == 0 {
            n += 1
            stamp = time + "-\(n)"
        }
        let item = Item(deleted: stamp, path: path)
        let target = folder + "/" + item.id
        do { try FileIO.makeDirectories((target as NSString).deletingLastPathComponent) } catch {
            return .failure(.problems([FieldProblem(field: "file", message: error.description)]))
        }
        guard rename(absolute, target) == 0 else {
            return .failure(.problems([FieldProblem(field: "file", message: FileError(path: path, operation: "chuyển vào thùng rác", code: errno).description)]))
        }
        return .success(item)
    }

    /// What the trash holds, the latest deleted first.
    public var items: [Item] {
        FileIO.listFiles(under: folder, suffix: ".md").compactMap { relative -> Item? in
            guard let slash = relative.firstIndex(of: "/") else { return nil }
            return Item(deleted: String(relative[..<slash]), path: String(relative[relative.index(after: slash)...]))
        }.sorted { ($0.deleted, $0.path) > ($1.deleted, $1.path) }
    }

    /// Puts item `id` (``Item/id``) back where it was; refused when a file is there now.
    public func restore(_ id: String) -> Result<String, ProfileEditor.Refusal> {
        guard let item = items.first(where: { $0.id == id }) else {
            return .failure(.problems([FieldProblem(field: "file", message: "không có tệp này trong thùng rác")]))
        }
        let source = folder + "/" + item.id, target = paths.root + "/" + item.path
        do { try FileIO.makeDirectories((target as NSString).deletingLastPathComponent) } catch {
            return .failure(.problems([FieldProblem(field: "file", message: error.description)]))
        }
        // link(2) refuses an existing target: a profile made since at that path stays.
        guard link(source, target) == 0 else {
            let exists = errno == EEXIST
            return .failure(.problems([FieldProblem(field: "file", message: exists ? "đã có tệp \(item.path), không ghi đè"
                                                        : FileError(path: item.path, operation: "khôi phục", code: errno).description,
                                                    suggestion: exists ? "đổi tên hoặc xóa tệp đang có trước" : nil)]))
        }
        unlink(source)
        // Empty folders of the trash go with it.
        var folder = (source as NSString).deletingLastPathComponent
        while folder.hasPrefix(self.folder + "/"), rmdir(folder) == 0 { folder = (folder as NSString).deletingLastPathComponent }
        return .success(item.path)
    }
}
