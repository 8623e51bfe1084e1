import Foundation
import Testing
@testable import VinhDanhIndex
import VinhDanhTestSupport

@Suite struct SearchIndexTests {
    @Test func wordsSplitOnPunctuationAndKeepVietnameseLetters() {
        #expect(SearchIndex.words("Nguyễn Văn An – “Đường” (HTX), số 2…").map(String.init) == ["Nguyễn", "Văn", "An", "Đường", "HTX", "số", "2"])
    }

    @Test func deltaEncoding() {
        #expect(SearchIndex.deltas([3, 5, 9, 10]) == "[3,2,4,1]")
        #expect(SearchIndex.deltas([]) == "[]")
    }

    @Test func indexHoldsFoldedTokensWithTheirSpellings() throws {
        let site = try TestSite(profiles: [
            "a.md": TestSite.profile(title: "Trần Thị Đường"),
            "b.md": TestSite.profile(title: "Trần Thị Dương", extra: "unit: Trường Đường Sơn\n"),
        ])
        defer { site.remove() }
        let loaded = site.load()
        let index = SearchIndex(site: loaded, index: SiteIndex(site: loaded), root: "/")
        let files = Dictionary(uniqueKeysWithValues: index.files.map { ($0.path, String(decoding: $0.bytes, as: UTF8.self)) })
        let shard = try #require(files["tim-kiem/chi-muc/s/du.json"])
        // List order: Dương (0) before Đường (1). "đường" is in a title (1) and a unit (0).
        #expect(shard.contains("\"duong\":{\"dương\":[[0],[]],\"đường\":[[1],[0]]}"))
        let meta = try #require(files["tim-kiem/chi-muc/meta.json"])
        #expect(meta.contains("\"shards\":[") && meta.contains("\"du\""))
        #expect(files["tim-kiem/chi-muc/d/0.json"]?.contains("[\"Trần Thị Dương\",\"b\"") == true)
        #expect(files["tim-kiem/chi-muc/f/dia-ban/luc-ngan.json"] == "[0,1]")
    }
}
