import VinhDanhEditing
import VinhDanhVocabulary

/// The form of one profile, new or existing: every field of ``ProfileFields``, each with
/// its label, its suggestions and its problems beside it.
struct ProfileFormPage {
    /// Where the form posts.
    var action: String
    var heading: String
    var fields: ProfileFields
    /// The version the form was made from (`nil` for a new profile).
    var version: String?
    var problems: [FieldProblem] = []
    /// A line at the top: "Đã lưu", a conflict…
    var notice: String?
    /// On a conflict, what the file holds now.
    var onDisk: ProfileFields?
    /// The body rendered, when the editor asked for a preview.
    var preview: String?
    /// The profile's public page, when it has one.
    var pageURL: String?
    /// Its delete page, when it exists.
    var deleteURL: String?
    let vocabularies: Vocabularies
    let token: String

    private func h(_ text: String) -> String { EditorHTML.h(text) }

    /// The problems of field `field`, as a list with an id the field points to.
    private func problems(of field: String, id: String) -> (html: String, describedBy: String) {
        let mine = problems.filter { $0.field == field }
        guard !mine.isEmpty else { return ("", "") }
        let items = mine.map { problem in
            "<li class=\"\(problem.isError ? "loi" : "luu-y")\">\(h(problem.message))\(problem.suggestion.map { " — " + h($0) } ?? "")</li>"
        }.joined()
        return ("<ul class=\"van-de\" id=\"\(id)-van-de\">\(items)</ul>", " aria-describedby=\"\(id)-van-de\"")
    }

    private func text(_ key: String, _ label: String, _ value: String, list: String? = nil, hint: String? = nil, required: Bool = false) -> String {
        let found = problems(of: key, id: key)
        let invalid = problems.contains { $0.field == key && $0.isError } ? " aria-invalid=\"true\"" : ""
        return """
            <div class="truong"><label for="\(key)">\(h(label))\(required ? " <span aria-hidden=\"true\">*</span>" : "")</label>\
            \(hint.map { "<span class=\"goi-y\" id=\"\(key)-goi-y\">\(h($0))</span>" } ?? "")\
            <input type="text" id="\(key)" name="\(key)" value="\(h(value))"\(list.map { " list=\"\($0)\" autocomplete=\"off\"" } ?? "")\
            \(required ? " required" : "")\(invalid)\(found.describedBy.isEmpty ? (hint == nil ? "" : " aria-describedby=\"\(key)-goi-y\"") : found.describedBy)>\(found.html)</div>

            """
    }

    /// `<datalist>` of a vocabulary: each entry's key, with its name as the label.
    private func datalist(_ id: String, _ entries: [VocabularyEntry]) -> String {
        "<datalist id=\"\(id)\">" + entries.map { "<option value=\"\(h($0.key))\">\(h($0.name))</option>" }.joined() + "</datalist>\n"
    }

