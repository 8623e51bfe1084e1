import Foundation
import Testing
@testable import VinhDanh

@Suite struct PublishTests {
    @Test func publishSwitchesCurrentKeepsFiveAndRollsBack() throws {
        let site = try TestSite(profiles: ["a.md": TestSite.profile()])
        defer { site.remove() }
        let releases = Releases(root: site.root + "/portal", keep: 5)
        var names: [String] = []
        for i in 0..<7 {
            let name = releases.newReleaseName(at: Date(timeIntervalSince1970: 1_700_000_000 + Double(i)))
            #expect(try site.build(output: releases.releasesFolder + "/" + name).succeeded)
            try releases.switchTo(name)
            releases.prune()
            names.append(name)
        }
        #expect(names.first == "20231114-221320")
        #expect(releases.currentRelease() == names[6])
        #expect(releases.list() == Array(names.suffix(5)))
        #expect(FileManager.default.fileExists(atPath: releases.current + "/ho-so/a/index.html"))
        try releases.switchTo(names[5])
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: releases.current) == "releases/" + names[5])
        // A publish after a rollback never deletes the release being served.
        releases.prune()
        #expect(releases.list().contains(names[5]))
        #expect(throws: FileError.self) { try releases.switchTo("no-such-release") }
        #expect(releases.currentRelease() == names[5])
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
