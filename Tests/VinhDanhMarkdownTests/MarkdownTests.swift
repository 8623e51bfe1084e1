import Foundation
import Testing
@testable import VinhDanhMarkdown
@testable import VinhDanhSupport

@Suite struct MarkdownTests {
    let renderer = MarkdownRenderer()

    @Test func gfmExtensions() {
        let html = renderer.render("""
        | a | b |
        |---|---|
        | 1 | 2 |

        ~~cũ~~ và https://bacgiang.gov.vn

        - [x] xong

        Chú thích[^1].

        [^1]: Nguồn.
        """).html
        #expect(html.contains("<table>"))
        #expect(html.contains("<del>cũ</del>"))
        #expect(html.contains("<a href=\"https://bacgiang.gov.vn\">"))
        #expect(html.contains("type=\"checkbox\""))
        #expect(html.contains("footnote"))
    }

    @Test func safeModeDropsRawHTMLAndScriptLinks() {
        let html = renderer.render("""
        <script>alert(1)</script>

        <img src=x onerror="alert(2)">

        [bấm](javascript:alert(3)) [b](vbscript:x) [c](data:text/html;base64,xx)
        """).html
        #expect(!html.contains("<script"))
        #expect(!html.contains("onerror"))
        #expect(!html.contains("javascript:"))
        #expect(!html.contains("vbscript:"))
        #expect(!html.contains("data:text/html"))
    }

    @Test func headingsGetStableUniqueIDs() {
        let output = renderer.render("## Thành tích\n\ntext\n\n## Thành tích\n\n### Đổi mới `code`\n")
        #expect(output.headings.map(\.id) == ["thanh-tich", "thanh-tich-2", "doi-moi-code"])
        #expect(output.html.contains("<h2 id=\"thanh-tich\">Thành tích</h2>"))
        #expect(output.html.contains("<h2 id=\"thanh-tich-2\">"))
        #expect(output.html.contains("<h3 id=\"doi-moi-code\">"))
    }

    @Test func rootRelativeLinksFollowTheBasePath() {
        let sub = MarkdownRenderer(rootPath: "/dien-hinh/")
        let html = sub.render("[a](/ho-so/x/) [b](https://e.org/) [c](//cdn.org/x) ![d](/media/p.jpg)").html
        #expect(html.contains("href=\"/dien-hinh/ho-so/x/\""))
        #expect(html.contains("href=\"https://e.org/\""))
        #expect(html.contains("href=\"//cdn.org/x\""))
        #expect(html.contains("src=\"/dien-hinh/media/p.jpg\""))
    }

    /// cmark-gfm edits a global table while parsing with strikethrough/autolink attached:
    /// parallel renders must equal serial ones.
    @Test func parallelRendersEqualSerial() {
        let documents = (0..<2000).map { i in
            "# Hồ sơ \(i)\n\n~~gạch \(i)~~ www.example\(i).vn và https://a.vn/\(i)\n\n| x | y |\n|---|---|\n| \(i) | ~~\(i)~~ |\n"
        }
        let serial = documents.map { renderer.render($0).html }
        let shared = renderer
        let parallel = Parallel.map(documents.count, workers: 8) { shared.render(documents[$0]).html }
        #expect(serial == parallel)
        #expect(serial.allSatisfy { $0.contains("<del>") && $0.contains("href=\"https://a.vn/") })
    }
}