    var html: String {
        var out = "<h1>\(h(heading))</h1>\n"
        if let notice { out += "<p class=\"thong-bao\" role=\"status\">\(notice)</p>\n" }
        let errors = problems.filter(\.isError)
        if !errors.isEmpty {
            out += "<div class=\"tom-tat-loi\" role=\"alert\"><h2>Chưa lưu: \(errors.count) lỗi cần sửa</h2><ul>"
            out += errors.map { problem in
                let name = Self.label(of: problem.field)
                let link = problem.field == "file" ? h(name) : "<a href=\"#\(h(problem.field))\">\(h(name))</a>"
                return "<li>\(link): \(h(problem.message))\(problem.suggestion.map { " — " + h($0) } ?? "")</li>"
            }.joined()
            out += "</ul></div>\n"
        }
        if let onDisk { out += conflict(onDisk) }
        if let pageURL { out += "<p><a href=\"\(h(pageURL))\">Xem trang của hồ sơ này</a></p>\n" }
        out += "<form method=\"post\" action=\"\(h(action))\" enctype=\"multipart/form-data\" class=\"ho-so\">\n"
        out += EditorHTML.token(token) + "\n"
        if let version { out += "<input type=\"hidden\" name=\"version\" value=\"\(h(version))\">\n" }
        out += "<fieldset><legend>Thông tin chung</legend>\n"
        out += kindSelect()
        out += text("title", "Họ tên hoặc tên tập thể", fields.title, required: true)
        out += text("district", "Địa bàn (huyện, thị xã, thành phố; khen thưởng trước 01/7/2025)", fields.district, list: "goi-y-dia-ban",
                    hint: "để trống nếu hồ sơ thuộc xã, phường hiện nay")
        out += text("commune", "Xã, phường", fields.commune, list: "goi-y-xa-phuong")
        out += text("unit", "Đơn vị công tác", fields.unit)
        out += text("position", "Chức vụ", fields.position)
        out += text("ethnicity", "Dân tộc", fields.ethnicity)
        out += "</fieldset>\n"
        out += movements()
        out += awards()
        out += "<fieldset><legend>Ảnh</legend>\n"
        out += text("photo", "Đường dẫn ảnh", fields.photo, hint: "ví dụ media/ten-anh.jpg; hoặc chọn ảnh bên dưới")
        out += "<div class=\"truong\"><label for=\"photo-file\">Tải ảnh lên (JPEG, PNG, WebP, HEIC; dưới 15 MB)</label>"
        out += "<input type=\"file\" id=\"photo-file\" name=\"photo-file\" accept=\"image/jpeg,image/png,image/webp,image/heic\"></div>\n"
        out += "</fieldset>\n"
        let summary = problems(of: "summary", id: "summary")
        out += "<div class=\"truong\"><label for=\"summary\">Tóm tắt (một câu)</label><textarea id=\"summary\" name=\"summary\" rows=\"2\"\(summary.describedBy)>\n\(h(fields.summary))</textarea>\(summary.html)</div>\n"
        out += text("date", "Ngày cập nhật hồ sơ", fields.date, hint: "dd/mm/yyyy, có thể để trống")
        let body = problems(of: "body", id: "body")
        out += "<div class=\"truong than-bai\"><label for=\"body\">Nội dung (Markdown)</label>"
        out += "<textarea id=\"body\" name=\"body\" rows=\"16\"\(body.describedBy)>\n\(h(fields.body))</textarea>\(body.html)</div>\n"
        out += "<section class=\"xem-truoc\" aria-labelledby=\"xem-truoc-tieu-de\"><h2 id=\"xem-truoc-tieu-de\">Xem trước nội dung</h2>"
        out += "<div id=\"xem-truoc\" aria-live=\"polite\">\(preview ?? "<p>Bấm “Xem trước” để xem nội dung như trên trang.</p>")</div></section>\n"
        out += "<div class=\"nut\"><button type=\"submit\" name=\"action\" value=\"save\">Lưu hồ sơ</button> "
        out += "<button type=\"submit\" name=\"action\" value=\"preview\" class=\"phu\">Xem trước</button></div>\n"
        out += EditorHTML.end + "\n</form>\n"
        if let deleteURL { out += "<p class=\"xoa\"><a href=\"\(h(deleteURL))\">Xóa hồ sơ này…</a></p>\n" }
        out += datalist("goi-y-phong-trao", vocabularies.movements.entries)
        out += datalist("goi-y-khen-thuong", vocabularies.awards.entries)
        // Places: the district-level units, then today's communes by name (as `commune:` takes them).
        let districts = vocabularies.districts.entries.indices.filter { vocabularies.commune(ofEntry: $0) == nil }
        out += datalist("goi-y-dia-ban", districts.map { vocabularies.districts.entries[$0] })
        out += "<datalist id=\"goi-y-xa-phuong\">" + vocabularies.places.communes.map { "<option value=\"\(h($0.name))\"></option>" }.joined() + "</datalist>\n"
        return out
    }

    private func kindSelect() -> String {
        let current = SubjectKind(text: fields.kind)
        let options = SubjectKind.allCases.map { kind in
            "<option value=\"\(kind.rawValue)\"\(kind == current ? " selected" : "")>\(h(kind.label))</option>"
        }.joined()
        let found = problems(of: "kind", id: "kind")
        return "<div class=\"truong\"><label for=\"kind\">Loại đối tượng</label><select id=\"kind\" name=\"kind\"\(found.describedBy)>\(options)</select>\(found.html)</div>\n"
    }

    private func movements() -> String {
        let found = problems(of: "movements", id: "movements")
        var out = "<fieldset id=\"movements\" class=\"phong-trao\"\(found.describedBy)><legend>Phong trào thi đua</legend>\n"
        out += "<p class=\"goi-y\">Gõ tên phong trào, có dấu hoặc không dấu; mỗi ô một phong trào.</p>\n<ul class=\"dong\">"
        for (n, movement) in (fields.movements + ["", ""]).enumerated() {
            out += "<li><label for=\"movement-\(n)\" class=\"an\">Phong trào \(n + 1)</label>"
            out += "<input type=\"text\" id=\"movement-\(n)\" name=\"movement\" value=\"\(h(movement))\" list=\"goi-y-phong-trao\" autocomplete=\"off\" data-goi-y=\"phong-trao\"></li>"
        }
        return out + "</ul>\(found.html)</fieldset>\n"
    }

