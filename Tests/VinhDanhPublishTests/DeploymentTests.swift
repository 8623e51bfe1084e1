import Foundation
import Testing
@testable import VinhDanhConfig
@testable import VinhDanhPublish
@testable import VinhDanhSupport
import VinhDanhTestSupport

/// Publishing targets as written on the command line and in site.yaml, and the two-phase
/// publish over several targets, run here with local folders (the same script and rsync
/// as a server; over SSH in Tests/site/test_publish.py).
@Suite struct DeploymentTests {
    @Test func targetsAreURLsRsyncStyleNamesOrFolders() throws {
        let here = NSTemporaryDirectory() + "vinhdanh-targets-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: here + "/portal", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: here) }
        func remote(_ text: String, configured: [String: [String]] = [:]) throws -> [RemoteLocation] {
            try PublishTarget.parse(text, configured: configured, directory: here).compactMap {
                if case .remote(let location) = $0 { location } else { nil }
            }
        }
        let url = try #require(try remote("ssh://trienkhai@may-chu-1.bacninh.gov.vn:2222/var/www/dien-hinh/").first)
        #expect(url == RemoteLocation(user: "trienkhai", host: "may-chu-1.bacninh.gov.vn", port: 2222, path: "/var/www/dien-hinh"))
        #expect(url.rsyncDestination("releases/x/") == "trienkhai@may-chu-1.bacninh.gov.vn:/var/www/dien-hinh/releases/x/")
        let ipv6 = try #require(try remote("ssh://u@[::1]:22/srv/site").first)
        #expect(ipv6 == RemoteLocation(user: "u", host: "::1", port: 22, path: "/srv/site"))
        #expect(ipv6.login == "u@::1" && ipv6.rsyncDestination("x") == "u@[::1]:/srv/site/x")
        // VINHDANH_SSH means the same to rsync: through sh -c, its quotes doubled for rsync's -e.
        let custom = SSHCommand(environment: ["VINHDANH_SSH": "ssh -F '/a b/config'"])
        #expect(custom.rsyncShell(ipv6).hasPrefix(#"sh -c 'ssh -F ''/a b/config'' "$@"' vinhdanh-ssh -o BatchMode=yes"#))
        #expect(custom.rsyncShell(ipv6).hasSuffix("-p 22"))
        #expect(try remote("ssh://web/~/site").first?.path == "site")
        #expect(try remote("root@web-2:/srv/site").first == RemoteLocation(user: "root", host: "web-2", port: nil, path: "/srv/site"))
        #expect(try remote("portal", configured: ["portal": ["ssh://a/srv", "b:/srv"]]).map(\.host) == ["a", "b"])
        #expect(try PublishTarget.parse("portal", directory: here) == [.folder(here + "/portal")])
        #expect(try PublishTarget.parse("./new-folder", directory: here) == [.folder(here + "/new-folder")])

        func reason(_ text: String) -> PublishTargetError.Reason? {
            do { _ = try PublishTarget.parse(text, configured: ["portal": []], directory: here) } catch { return error.reason }
            return nil
        }
        #expect(reason("https://may-chu/var/www") == .unsupportedScheme("https"))
        #expect(reason("ssh://may-chu") == .missingPath)
        #expect(reason("ssh://may-chu/") == .missingPath)
        #expect(reason("ssh://-oProxyCommand=x/srv") == .missingHost)
        #expect(reason("ssh://web:99999/srv") == .badPort)
        #expect((try? PublishTarget.parse("portal", configured: ["portal": []], directory: here)) == nil)
        // A bare word that names nothing is a typo, never a new folder.
        #expect(reason("portl") == .unknown(names: ["portal"]))
        #expect(reason("no/such/parent") == .unknown(names: ["portal"]))
        #expect(!FileManager.default.fileExists(atPath: here + "/portl"))
    }

