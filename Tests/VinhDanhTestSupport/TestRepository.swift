import Foundation
import VinhDanhConfig
import VinhDanhContent

/// This repository as the tests find it: its folder, the sample site in it, and the
/// `vinhdanh` binary the build put beside the test bundle.
package enum TestRepository {
    /// The repository's folder (this file is `Tests/VinhDanhTestSupport/TestRepository.swift`).
    package static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    /// `vinhdanh`, built beside this test bundle.
    package static var binary: String {
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? ""
        return URL(fileURLWithPath: exe).deletingLastPathComponent().appendingPathComponent("vinhdanh").path
    }

    /// The repository's sample site, loaded once.
    package static let sampleSite: Site = SiteLoader(paths: SitePaths(root: root), latestYear: 2026).load()

    /// A copy of the repository's sample site in a temporary folder.
    package static func sampleCopy() throws -> TestSite {
        let site = try TestSite(withDefaults: false)
        try FileManager.default.copyItem(atPath: root + "/content", toPath: site.root + "/content")
        return site
    }
}