    private func awards() -> String {
        let found = problems(of: "awards", id: "awards")
        var out = "<fieldset id=\"awards\" class=\"khen-thuong\"\(found.describedBy)><legend>Khen thưởng</legend>\n"
        out += "<p class=\"goi-y\">Mỗi dòng một lần khen thưởng. Để trống cả dòng để bỏ dòng đó.</p>\n"
        out += "<table><thead><tr><th scope=\"col\">Hình thức</th><th scope=\"col\">Năm</th><th scope=\"col\">Ngày quyết định</th><th scope=\"col\">Quyết định</th></tr></thead><tbody>"
        for (n, row) in (fields.awards + [.init(), .init()]).enumerated() {
            let line = n + 1
            out += "<tr>"
            out += "<td><label for=\"award-type-\(n)\" class=\"an\">Hình thức, dòng \(line)</label><input type=\"text\" id=\"award-type-\(n)\" name=\"award-type\" value=\"\(h(row.type))\" list=\"goi-y-khen-thuong\" autocomplete=\"off\" data-goi-y=\"khen-thuong\"></td>"
            out += "<td><label for=\"award-year-\(n)\" class=\"an\">Năm, dòng \(line)</label><input type=\"text\" inputmode=\"numeric\" id=\"award-year-\(n)\" name=\"award-year\" value=\"\(h(row.year))\" size=\"5\"></td>"
            out += "<td><label for=\"award-date-\(n)\" class=\"an\">Ngày quyết định, dòng \(line)</label><input type=\"text\" id=\"award-date-\(n)\" name=\"award-date\" value=\"\(h(row.date))\" size=\"10\"></td>"
            out += "<td><label for=\"award-decision-\(n)\" class=\"an\">Quyết định, dòng \(line)</label><input type=\"text\" id=\"award-decision-\(n)\" name=\"award-decision\" value=\"\(h(row.decision))\"></td>"
            out += "</tr>"
        }
        return out + "</tbody></table>\(found.html)</fieldset>\n"
    }

    /// What the file holds now, beside the form, on a conflict.
    private func conflict(_ disk: ProfileFields) -> String {
        var rows: [(String, String)] = [("Họ tên hoặc tên tập thể", disk.title), ("Loại đối tượng", SubjectKind(text: disk.kind)?.label ?? disk.kind), ("Địa bàn", disk.district),
                                        ("Xã, phường", disk.commune), ("Đơn vị công tác", disk.unit), ("Chức vụ", disk.position),
                                        ("Dân tộc", disk.ethnicity), ("Phong trào", disk.movements.joined(separator: "; "))]
        rows += disk.awards.enumerated().map { ("Khen thưởng \($0 + 1)", [$1.type, $1.year, $1.date, $1.decision].filter { !$0.isEmpty }.joined(separator: " · ")) }
        rows += [("Ảnh", disk.photo), ("Tóm tắt", disk.summary), ("Ngày cập nhật", disk.date)]
        var out = "<section class=\"xung-dot\" aria-labelledby=\"xung-dot-tieu-de\"><h2 id=\"xung-dot-tieu-de\">Bản đang lưu trên máy</h2>\n"
        out += "<p>Tệp đã được sửa ở nơi khác (một thẻ khác hoặc trình soạn thảo) sau khi bạn mở biểu mẫu. Chưa có gì bị ghi. "
        out += "Đây là bản đang lưu; biểu mẫu bên dưới là bản này cộng với những trường bạn đã sửa (nếu còn biết bạn mở từ bản nào). "
        out += "So sánh rồi bấm “Lưu hồ sơ” để ghi.</p>\n<dl>"
        out += rows.filter { !$0.1.isEmpty }.map { "<dt>\(h($0.0))</dt><dd>\(h($0.1))</dd>" }.joined()
        out += "</dl>\n<details><summary>Nội dung đang lưu</summary><pre>\(h(disk.body))</pre></details></section>\n"
        return out
    }

    /// A field's name for the summary of problems.
    static func label(of field: String) -> String {
        switch field {
        case "title": "Họ tên hoặc tên tập thể"
        case "kind": "Loại đối tượng"
        case "district": "Địa bàn"
        case "commune": "Xã, phường"
        case "unit": "Đơn vị công tác"
        case "position": "Chức vụ"
        case "ethnicity": "Dân tộc"
        case "movements": "Phong trào thi đua"
        case "awards": "Khen thưởng"
        case "photo": "Ảnh"
        case "summary": "Tóm tắt"
        case "date": "Ngày cập nhật"
        case "body": "Nội dung"
        default: "Tệp hồ sơ"
        }
    }
}