    @Test func siteYAMLNamesTargets() {
        let (config, diagnostics) = SiteConfig.parse("""
            title: T
            publish:
              portal: [ssh://a@web-1/srv/site, ssh://a@web-2/srv/site]
              thu: /srv/thu
              "x/y": /srv
              web: [https://web/srv]
            """, path: "content/site.yaml")
        #expect(config.publish["portal"] == ["ssh://a@web-1/srv/site", "ssh://a@web-2/srv/site"])
        #expect(config.publish["thu"] == ["/srv/thu"])
        #expect(diagnostics.map(\.line) == [5, 6])
    }

    @Test func rsyncReportReadsProgressAndStatistics() {
        var report = RsyncReport()
        for line in ["     1,234,567  12%   1.23MB/s    0:00:10 (xfr#12, to-chk=100/47000)",
                     "Number of files: 47,600 (reg: 47,525, dir: 75)", "Number of regular files transferred: 3",
                     "Total file size: 440.123.456 bytes", "Total bytes sent: 21,345"] {
            report.read(line)
        }
        #expect(report == RsyncReport(checked: 47600, total: 47600, filesSent: 3, bytesTransferred: 1_234_567, bytesSent: 21345, totalSize: 440_123_456))
    }

    @Test func failuresSayWhatToDo() {
        let host = ReleaseHost(target: .remote(RemoteLocation(user: "u", host: "web", port: 2200, path: "/srv")), ssh: SSHCommand(environment: [:]))
        func reason(_ output: String, _ errors: String, status: Int32 = 255) -> String {
            HostFailure(host, ProcessRunner.Result(status: status, output: output, errors: errors), doing: "gửi").reason
        }
        #expect(reason("", "No ED25519 host key is known for [web]:2200 and you have requested strict checking.\r\nHost key verification failed.\r\n")
            .contains("chấp nhận một lần bằng: ssh -p 2200 u@web"))
        #expect(reason("vinhdanh: missing rsync\n", "", status: 70).contains("chưa có rsync"))
        #expect(reason("vinhdanh: locked bt@may pid 7\n", "", status: 73).contains("rm -r /srv/.vinhdanh-lock"))
        #expect(reason("", "rsync: [receiver] write failed: No space left on device (28)", status: 11).contains("hết chỗ trống"))
        #expect(reason("", "ssh: connect to host web port 2200: Connection refused").contains("Connection refused"))
    }

    @Test func publishesToEveryTargetOrToNone() throws {
        guard ProcessRunner.which("rsync") != nil else {
            Issue.record("rsync is not installed (make test installs it)")
            return
        }
        let site = try TestSite(profiles: ["a.md": TestSite.profile(), "b.md": TestSite.profile(title: "Bà Hai")])
        defer { site.remove() }
        let stage = site.root + "/stage"
        #expect(try site.build(output: stage).succeeded)
        let a = site.root + "/portal-a", b = site.root + "/portal-b"
        try FileManager.default.createDirectory(atPath: a, withIntermediateDirectories: true)
        let deployment = Deployment(targets: [.folder(a), .folder(b)], keep: 2)
        let first = try deployment.publish(folder: stage, at: Date(timeIntervalSince1970: 1_700_000_000)).get()
        #expect(first.release == "20231114-221320")
        #expect(first.uploads.allSatisfy { $0.filesSent > 5 && $0.filesSent == first.uploads[0].filesSent })
        for root in [a, b] {
            #expect(Releases(root: root).currentRelease() == first.release)
            #expect(FileIO.exists(root + "/current/ho-so/a/index.html"))
            #expect(!FileIO.exists(root + "/.vinhdanh-lock"))
        }

        // One profile changed: only its files are sent; the others are hard links.
        try site.write("content/profiles/a.md", TestSite.profile(title: "Ông Một đã sửa"))
        #expect(try site.build(output: stage).succeeded)
        let second = try deployment.publish(folder: stage, at: Date(timeIntervalSince1970: 1_700_000_060)).get()
        #expect(second.uploads.allSatisfy { $0.filesSent > 0 && $0.filesSent < first.uploads[0].filesSent / 2 })
        let style = "/assets/style.css"
        #expect(try inode(a + "/releases/" + first.release + style) == (try inode(a + "/releases/" + second.release + style)))

        // Target b cannot take the upload: neither switches, and a keeps no stray release.
        try site.write("content/profiles/b.md", TestSite.profile(title: "Bà Hai đã sửa"))
        #expect(try site.build(output: stage).succeeded)
        try FileManager.default.removeItem(atPath: b + "/releases")
        try Data("not a folder".utf8).write(to: URL(fileURLWithPath: b + "/releases"))
        let failed = try deployment.publish(folder: stage, at: Date(timeIntervalSince1970: 1_700_000_120))
        guard case .failure(let failure) = failed else {
            Issue.record("a publish with a broken target succeeded")
            return
        }
        #expect(failure.failures.map(\.target) == [b])
        #expect(failure.description.contains("Không đích nào thay đổi"))
        #expect(Releases(root: a).currentRelease() == second.release)
        #expect(Releases(root: a).list() == [first.release, second.release])
        #expect(!FileIO.exists(a + "/.vinhdanh-lock"))

        // Rolled back together; a release one target lacks is refused everywhere.
        try FileManager.default.removeItem(atPath: b + "/releases")
        try FileManager.default.createDirectory(atPath: b + "/releases/" + first.release, withIntermediateDirectories: true)
        let c = Deployment(targets: [.folder(a)], keep: 2)
        #expect(try c.rollback(to: nil).get() == first.release)
        #expect(Releases(root: a).currentRelease() == first.release)
        guard case .failure(let missing) = Deployment(targets: [.folder(a), .folder(b)]).rollback(to: second.release) else {
            Issue.record("a rollback to a release one target lacks succeeded")
            return
        }
        #expect(missing.failures.map(\.target) == [b])
        #expect(Releases(root: a).currentRelease() == first.release)
    }

    @Test func manifestReadsOnlyChangedFilesAndMatchesSha256sum() throws {
        let site = try TestSite(extraFiles: ["tree/a.html": "một", "tree/b c/d.css": "hai", "tree/e\\f.txt": "ba"], withDefaults: false)
        defer { site.remove() }
        let folder = site.root + "/tree", cache = site.root + "/sha256"
        func manifest(_ cache: String?) throws -> ReleaseManifest { try ReleaseManifest.make(folder, cache: cache).get() }
        let plain = try manifest(nil)
        #expect(plain.count == 3)
        let made = try manifest(cache), cached = try manifest(cache)  // the second from the cache
        #expect(made.text == plain.text && cached.text == plain.text)
        let check = ProcessRunner.run("/bin/sh", ["-c", #"cd -- "$1" && sha256sum --quiet -c -"#, "sh", folder], input: Array(plain.text.utf8))
        #expect(check.status == 0, "\(check.errors)")
        // Same size, new bytes; one file gone, one new.
        try site.write("tree/a.html", "mộT")
        try FileManager.default.removeItem(atPath: folder + "/b c/d.css")
        try site.write("tree/g.js", "bốn")
        let after = try manifest(cache), fresh = try manifest(nil)
        #expect(after.count == 3 && after.text == fresh.text && after.text != plain.text)
        // A damaged cache is ignored.
        try Data("rác".utf8).write(to: URL(fileURLWithPath: cache))
        let recovered = try manifest(cache)
        #expect(recovered.text == after.text)
    }

    @Test func aPartialSwitchGivesTheCommandsThatFinishOrUndoIt() {
        var failure = DeploymentFailure(phase: .switch, failures: [HostFailure(target: "ssh://web-2/srv", reason: "mất kết nối")])
        failure.release = "20261203-101010"
        failure.switched = [("ssh://web-1/srv", "20261202-090909")]
        failure.pending = ["ssh://web-2/srv"]
        let text = failure.description
        #expect(text.contains("vinhdanh publish --to ssh://web-2/srv --rollback-to 20261203-101010"))
        #expect(text.contains("vinhdanh publish --to ssh://web-1/srv --rollback-to 20261202-090909"))
    }

    private func inode(_ path: String) throws -> UInt64 {
        var info = stat()
        guard stat(path, &info) == 0 else { throw FileError(path: path, operation: "đọc", code: errno) }
        return UInt64(info.st_ino)
    }
}
