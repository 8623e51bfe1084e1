import Foundation
import Testing
@testable import VinhDanhBuild
@testable import VinhDanhSupport
import VinhDanhTestSupport

/// The preview server's incremental rebuilds give the same bytes as a full build.
@Suite struct IncrementalBuildTests {
    func tree(_ root: String) -> [String: Data] {
        var files: [String: Data] = [:]
        for path in FileIO.listFiles(under: root, suffix: "") { files[path] = FileManager.default.contents(atPath: root + "/" + path) }
        return files
    }

    @Test func anEditedBodyAndSummaryGiveTheBytesOfAFullBuild() throws {
        let site = try TestSite(profiles: BuildTests.profiles)
        defer { site.remove() }
        let served = site.root + "/served"
        let (result, model) = try IncrementalBuild.full(options: site.options(output: served))
        #expect(result.succeeded)
        var build = try #require(model)
        let file = site.root + "/content/profiles/luc-ngan/tran-thi-binh.md"
        let text = try String(contentsOfFile: file, encoding: .utf8)
        try text.replacingOccurrences(of: "summary: Tóm tắt.", with: "summary: Tóm tắt mới về vải thiều.")
            .replacingOccurrences(of: "Thành tích.", with: "Thành tích **mới**.\n\n## Phần hai\n")
            .replacingOccurrences(of: "    year: 2021\n", with: "    year: 2021\n    decision: QĐ 7/QĐ-UBND\n")
            .write(toFile: file, atomically: true, encoding: .utf8)
        guard case .updated(let rendered, let written, let page, _)? = build.update(changed: [file]) else {
            Issue.record("a body edit needed a full build")
            return
        }
        #expect(page == "/ho-so/tran-thi-binh/")
        #expect(written > 0 && written <= rendered && rendered < 15)
        #expect(build.refreshSearchIndex() > 0)
        #expect(try Builder(options: site.options(output: site.root + "/full")).build().succeeded)
        #expect(tree(served) == tree(site.root + "/full"))
        #expect(site.read("served/ho-so/tran-thi-binh/index.html")?.contains("<strong>mới</strong>") == true)
    }

    /// The files an update hands over before writing are the changed ones, with the
    /// bytes then written; none is on disk yet when they are handed over.
    @Test func renderedFilesAreHandedOverBeforeTheyAreWritten() throws {
        let site = try TestSite(profiles: BuildTests.profiles)
        defer { site.remove() }
        let served = site.root + "/served"
        var build = try #require(try IncrementalBuild.full(options: site.options(output: served)).1)
        try site.write("content/profiles/moi.md", TestSite.profile(title: "Mới"))
        var handed: IncrementalBuild.Rendered?
        var onDiskThen: [String: Data?] = [:]
        guard case .updated(_, let written, _, _)? = build.update(changed: [site.root + "/content/profiles/moi.md"], rendered: { rendered in
            handed = rendered
            for path in rendered.files.keys { onDiskThen[path] = FileManager.default.contents(atPath: served + "/" + path) }
        }) else {
            Issue.record("a new profile needed a full build")
            return
        }
        let files = try #require(handed).files
        #expect(files.count == written && handed?.page == "/ho-so/moi/")
        #expect(onDiskThen["ho-so/moi/index.html"] == .some(nil))
        for (path, bytes) in files {
            #expect(onDiskThen[path] != .some(Data(bytes)), "\(path) was written before it was handed over")
            #expect(FileManager.default.contents(atPath: served + "/" + path) == Data(bytes))
        }
    }

    @Test func aNewTitleMovesTheProfileAndGivesTheBytesOfAFullBuild() throws {
        let site = try TestSite(profiles: BuildTests.profiles)
        defer { site.remove() }
        let served = site.root + "/served"
        var build = try #require(try IncrementalBuild.full(options: site.options(output: served)).1)
        let file = site.root + "/content/profiles/luc-ngan/nguyen-van-an.md"
        let text = try String(contentsOfFile: file, encoding: .utf8)
        // "An" sorted first among the people; "Yến" goes last.
        try text.replacingOccurrences(of: "title: Nguyễn Văn An", with: "title: Nguyễn Thị Yến").write(toFile: file, atomically: true, encoding: .utf8)
        guard case .updated(_, let written, _, _)? = build.update(changed: [file]) else {
            Issue.record("a new title needed a full build")
            return
        }
        #expect(written > 0)
        _ = build.refreshSearchIndex()
        #expect(try Builder(options: site.options(output: site.root + "/full")).build().succeeded)
        #expect(tree(served) == tree(site.root + "/full"))
    }

    @Test func newDeletedAndMovedProfilesAreIncrementalButTemplatesNeedAFullBuild() throws {
        let site = try TestSite(profiles: BuildTests.profiles)
        defer { site.remove() }
        let served = site.root + "/served"
        var build = try #require(try IncrementalBuild.full(options: site.options(output: served)).1)
        func matchesAFullBuild() throws -> Bool {
            _ = build.refreshSearchIndex()
            try? FileManager.default.removeItem(atPath: site.root + "/full")
            #expect(try Builder(options: site.options(output: site.root + "/full")).build().succeeded)
            return tree(served) == tree(site.root + "/full")
        }
        let file = site.root + "/content/profiles/luc-ngan/tran-thi-binh.md"
        let text = try String(contentsOfFile: file, encoding: .utf8)
        try text.replacingOccurrences(of: "district: luc-ngan", with: "district: viet-yen").write(toFile: file, atomically: true, encoding: .utf8)
        guard case .updated(_, _, let page, _)? = build.update(changed: [file]) else {
            Issue.record("a new district needed a full build")
            return
        }
        #expect(page == "/ho-so/tran-thi-binh/")
        #expect(try matchesAFullBuild())
        try site.write("content/profiles/moi.md", TestSite.profile(title: "Mới"))
        #expect(build.update(changed: [site.root + "/content/profiles/moi.md"]) != nil)
        #expect(try matchesAFullBuild())
        try FileManager.default.removeItem(atPath: site.root + "/content/profiles/viet-yen/le-van-dung.md")
        #expect(build.update(changed: [site.root + "/content/profiles/viet-yen/le-van-dung.md"]) != nil)
        #expect(try matchesAFullBuild())
        #expect(!FileManager.default.fileExists(atPath: served + "/ho-so/le-van-dung"))
        #expect(build.update(changed: [site.root + "/site-templates/layouts/404.mustache"]) == nil)
        // A broken edit reports its errors and writes nothing.
        try text.replacingOccurrences(of: "kind: cá nhân", with: "kind: xyz").write(toFile: file, atomically: true, encoding: .utf8)
        guard case .failed(let diagnostics)? = build.update(changed: [file]) else {
            Issue.record("a broken edit was not reported")
            return
        }
        #expect(diagnostics.contains { $0.code == .unknownKind })
    }
}
