import Foundation
import Testing
@testable import VinhDanhBuild
@testable import VinhDanhOutput
@testable import VinhDanhSupport
import VinhDanhTestSupport

/// Builds into the same output folder again and again, as editors do: only what changed
/// is written, and the result is always that of a clean build into an empty folder.
@Suite struct OutputUpdateTests {
    /// Every file under `root` (hidden ones excluded) with its bytes.
    static func tree(_ root: String) -> [String: Data] {
        var files: [String: Data] = [:]
        for path in FileIO.listFiles(under: root, suffix: "") { files[path] = FileManager.default.contents(atPath: root + "/" + path) }
        return files
    }

    /// Every file under `root` with its modification time and inode.
    static func stamps(_ root: String) -> [String: FileStamp] {
        var stamps: [String: FileStamp] = [:]
        for path in FileIO.listFiles(under: root, suffix: "") {
            var info = stat()
            if stat(root + "/" + path, &info) == 0 { stamps[path] = FileStamp(info) }
        }
        return stamps
    }

    /// The site built into a new, empty folder, then deleted.
    static func cleanBuild(_ site: TestSite) throws -> [String: Data] {
        let folder = site.root + "/clean-" + UUID().uuidString
        defer {
            try? FileManager.default.removeItem(atPath: folder)
            try? FileManager.default.removeItem(atPath: OutputUpdate.spare(of: folder))
        }
        let result = try site.build(output: folder)
        #expect(result.succeeded, "\(result.diagnostics.map(\.formatted))")
        return tree(folder)
    }

    @Test func aRebuildWithNothingChangedWritesNoFile() throws {
        let site = try TestSite(profiles: BuildTests.profiles)
        defer { site.remove() }
        #expect(try site.build().succeeded)
        let first = Self.stamps(site.root + "/public")
        let second = try site.build()
        #expect(Self.stamps(site.root + "/public") == first)
        #expect(second.files == first.count)
        let third = try site.build()
        #expect(third.filesWritten == 0)
        #expect(Self.stamps(site.root + "/public") == first)
    }

