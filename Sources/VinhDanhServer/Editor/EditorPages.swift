import VinhDanhEditing
import Foundation

/// The editor's pages other than the form: the list of profiles, the confirmation of a
/// deletion, the trash.
enum EditorPages {
    private static func h(_ text: String) -> String { EditorHTML.h(text) }

    /// One profile in the list.
    struct Row {
        var slug: String
        var title: String
        var kind: String
        var place: String
    }

    /// Profiles shown per page of the list.
    static let pageSize = 50

    /// The number of pages of a list of `found` profiles (one when empty).
    static func pageCount(_ found: Int) -> Int { max(1, (found + pageSize - 1) / pageSize) }

    /// The list: a search box (accents optional), the matching profiles, page links.
    static func list(rows: ArraySlice<Row>, found: Int, query: String, page: Int, notice: String?) -> String {
        let pages = pageCount(found)
        var out = "<h1>Hồ sơ điển hình</h1>\n"
        if let notice { out += "<p class=\"thong-bao\" role=\"status\">\(notice)</p>\n" }
        out += "<p><a class=\"nut-chinh\" href=\"/_bien-tap/moi/\">Thêm hồ sơ</a></p>\n"
        out += "<form method=\"get\" action=\"/_bien-tap/\" role=\"search\" class=\"tim\"><label for=\"q\">Tìm theo tên, địa bàn (có dấu hoặc không)</label> "
        out += "<input type=\"search\" id=\"q\" name=\"q\" value=\"\(h(query))\"> <button type=\"submit\">Tìm</button></form>\n"
        out += "<p id=\"so-ket-qua\">\(found) hồ sơ\(query.isEmpty ? "" : " khớp “\(h(query))”")\(pages > 1 ? ", trang \(page)/\(pages)" : "").</p>\n"
        if !rows.isEmpty {
            out += "<table class=\"danh-sach\" aria-describedby=\"so-ket-qua\"><thead><tr><th scope=\"col\">Tên</th><th scope=\"col\">Loại</th><th scope=\"col\">Địa bàn</th></tr></thead><tbody>\n"
            for row in rows {
                out += "<tr><td><a href=\"/_bien-tap/ho-so/\(h(row.slug))/\">\(h(row.title))</a></td><td>\(h(row.kind))</td><td>\(h(row.place))</td></tr>\n"
            }
            out += "</tbody></table>\n"
        }
        if pages > 1 {
            let q = query.isEmpty ? "" : "q=" + EditorHTML.queryValue(query) + "&"
            out += "<nav aria-label=\"Trang\" class=\"trang\">"
            if page > 1 { out += "<a href=\"/_bien-tap/?\(q)trang=\(page - 1)\" rel=\"prev\">Trang trước</a> " }
            if page < pages { out += "<a href=\"/_bien-tap/?\(q)trang=\(page + 1)\" rel=\"next\">Trang sau</a>" }
            out += "</nav>\n"
        }
        return out
    }

    /// Asks before a profile goes to the trash.
    static func confirmDelete(slug: String, title: String, path: String, version: String, token: String) -> String {
        """
        <h1>Xóa hồ sơ “\(h(title))”?</h1>
        <p>Tệp <code>\(h(path))</code> sẽ được chuyển vào thùng rác (<code>.vinhdanh/thung-rac/</code>); có thể khôi phục lại từ trang Thùng rác.</p>
        <form method="post" action="/_bien-tap/ho-so/\(h(slug))/xoa/" enctype="multipart/form-data">
        \(EditorHTML.token(token))
        <input type="hidden" name="version" value="\(h(version))">
        <button type="submit" class="nguy-hiem">Chuyển vào thùng rác</button>
        <a href="/_bien-tap/ho-so/\(h(slug))/">Không xóa, quay lại</a>
        \(EditorHTML.end)
        </form>
        """
    }

    /// What the trash holds, each with a restore button.
    static func trash(_ items: [ProfileTrash.Item], token: String, notice: String?) -> String {
        var out = "<h1>Thùng rác</h1>\n"
        if let notice { out += "<p class=\"thong-bao\" role=\"status\">\(notice)</p>\n" }
        guard !items.isEmpty else { return out + "<p>Thùng rác trống.</p>\n" }
        out += "<table class=\"danh-sach\"><thead><tr><th scope=\"col\">Tệp</th><th scope=\"col\">Xóa lúc (giờ UTC)</th><th scope=\"col\"><span class=\"an\">Thao tác</span></th></tr></thead><tbody>\n"
        for item in items {
            let when = item.deleted.replacingOccurrences(of: "T", with: " ").replacingOccurrences(of: "Z", with: "")
            out += "<tr><td><code>\(h(item.path))</code></td><td>\(h(when))</td><td>"
            out += "<form method=\"post\" action=\"/_bien-tap/thung-rac/\" enctype=\"multipart/form-data\">\(EditorHTML.token(token))"
            out += "<input type=\"hidden\" name=\"id\" value=\"\(h(item.id))\"><button type=\"submit\" aria-label=\"Khôi phục \(h(item.path))\">Khôi phục</button>\(EditorHTML.end)</form></td></tr>\n"
        }
        return out + "</tbody></table>\n"
    }
}
