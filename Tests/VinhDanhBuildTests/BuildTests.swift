import Foundation
import Testing
@testable import VinhDanhBuild
@testable import VinhDanhConfig
@testable import VinhDanhIndex
@testable import VinhDanhOutput
@testable import VinhDanhRender
@testable import VinhDanhSupport
import VinhDanhTestSupport

/// Whole builds of small fixture sites.
@Suite struct BuildTests {
    static let profiles: [String: String] = [
        "luc-ngan/nguyen-van-an.md": TestSite.profile(title: "Nguyễn Văn An"),
        "luc-ngan/tran-thi-binh.md": TestSite.profile(title: "Trần Thị Bình", kind: "cá nhân",
            awards: "  - type: huan-chuong-lao-dong\n    year: 2019\n  - type: Bằng khen UBND tỉnh\n    year: 2021\n"),
        "viet-yen/le-van-dung.md": TestSite.profile(title: "Lê Văn Dũng", district: "Huyện Việt Yên"),
        "viet-yen/hop-tac-xa-vai.md": TestSite.profile(title: "Hợp tác xã Vải thiều", kind: "tập thể", district: "viet-yen"),
        "cap-tinh/ho-ong-dinh.md": TestSite.profile(title: "Hộ ông Đinh Văn Ánh", kind: "household", district: "cap-tinh",
            awards: "  - type: bang-khen-chu-tich-ubnd-tinh\n    year: 2016\n"),
    ]

    func files(under root: String) -> [String: Data] {
        var result: [String: Data] = [:]
        for path in FileIO.listFiles(under: root, suffix: "") {
            result[path] = FileManager.default.contents(atPath: root + "/" + path)
        }
        return result
    }

    /// Titles listed on a list page, in order.
    func listedTitles(_ html: String?) -> [String] {
        guard let html else { return [] }
        return html.components(separatedBy: "<h3><a href=\"").dropFirst().compactMap { part in
            part.split(separator: ">", maxSplits: 1).last?.split(separator: "<").first.map(String.init)
        }
    }

    /// swift-mustache gives a partial the default (slow, per-character) HTML escaper unless
    /// the partial selects ours itself, so every template of the default theme must.
    @Test func everyDefaultTemplateSelectsTheFastEscaper() throws {
        let theme = try #require(Theme.defaultDirectory)
        for folder in ["layouts", "partials"] {
            for file in FileIO.listFiles(under: theme + "/" + folder, suffix: ".mustache") {
                let text = try String(contentsOfFile: theme + "/" + folder + "/" + file, encoding: .utf8)
                #expect(text.hasPrefix("{{% CONTENT_TYPE: \(HTMLEscaping.contentTypeName)}}\n"), "\(folder)/\(file)")
            }
        }
    }

    @Test func buildsEveryPageAndTerm() throws {
        let site = try TestSite(profiles: Self.profiles)
        defer { site.remove() }
        let result = try site.build()
        #expect(result.succeeded, "\(result.diagnostics.map(\.formatted))")
        #expect(result.diagnostics.isEmpty)
        for slug in ["nguyen-van-an", "tran-thi-binh", "le-van-dung", "hop-tac-xa-vai", "ho-ong-dinh"] {
            #expect(site.read("public/ho-so/\(slug)/index.html") != nil, "missing \(slug)")
        }
        for page in ["index.html", "404.html", "sitemap.xml", "feed.xml", "robots.txt", "assets/style.css",
                     "phong-trao/index.html", "phong-trao/nong-thon-moi/index.html", "phong-trao/nong-thon-moi/trang/2/index.html",
                     "phong-trao/nong-thon-moi/trang/3/index.html", "dia-ban/index.html", "dia-ban/luc-ngan/index.html",
                     "dia-ban/cap-tinh/index.html", "khen-thuong/huan-chuong-lao-dong/index.html", "nam/2019/index.html",
                     "nam/2021/index.html", "nam/2016/index.html", "doi-tuong/ca-nhan/index.html",
                     "doi-tuong/tap-the/index.html", "doi-tuong/ho-gia-dinh/index.html"] {
            #expect(site.read("public/" + page) != nil, "missing \(page)")
        }
        // No page 1 under /trang/, no empty term pages, no term with no profile.
        #expect(site.read("public/phong-trao/nong-thon-moi/trang/1/index.html") == nil)
        #expect(site.read("public/phong-trao/khuyen-hoc/index.html") == nil)
        #expect(site.read("public/nam/2020/index.html") == nil)
    }