    @Test func anEditWritesOnlyTheFilesItChangesAndSwapsThemIn() throws {
        let site = try TestSite(profiles: BuildTests.profiles)
        defer { site.remove() }
        for _ in 0..<3 { #expect(try site.build().succeeded) }
        // The build brings the spare up to date, then swaps it in.
        let before = Self.stamps(OutputUpdate.spare(of: site.root + "/public"))
        let file = "content/profiles/luc-ngan/tran-thi-binh.md"
        try site.write(file, try #require(site.read(file)).replacingOccurrences(of: "Thành tích.", with: "Thành tích mới."))
        let result = try site.build()
        #expect(result.filesWritten > 0 && result.filesWritten < result.files / 4)
        let after = Self.stamps(site.root + "/public")
        let changed = after.keys.filter { after[$0] != before[$0] }.sorted()
        #expect(changed.contains("ho-so/tran-thi-binh/index.html"))
        #expect(!changed.contains("ho-so/nguyen-van-an/index.html"))
        #expect(Self.tree(site.root + "/public") == (try Self.cleanBuild(site)))
    }

    @Test func filesChangedOrDeletedByHandInTheOutputAreReplaced() throws {
        let site = try TestSite(profiles: BuildTests.profiles)
        defer { site.remove() }
        for _ in 0..<3 { #expect(try site.build().succeeded) }
        let clean = try Self.cleanBuild(site)
        try site.write("public/index.html", "<p>sửa tay</p>")
        try FileManager.default.removeItem(atPath: site.root + "/public/ho-so/le-van-dung/index.html")
        #expect(try site.build().succeeded)
        #expect(Self.tree(site.root + "/public") == clean)
        // The spare, swapped out, holds the edits; the next build mends it too.
        #expect(try site.build().succeeded)
        #expect(Self.tree(site.root + "/public") == clean)
        #expect(Self.tree(OutputUpdate.spare(of: site.root + "/public")) == clean)
    }

    @Test func aDamagedManifestIsIgnored() throws {
        let site = try TestSite(profiles: BuildTests.profiles)
        defer { site.remove() }
        for _ in 0..<3 { #expect(try site.build().succeeded) }
        let manifests = FileIO.listFiles(under: site.paths.outputManifests, suffix: ".manifest")
        #expect(manifests.count == 2)
        for (round, manifest) in manifests.enumerated() {
            let path = site.paths.outputManifests + "/" + manifest
            var bytes = try FileIO.read(path)
            if round == 0 {
                bytes.removeLast(bytes.count / 3)
            } else {
                // One byte in the middle changed: the checksum no longer matches.
                bytes[bytes.count / 2] ^= 0x01
            }
            try site.write(String(path.dropFirst(site.root.count + 1)), bytes: bytes)
            #expect(OutputManifest.decode(bytes) == nil)
            let edited = "content/profiles/viet-yen/le-van-dung.md"
            try site.write(edited, try #require(site.read(edited)) + "\nThêm \(round).\n")
            #expect(try site.build().succeeded)
            #expect(Self.tree(site.root + "/public") == (try Self.cleanBuild(site)))
        }
        // Random bytes in place of both.
        for manifest in manifests {
            try site.write(String((site.paths.outputManifests + "/" + manifest).dropFirst(site.root.count + 1)),
                           bytes: (0..<4096).map { _ in UInt8.random(in: 0...255) })
        }
        #expect(try site.build().succeeded)
        #expect(Self.tree(site.root + "/public") == (try Self.cleanBuild(site)))
    }

    @Test func aPageThatBecomesAFolderAndBackIsWritten() throws {
        let root = NSTemporaryDirectory() + "vinhdanh-output-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: root) }
        let manifests = root + "/.vinhdanh/output"
        var update = try OutputUpdate(output: root + "/public", mode: .inPlace, manifests: manifests)
        update.makeFolders(["ho-so/a", "nam/2021/trang/2"])
        try update.put("ho-so/a/index.html", Array("a".utf8))
        try update.put("nam/2021/trang/2/index.html", Array("2".utf8))
        try update.put("dia-ban/x/trang/3/index.html", Array("3".utf8))
        try update.put("khen-thuong", Array("f".utf8))
        #expect(try update.commit())
        for _ in 0..<2 {
            update = try OutputUpdate(output: root + "/public", mode: .inPlace, manifests: manifests)
            try update.put("ho-so/a/index.html", Array("a".utf8))
            try update.put("khen-thuong/x/index.html", Array("x".utf8))
            try update.put("nam/2021", Array("n".utf8))
            try update.commit()
        }
        #expect(Self.tree(root + "/public") == ["ho-so/a/index.html": Data("a".utf8), "khen-thuong/x/index.html": Data("x".utf8),
                                                 "nam/2021": Data("n".utf8)])
        update = try OutputUpdate(output: root + "/public", mode: .inPlace, manifests: manifests)
        try update.put("ho-so/a/index.html", Array("a".utf8))
        try update.put("khen-thuong/x/index.html", Array("x".utf8))
        try update.put("nam/2021", Array("n".utf8))
        #expect(try update.commit() == false)
    }

    @Test func aReleaseHardLinksTheFilesUnchangedSinceThePreviousOne() throws {
        let site = try TestSite(profiles: BuildTests.profiles)
        defer { site.remove() }
        let first = site.root + "/portal/releases/1", second = site.root + "/portal/releases/2"
        var options = site.options(output: first)
        options.outputMode = .newFolder(linkingFrom: nil)
        #expect(try Builder(options: options).build().succeeded)
        let file = "content/profiles/luc-ngan/tran-thi-binh.md"
        try site.write(file, try #require(site.read(file)).replacingOccurrences(of: "Thành tích.", with: "Thành tích mới."))
        options.output = second
        options.outputMode = .newFolder(linkingFrom: first)
        let result = try Builder(options: options).build()
        #expect(result.succeeded)
        let (a, b) = (Self.stamps(first), Self.stamps(second))
        let shared = b.keys.filter { a[$0]?.inode == b[$0]?.inode }
        #expect(shared.count == result.files - result.filesWritten)
        #expect(shared.count > b.count * 3 / 4)
        #expect(a["ho-so/tran-thi-binh/index.html"]?.inode != b["ho-so/tran-thi-binh/index.html"]?.inode)
        #expect(a["ho-so/nguyen-van-an/index.html"]?.inode == b["ho-so/nguyen-van-an/index.html"]?.inode)
        #expect(Self.tree(second) == (try Self.cleanBuild(site)))
        #expect(!FileManager.default.fileExists(atPath: OutputUpdate.spare(of: second)))
    }

    /// `vinhdanh build` killed with SIGKILL at moments spread over a build: the output is
    /// byte for byte the previous site each time, and the next build is right.
    @Test func aBuildKilledAtAnyMomentLeavesThePreviousSiteWhole() throws {
        var profiles: [String: String] = [:]
        for i in 0..<300 { profiles["p\(i).md"] = TestSite.profile(title: "Nguyễn Văn \(i)", body: String(repeating: "Thành tích. ", count: 50)) }
        let site = try TestSite(profiles: profiles)
        defer { site.remove() }
        func build() throws -> Process {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: TestRepository.binary)
            process.arguments = ["build", "--site", site.root]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            return process
        }
        // How long a rebuild after an edit takes here (the kind of build killed below).
        var duration = 0.0
        for round in 0..<3 {
            try site.write("content/profiles/p\(round).md", TestSite.profile(title: "Lê Văn \(round)"))
            let start = Date()
            let process = try build()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
            duration = Date().timeIntervalSince(start)
        }
        var previous = Self.tree(site.root + "/public")
        var killed = 0
        for (round, fraction) in [0.05, 0.2, 0.4, 0.6, 0.75, 0.9].enumerated() {
            try site.write("content/profiles/p\(round).md", TestSite.profile(title: "Trần Thị \(round)"))
            let process = try build()
            usleep(useconds_t(duration * fraction * 1_000_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            if process.terminationReason == .uncaughtSignal { killed += 1 }
            let now = Self.tree(site.root + "/public")
            // Killed before the swap: the previous site; after it: the new one. Never a mix.
            if now != previous {
                let clean = try Self.cleanBuild(site)
                #expect(now == clean, "lần \(round)")
            }
            let next = try build()
            next.waitUntilExit()
            #expect(next.terminationStatus == 0)
            previous = Self.tree(site.root + "/public")
            #expect(previous == (try Self.cleanBuild(site)), "lần \(round)")
        }
        // The moments fell within builds (a build is slower after an edit than the first).
        #expect(killed >= 3)
    }

    @Test func aSecondBuildOfTheSiteWaitsForTheFirstSayingSo() throws {
        let site = try TestSite(profiles: BuildTests.profiles)
        defer { site.remove() }
        var held: SiteLock? = try SiteLock(paths: site.paths)
        let said = DispatchSemaphore(value: 0)
        let finished = DispatchSemaphore(value: 0)
        var options = site.options()
        options.waitingForLock = { said.signal() }
        let builder = Builder(options: options)
        Thread {
            _ = try? builder.build()
            finished.signal()
        }.start()
        #expect(said.wait(timeout: .now() + 30) == .success)
        #expect(finished.wait(timeout: .now() + 0.3) == .timedOut)
        #expect(!FileManager.default.fileExists(atPath: site.root + "/public"))
        held = nil
        #expect(finished.wait(timeout: .now() + 60) == .success)
        #expect(held == nil && FileManager.default.fileExists(atPath: site.root + "/public/index.html"))
    }
}
