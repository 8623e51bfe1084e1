import Foundation
import Testing
@testable import VinhDanhBuild
@testable import VinhDanhConfig
@testable import VinhDanhSupport
import VinhDanhTestSupport

/// The province is data, not code: nothing in `Sources/` names it, and what the pages
/// say of it comes from the site's files.
struct ProvinceAsDataTests {
    /// String literals (not comments) in the sources that name either former province
    /// or its key.
    @Test func noSourceNamesTheProvince() throws {
        let sources = TestRepository.root + "/Sources"
        let names = ["Bắc Giang", "Bắc Ninh", "bac-giang", "bac-ninh", "Bac Giang", "Bac Ninh"]
        var found: [String] = []
        for file in FileIO.listFiles(under: sources, suffix: ".swift") {
            let text = try String(contentsOfFile: sources + "/" + file, encoding: .utf8)
            for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let code = line.trimmingCharacters(in: .whitespaces)
                guard !code.hasPrefix("//") else { continue }
                // The parts between quotes (a literal split over an escaped quote is rare enough).
                let literals = code.split(separator: "\"", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 1 }.map(\.element)
                if literals.contains(where: { literal in names.contains { literal.contains($0) } }) { found.append("\(file):\(n + 1)") }
            }
        }
        #expect(found.isEmpty, "\(found)")
    }

    /// A profile's JSON-LD region is its district-level unit's province, from districts.yaml.
    @Test func theRegionComesFromTheDistrictsFile() throws {
        let root = TestRepository.root
        let output = NSTemporaryDirectory() + "vinhdanh-region-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: output) }
        let result = try Builder(options: BuildOptions(site: SitePaths(root: root), output: output, latestYear: 2026)).build()
        #expect(result.succeeded)
        let page = try String(contentsOfFile: output + "/ho-so/than-thi-hue/index.html", encoding: .utf8)
        #expect(page.contains("\"addressRegion\":\"Bắc Giang\""))
        // The report's page is named by its period, from content/data/report-totals.yaml.
        #expect(FileManager.default.fileExists(atPath: output + "/thong-ke/bao-cao-2014-2023/index.html"))
    }
}