    @Test func termPagesListExactlyTheirProfilesInVietnameseOrder() throws {
        let site = try TestSite(profiles: Self.profiles)
        defer { site.remove() }
        _ = try site.build()
        // Individuals by given name (An, Bình, Dũng), ties by full title.
        #expect(listedTitles(site.read("public/doi-tuong/ca-nhan/index.html")) == ["Nguyễn Văn An", "Trần Thị Bình"])
        #expect(listedTitles(site.read("public/doi-tuong/ca-nhan/trang/2/index.html")) == ["Lê Văn Dũng"])
        #expect(listedTitles(site.read("public/dia-ban/luc-ngan/index.html")) == ["Nguyễn Văn An", "Trần Thị Bình"])
        #expect(listedTitles(site.read("public/khen-thuong/huan-chuong-lao-dong/index.html")) == ["Trần Thị Bình"])
        #expect(listedTitles(site.read("public/nam/2016/index.html")) == ["Hộ ông Đinh Văn Ánh"])
        // Given names Ánh < An? Vietnamese order: An < Ánh < Bình < Dũng; collectives by title (Hợp tác xã …).
        let all = (1...3).flatMap { page in
            listedTitles(site.read(page == 1 ? "public/phong-trao/nong-thon-moi/index.html" : "public/phong-trao/nong-thon-moi/trang/\(page)/index.html"))
        }
        #expect(all == ["Nguyễn Văn An", "Hộ ông Đinh Văn Ánh", "Trần Thị Bình", "Lê Văn Dũng", "Hợp tác xã Vải thiều"])
        let awards = site.read("public/khen-thuong/index.html") ?? ""
        // Precedence order: Huân chương before Bằng khen.
        let medal = awards.range(of: "Huân chương Lao động")?.lowerBound
        let certificate = awards.range(of: "Bằng khen của Chủ tịch UBND tỉnh")?.lowerBound
        #expect(medal != nil && certificate != nil && medal! < certificate!)
    }

