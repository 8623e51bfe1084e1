import Foundation
import VinhDanhRender

/// The editor's pages: plain HTML forms that work without JavaScript (the script only adds
/// accent-insensitive suggestions, rows and a live preview). The editor is the tool's own
/// interface, not the site's: its words live here, not in the theme.
enum EditorHTML {
    /// Escaped text for HTML.
    static func h(_ text: String) -> String { HTMLEscaping.escape(text) }

    /// A whole page: `title`, then `main` (already HTML).
    static func page(title: String, main: String, siteURL: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="vi">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="robots" content="noindex">
        <title>\(h(title)) – Biên tập hồ sơ</title>
        <link rel="stylesheet" href="/_bien-tap/tai-nguyen/editor.css">
        <script src="/_bien-tap/tai-nguyen/editor.js" defer></script>
        </head>
        <body>
        <a class="skip" href="#noi-dung">Bỏ qua, đến nội dung chính</a>
        <header class="bar"><nav aria-label="Biên tập">
        <a href="/_bien-tap/">Danh sách hồ sơ</a>
        <a href="/_bien-tap/moi/">Thêm hồ sơ</a>
        <a href="/_bien-tap/thung-rac/">Thùng rác</a>
        <a href="\(h(siteURL))">Xem trang web</a>
        </nav></header>
        <main id="noi-dung">
        \(main)
        </main>
        </body>
        </html>

        """
    }

    /// A short page that says what went wrong.
    static func message(title: String, text: String, siteURL: String) -> String {
        page(title: title, main: "<h1>\(h(title))</h1>\n<p>\(h(text))</p>\n<p><a href=\"/_bien-tap/\">Về danh sách hồ sơ</a></p>", siteURL: siteURL)
    }

    /// The hidden fields every form that writes carries: the token, then (last, so a body
    /// cut short is noticed) the end marker.
    static func token(_ token: String) -> String {
        "<input type=\"hidden\" name=\"token\" value=\"\(h(token))\">"
    }

    /// `text` percent-encoded for a URL's query (ASCII letters and digits kept).
    static func queryValue(_ text: String) -> String {
        text.utf8.map { byte in
            let c = Character(Unicode.Scalar(byte))
            return byte < 0x80 && (c.isLetter || c.isNumber) ? String(c) : String(format: "%%%02X", byte)
        }.joined()
    }

    static let end = "<input type=\"hidden\" name=\"ket-thuc\" value=\"1\">"
}
