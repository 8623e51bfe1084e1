import Foundation
import Testing
@testable import VinhDanhSupport
import VinhDanhTestSupport

/// The build cache in `.vinhdanh/cache/`: what it spares, and that it is never trusted
/// beyond what it can vouch for.
@Suite struct BuildCacheTests {
    /// Sets a file's modification time back to `stamp`'s.
    func restoreTime(_ path: String, to stamp: FileStamp) {
        var times = [timespec(tv_sec: Int(stamp.modified / 1_000_000_000), tv_nsec: Int(stamp.modified % 1_000_000_000)),
                     timespec(tv_sec: Int(stamp.modified / 1_000_000_000), tv_nsec: Int(stamp.modified % 1_000_000_000))]
        _ = utimensat(AT_FDCWD, path, &times, 0)
    }

    func stamp(_ path: String) -> FileStamp? {
        var info = stat()
        return stat(path, &info) == 0 ? FileStamp(info) : nil
    }

    @Test func anUnchangedProfileFileIsNotReadAgain() throws {
        let site = try TestSite(profiles: BuildTests.profiles)
        defer { site.remove() }
        #expect(try site.build().succeeded)
        // Same size, time and inode, other words: a build that trusts its cache shows the old title.
        let path = site.root + "/content/profiles/luc-ngan/nguyen-van-an.md"
        let before = try #require(stamp(path))
        let text = try #require(site.read("content/profiles/luc-ngan/nguyen-van-an.md"))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.write(contentsOf: Data(text.replacingOccurrences(of: "Nguyễn Văn An", with: "Nguyễn Văn Ay").utf8))
        try handle.close()
        restoreTime(path, to: before)
        #expect(stamp(path) == before)
        #expect(try site.build().succeeded)
        #expect(site.read("public/ho-so/nguyen-van-an/index.html")?.contains("Nguyễn Văn An") == true)
        // Any other change to the file is seen.
        try site.write("content/profiles/luc-ngan/nguyen-van-an.md", text.replacingOccurrences(of: "Nguyễn Văn An", with: "Nguyễn Văn Ấn"))
        #expect(try site.build().succeeded)
        #expect(site.read("public/ho-so/nguyen-van-an/index.html")?.contains("Nguyễn Văn Ấn") == true)
    }

    @Test func aBodyLeftInItsFileIsReadWhenItsPageIsRendered() throws {
        let site = try TestSite(profiles: BuildTests.profiles)
        defer { site.remove() }
        #expect(try site.build().succeeded)
        // A template change renders every profile page again, from cached profiles.
        try site.write("site-templates/partials/footer.mustache", "<footer>mới</footer>\n")
        #expect(try site.build().succeeded)
        let html = try #require(site.read("public/ho-so/tran-thi-binh/index.html"))
        #expect(html.contains("<footer>mới</footer>") && html.contains("Thành tích."))
        #expect(OutputUpdateTests.tree(site.root + "/public") == (try OutputUpdateTests.cleanBuild(site)))
    }

    @Test func damagedCacheFilesAreIgnored() throws {
        let site = try TestSite(profiles: BuildTests.profiles)
        defer { site.remove() }
        #expect(try site.build().succeeded)
        let clean = try OutputUpdateTests.cleanBuild(site)
        for file in ["profiles", "pages"] {
            let path = site.root + "/.vinhdanh/cache/" + file
            for damage in 0..<3 {
                var bytes = try FileIO.read(path)
                switch damage {
                case 0: bytes.removeLast(bytes.count / 2)
                case 1: bytes[bytes.count / 2] ^= 0x5A
                default: bytes = (0..<bytes.count).map { _ in UInt8.random(in: 0...255) }
                }
                try site.write(".vinhdanh/cache/" + file, bytes: bytes)
                // The site also changes, so a cache taken at its word would show the old one.
                try site.write("content/profiles/viet-yen/le-van-dung.md", TestSite.profile(title: "Lê Văn Dũng \(file) \(damage)",
                                                                                           district: "viet-yen"))
                #expect(try site.build().succeeded)
                let built = OutputUpdateTests.tree(site.root + "/public")
                #expect(built == (try OutputUpdateTests.cleanBuild(site)), "\(file) \(damage)")
                #expect(built != clean)
            }
        }
    }

    @Test func aPhotoDeletedAfterItsProfileWasCachedIsReported() throws {
        let site = try TestSite(profiles: ["a.md": TestSite.profile(extra: "photo: media/a.jpg\n")],
                                extraFiles: ["content/media/a.jpg": "jpeg"])
        defer { site.remove() }
        #expect(try site.build().succeeded)
        try FileManager.default.removeItem(atPath: site.root + "/content/media/a.jpg")
        let result = try site.build()
        #expect(!result.succeeded)
        #expect(result.diagnostics.contains { $0.code == .badPhoto && $0.file == "content/profiles/a.md" })
        try site.write("content/media/a.jpg", "jpeg")
        #expect(try site.build().succeeded)
    }
}