    @Test func paginationBarShowsEndsNeighboursAndGaps() {
        typealias Item = Pagination.Item
        #expect(Pagination(current: 10, count: 202).items
                == [.link(1), .gap, .link(8), .link(9), .current(10), .link(11), .link(12), .gap, .link(202)] as [Item])
        #expect(Pagination(current: 1, count: 3).items == [.current(1), .link(2), .link(3)] as [Item])
        #expect(Pagination(current: 4, count: 7).items == (1...7).map { $0 == 4 ? .current($0) : .link($0) } as [Item])
        #expect(Pagination(current: 6, count: 7).items == [.link(1), .gap, .link(4), .link(5), .current(6), .link(7)] as [Item])
    }

    @Test func paginationBarLinksEveryPageOfATerm() throws {
        let site = try TestSite(profiles: Self.profiles)
        defer { site.remove() }
        _ = try site.build()
        // pagination: 2 and five profiles: three pages.
        let base = "/phong-trao/nong-thon-moi/"
        let middle = try #require(site.read("public/phong-trao/nong-thon-moi/trang/2/index.html"))
        for html in ["<li><a href=\"\(base)\" rel=\"prev\">", "<li><a href=\"\(base)\">1</a></li>\n",
                     "<li><span aria-current=\"page\">2</span></li>\n", "<li><a href=\"\(base)trang/3/\">3</a></li>\n",
                     "<li><a href=\"\(base)trang/3/\" rel=\"next\">"] {
            #expect(middle.contains(html), "missing \(html)")
        }
        let first = try #require(site.read("public/phong-trao/nong-thon-moi/index.html"))
        #expect(first.contains("<li><span aria-current=\"page\">1</span></li>\n<li><a href=\"\(base)trang/2/\">2</a></li>\n"))
        #expect(!first.contains("rel=\"prev\""))
        let single = try #require(site.read("public/dia-ban/cap-tinh/index.html"))
        #expect(!single.contains("class=\"pagination\""))
    }

    @Test func profilePageShowsEveryFact() throws {
        let site = try TestSite(profiles: ["nguyen-van-an.md": TestSite.profile(
            title: "Nguyễn Văn An", extra: "commune: Xã Phượng Sơn\nunit: HTX Vải\nposition: Giám đốc\nethnicity: Nùng\ndate: 2022-03-04\n",
            awards: "  - type: bang-khen-chu-tich-ubnd-tinh\n    year: 2021\n    decision: \"Quyết định số 12/QĐ-UBND\"\n",
            body: "## Thành tích\n\nTrồng **vải**.\n")])
        defer { site.remove() }
        _ = try site.build()
        let html = try #require(site.read("public/ho-so/nguyen-van-an/index.html"))
        for text in ["Xã Phượng Sơn", "HTX Vải", "Giám đốc", "Nùng", "Huyện Lục Ngạn", "Cá nhân", "Quyết định số 12/QĐ-UBND",
                     "href=\"/khen-thuong/bang-khen-chu-tich-ubnd-tinh/\"", "href=\"/phong-trao/nong-thon-moi/\"",
                     "href=\"/nam/2021/\"", "<h2 id=\"thanh-tich\">", "<strong>vải</strong>", "04/03/2022",
                     "<html lang=\"vi\">", "application/ld+json"] {
            #expect(html.contains(text), "missing \(text)")
        }
    }

    @Test func breadcrumbsAndNoEmptyTags() throws {
        let site = try TestSite(profiles: Self.profiles)
        defer { site.remove() }
        _ = try site.build()
        let html = try #require(site.read("public/ho-so/nguyen-van-an/index.html"))
        #expect(html.contains("<nav class=\"breadcrumbs wrap\""))
        #expect(html.contains("<a href=\"/dia-ban/luc-ngan/\">Huyện Lục Ngạn</a>"))
        // No photo and no default image: no empty og:image; no notice configured: no empty note.
        #expect(!html.contains("og:image"))
        #expect(!html.contains("role=\"note\""))
        #expect(html.contains("aria-current=\"page\">Địa bàn</a>"))
    }

    @Test func failedBuildLeavesPreviousOutputByteIdentical() throws {
        let site = try TestSite(profiles: Self.profiles)
        defer { site.remove() }
        #expect(try site.build().succeeded)
        let before = files(under: site.root + "/public")
        try site.write("content/profiles/luc-ngan/nguyen-van-an.md", TestSite.profile(district: "khong-co-huyen-nay"))
        let result = try site.build()
        #expect(!result.succeeded)
        #expect(result.diagnostics.contains { $0.code == .unknownDistrict })
        #expect(files(under: site.root + "/public") == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.root).filter { $0.contains("staging") }
        #expect(leftovers.isEmpty)
    }

    @Test func staleStagingFolderOfAKilledBuildIsCleaned() throws {
        let site = try TestSite(profiles: Self.profiles)
        defer { site.remove() }
        // What `kill -9` during a build leaves: a staging folder of a dead process.
        try site.write(".public.staging-999999-1/half.html", "<p>nửa")
        #expect(try site.build().succeeded)
        #expect(!FileManager.default.fileExists(atPath: site.root + "/.public.staging-999999-1"))
        #expect(site.read("public/half.html") == nil)
    }

    @Test func deletedProfilesDisappearAndOutputIsDeterministic() throws {
        let site = try TestSite(profiles: Self.profiles)
        defer { site.remove() }
        #expect(try site.build(output: site.root + "/a").succeeded)
        #expect(try site.build(output: site.root + "/b", workers: 1).succeeded)
        #expect(files(under: site.root + "/a") == files(under: site.root + "/b"))
        try FileManager.default.removeItem(atPath: site.root + "/content/profiles/luc-ngan/nguyen-van-an.md")
        #expect(try site.build(output: site.root + "/a").succeeded)
        #expect(site.read("a/ho-so/nguyen-van-an/index.html") == nil)
        #expect(site.read("a/sitemap.xml")?.contains("nguyen-van-an") == false)
    }

    @Test func hostileInputBuildsWithNothingActive() throws {
        let site = try TestSite(profiles: ["x.md": TestSite.profile(
            title: "<script>alert('t')</script>",
            extra: "summary2: x\nunit: \"<img src=x onerror=alert(1)>\"\n",
            body: "<script>alert(1)</script>\n\n<a href=\"javascript:alert(2)\" onclick=\"x()\">a</a>\n\n[b](javascript:alert(3))\n\n<iframe src=\"https://evil\"></iframe>\n")])
        defer { site.remove() }
        let result = try site.build()
        #expect(result.succeeded)
        for (path, data) in files(under: site.root + "/public") where path.hasSuffix(".html") {
            let html = String(decoding: data, as: UTF8.self)
            #expect(!html.contains("<script>alert"), "\(path)")
            #expect(!html.contains("javascript:"), "\(path)")
            #expect(!html.contains("<img src=x onerror"), "\(path)")
            #expect(!html.contains("onclick="), "\(path)")
            #expect(!html.contains("<iframe"), "\(path)")
        }
        let page = try #require(site.read("public/ho-so/x/index.html"))
        #expect(page.contains("&lt;script&gt;alert(&#39;t&#39;)&lt;/script&gt;"))
        #expect(page.contains("\\u003cscript\\u003e"))  // JSON-LD, JSON-escaped
    }

    @Test func everyLinkFollowsASubPathBaseURL() throws {
        let site = try TestSite(profiles: Self.profiles.merging([
            "luc-ngan/link.md": TestSite.profile(title: "Liên Kết", body: "[An](/ho-so/nguyen-van-an/)\n"),
        ]) { a, _ in a })
        defer { site.remove() }
        let result = try site.build(baseURL: "https://bacgiang.gov.vn/dien-hinh-tien-tien")
        #expect(result.succeeded)
        for (path, data) in files(under: site.root + "/public") where path.hasSuffix(".html") {
            let html = String(decoding: data, as: UTF8.self)
            for attribute in ["href=\"/", "src=\"/"] {
                for part in html.components(separatedBy: attribute).dropFirst() {
                    #expect(part.hasPrefix("dien-hinh-tien-tien/"), "\(path): \(attribute)\(part.prefix(40))")
                }
            }
            #expect(!html.contains("https://example.org"), "\(path)")
        }
        let profile = site.read("public/ho-so/nguyen-van-an/index.html") ?? ""
        #expect(profile.contains("<link rel=\"canonical\" href=\"https://bacgiang.gov.vn/dien-hinh-tien-tien/ho-so/nguyen-van-an/\">"))
        #expect(site.read("public/sitemap.xml")?.contains("<loc>https://bacgiang.gov.vn/dien-hinh-tien-tien/ho-so/") == true)
    }

    @Test func siteTemplatesOverrideTheDefaultFileByFile() throws {
        let site = try TestSite(profiles: Self.profiles, extraFiles: [
            "site-templates/layouts/404.mustache": "{{<base}}{{$main}}<h1>Riêng của tỉnh</h1>{{/main}}{{/base}}",
        ])
        defer { site.remove() }
        #expect(try site.build().succeeded)
        #expect(site.read("public/404.html")?.contains("Riêng của tỉnh") == true)
        #expect(site.read("public/index.html")?.contains("<html lang=\"vi\">") == true)
    }

    @Test func brokenTemplateIsADiagnosticWithItsPosition() throws {
        let site = try TestSite(profiles: Self.profiles, extraFiles: [
            "site-templates/layouts/404.mustache": "<p>\n{{#open}}chưa đóng\n",
        ])
        defer { site.remove() }
        let result = try site.build()
        #expect(!result.succeeded)
        #expect(result.diagnostics.contains { $0.code == .badTemplate && $0.file == "site-templates/layouts/404.mustache" })
        #expect(site.read("public/index.html") == nil)
    }

    @Test func sitemapBecomesAnIndexPastItsLimitWithContentDates() throws {
        let site = try TestSite(profiles: Self.profiles)
        defer { site.remove() }
        let loaded = site.load()
        let (theme, _) = Theme.load(defaultDirectory: Theme.defaultDirectory, overrideDirectory: site.root + "/x", sitePaths: site.paths)
        let renderer = SiteRenderer(site: loaded, index: SiteIndex(site: loaded), theme: try #require(theme), sitemapLimit: 10,
                                    statistics: { Statistics(site: loaded) })
        let sitemaps = renderer.plan().filter { renderer.file(of: $0).hasPrefix("sitemap") }
        let files = sitemaps.map(renderer.file(of:))
        #expect(files.count >= 4 && files.contains("sitemap.xml") && files.contains("sitemap-3.xml"))
        func text(_ file: String) throws -> String {
            String(decoding: renderer.render(try #require(sitemaps.first { renderer.file(of: $0) == file })).bytes, as: UTF8.self)
        }
        let index = try text("sitemap.xml")
        #expect(index.contains("<sitemapindex") && index.contains("<loc>https://example.org/sitemap-1.xml</loc>"))
        let first = try text("sitemap-1.xml")
        #expect(first.components(separatedBy: "<url>").count - 1 == 10)
        // Dates come from the content: the newest award year (2021) or a profile's date.
        #expect(index.contains("<lastmod>2021-12-31</lastmod>"))
        let feed = String(decoding: renderer.render(try #require(renderer.plan().first { renderer.file(of: $0) == "feed.xml" })).bytes,
                          as: UTF8.self)
        #expect(feed.contains("<updated>2021-12-31T00:00:00Z</updated>"))
    }

    @Test func symlinksInMediaNeverPublishOutsideFiles() throws {
        let site = try TestSite(profiles: Self.profiles, extraFiles: ["secret.txt": "mật khẩu", "content/media/ok.txt": "ok"])
        defer { site.remove() }
        try FileManager.default.createSymbolicLink(atPath: site.root + "/content/media/leak.txt", withDestinationPath: site.root + "/secret.txt")
        try FileManager.default.createSymbolicLink(atPath: site.root + "/content/media/etc", withDestinationPath: "/etc")
        #expect(try site.build().succeeded)
        #expect(site.read("public/media/ok.txt") == "ok")
        #expect(site.read("public/media/leak.txt") == nil)
        #expect(!FileManager.default.fileExists(atPath: site.root + "/public/media/etc"))
    }

    @Test func photosArePublishedSmallWithTheirSize() throws {
        let site = try TestSite(profiles: ["nguyen-van-an.md": TestSite.profile(extra: "photo: media/lon.jpg\n")])
        defer { site.remove() }
        try FileManager.default.createDirectory(atPath: site.root + "/content/media", withIntermediateDirectories: true)
        let vips = Process()
        vips.executableURL = URL(fileURLWithPath: "/usr/bin/vips")
        vips.arguments = ["gaussnoise", site.root + "/content/media/lon.jpg[Q=90]", "1200", "900"]
        try vips.run()
        vips.waitUntilExit()
        #expect(vips.terminationStatus == 0)
        #expect(PhotoProcessor().isAvailable)
        #expect(try site.build(output: site.root + "/a").succeeded)
        try FileManager.default.removeItem(atPath: site.root + "/.vinhdanh")  // no cache: run libvips again
        #expect(try site.build(output: site.root + "/b").succeeded)
        let a = try #require(FileManager.default.contents(atPath: site.root + "/a/media/lon.jpg"))
        #expect(a == FileManager.default.contents(atPath: site.root + "/b/media/lon.jpg"))
        let original = try #require(FileManager.default.contents(atPath: site.root + "/content/media/lon.jpg"))
        #expect(a.count < original.count)
        let page = site.read("a/ho-so/nguyen-van-an/index.html") ?? ""
        #expect(page.contains("src=\"/media/lon.jpg\" alt=\"Ảnh: Nguyễn Văn An\" width=\"200\" height=\"150\" loading=\"lazy\""))
        #expect(PhotoProcessor.size(in: "x: 480x360 uchar, 3 bands") == PhotoProcessor.Size(width: 480, height: 360))
    }

    /// The Bắc Giang site in this repository builds with no error and no warning.
    @Test func sampleSiteBuildsCleanly() throws {
        let root = TestRepository.root
        let output = NSTemporaryDirectory() + "vinhdanh-sample-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: output) }
        let result = try Builder(options: BuildOptions(site: SitePaths(root: root), output: output, latestYear: 2026)).build()
        #expect(result.succeeded)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.formatted))")
        #expect(result.profiles >= 40)
        #expect(FileManager.default.fileExists(atPath: output + "/gioi-thieu/index.html"))
        #expect(FileManager.default.fileExists(atPath: output + "/dia-ban/cap-tinh/index.html"))
        // Where a profile of 2019 stands today, through the changes of 2020–2025.
        let page = try String(contentsOfFile: output + "/ho-so/than-thi-hue/index.html", encoding: .utf8)
        #expect(page.contains("<dt>Xã/phường</dt><dd>Xã Cao Xá</dd></div>\n<div><dt>Nay thuộc</dt><dd><a href=\"/dia-ban/xa-tan-yen/\">Xã Tân Yên</a>, tỉnh Bắc Ninh</dd>"))
        // Today's commune has a page listing the profiles of the units it was formed from.
        let commune = try String(contentsOfFile: output + "/dia-ban/xa-tan-yen/index.html", encoding: .utf8)
        #expect(commune.contains("trên cơ sở: Thị trấn Cao Thượng (Huyện Tân Yên), Xã Cao Xá (Huyện Tân Yên)"))
        #expect(commune.contains("/ho-so/than-thi-hue/"))
        // The former units keep their pages.
        #expect(FileManager.default.fileExists(atPath: output + "/dia-ban/tan-yen/index.html"))
        // The places index: today's communes under the former units they come from, then
        // the former units with their periods.
        let places = try String(contentsOfFile: output + "/dia-ban/index.html", encoding: .utf8)
        #expect(places.contains("<h3>Huyện Tân Yên</h3>\n<ul class=\"terms\">\n<li><a href=\"/dia-ban/xa-tan-yen/\">Xã Tân Yên</a>"))
        #expect(places.contains("Huyện Yên Dũng</a> <span class=\"count\">4 hồ sơ · đến 31/12/2024</span>"))
        // Statistics by today's commune, and the profiles that have none.
        let statistics = try String(contentsOfFile: output + "/thong-ke/index.html", encoding: .utf8)
        #expect(statistics.contains("Theo xã, phường hiện nay") && statistics.contains("<th scope=\"row\">Chưa xác định</th>"))
        let csv = try String(contentsOfFile: output + "/thong-ke/thong-ke.csv", encoding: .utf8)
        #expect(csv.contains("xa-phuong,xa-tan-yen,\"Xã Tân Yên\",") && csv.contains("xa-phuong,chua-xac-dinh,\"Chưa xác định\","))
        let json = try String(contentsOfFile: output + "/thong-ke/thong-ke.json", encoding: .utf8)
        #expect(json.contains("\"byCommune\":[{\"key\":\"phuong-bac-giang\""))
    }
}
