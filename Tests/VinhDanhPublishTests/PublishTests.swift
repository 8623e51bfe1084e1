import Foundation
import Testing
@testable import VinhDanhBuild
@testable import VinhDanhOutput
@testable import VinhDanhPublish
@testable import VinhDanhSupport
import VinhDanhTestSupport

@Suite struct PublishTests {
    @Test func publishSwitchesCurrentKeepsFiveAndRollsBack() throws {
        let site = try TestSite(profiles: ["a.md": TestSite.profile()])
        defer { site.remove() }
        let root = site.root + "/portal"
        let releases = Releases(root: root)
        var names: [String] = []
        for i in 0..<7 {
            if i > 0 { try site.write("content/profiles/a.md", TestSite.profile(title: "Lần \(i)")) }
            let date = Date(timeIntervalSince1970: 1_700_000_000 + Double(i))
            let name = try Deployment.publish(intoFolder: root, keep: 5, at: date) { release, current in
                #expect((current == nil) == (i == 0))
                var options = site.options(output: release)
                options.outputMode = .newFolder(linkingFrom: current)
                let built = try Builder(options: options).build()
                #expect(built.succeeded)
            }.get()
            names.append(name)
        }
        #expect(names.first == "20231114-221320")
        #expect(releases.currentRelease() == names[6])
        #expect(releases.list() == Array(names.suffix(5)))
        #expect(FileManager.default.fileExists(atPath: releases.current + "/ho-so/a/index.html"))
        #expect(try Deployment(targets: [.folder(root)]).rollback(to: nil).get() == names[5])
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: releases.current) == "releases/" + names[5])
        // A publish after a rollback never deletes the release being served.
        _ = try Deployment.publish(intoFolder: root, keep: 1, at: Date(timeIntervalSince1970: 1_700_000_100)) { release, _ in
            let built = try site.build(output: release)
            #expect(built.succeeded)
        }.get()
        #expect(releases.list().count == 1)
        // A build that fails changes nothing and leaves no upload behind.
        let before = releases.currentRelease()
        #expect(throws: FileError.self) {
            _ = try Deployment.publish(intoFolder: root, keep: 5) { release, _ in throw FileError(path: release, operation: "ghi", code: ENOSPC) }
        }
        #expect(releases.currentRelease() == before && releases.list().count == 1)
        #expect((try FileManager.default.contentsOfDirectory(atPath: releases.releasesFolder)).count == 1)
        guard case .failure = Deployment(targets: [.folder(root)]).rollback(to: "no-such-release") else {
            Issue.record("a rollback to a missing release succeeded")
            return
        }
        #expect(releases.currentRelease() == before)
    }

    @Test func sameSecondGetsADistinctName() throws {
        let root = NSTemporaryDirectory() + "vinhdanh-releases-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: root) }
        let releases = Releases(root: root)
        let date = Date(timeIntervalSince1970: 1_700_000_000)
        let first = releases.newReleaseName(at: date)
        try FileManager.default.createDirectory(atPath: releases.releasesFolder + "/" + first, withIntermediateDirectories: true)
        #expect(releases.newReleaseName(at: date) == first + "-2")
    }

    @Test func archiveIsByteIdenticalForTheSameSite() throws {
        let site = try TestSite(profiles: ["a.md": TestSite.profile()])
        defer { site.remove() }
        #expect(try site.build().succeeded)
        let date = Date(timeIntervalSince1970: 315_532_800)
        try SiteArchive.write(folder: site.root + "/public", to: site.root + "/a.zip", date: date)
        try SiteArchive.write(folder: site.root + "/public", to: site.root + "/b.zip", date: date)
        let a = try Data(contentsOf: URL(fileURLWithPath: site.root + "/a.zip"))
        #expect(a == (try Data(contentsOf: URL(fileURLWithPath: site.root + "/b.zip"))))
        #expect(a.count > 1000)
    }
}
