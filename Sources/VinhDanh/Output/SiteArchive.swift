import Foundation
import VinhDanhSupport
import ZIPFoundation

/// A zip of a built site, for portals that take uploads. Entries are sorted and dated
/// with a fixed date, so the same site always gives the same archive bytes.
public enum SiteArchive {
    /// Writes every file under `folder` into a new zip at `path` (replacing it whole).
    public static func write(folder: String, to path: String, date: Date) throws {
        let temporary = path + ".tmp-\(getpid())"
        try? FileManager.default.removeItem(atPath: temporary)
        let archive = try Archive(url: URL(fileURLWithPath: temporary), accessMode: .create)
        for file in FileIO.listFiles(under: folder, suffix: "") {
            let bytes = Data(try FileIO.read(folder + "/" + file))
            try archive.addEntry(with: file, type: .file, uncompressedSize: Int64(bytes.count), modificationDate: date,
                                 permissions: 0o644, compressionMethod: .deflate) { position, size in
                bytes.subdata(in: Int(position)..<(Int(position) + size))
            }
        }
        guard rename(temporary, path) == 0 else { throw FileError(path: path, operation: "ghi", code: errno) }
    }
}
