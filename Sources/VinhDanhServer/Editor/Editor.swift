import VinhDanhBuild
import VinhDanhConfig
import VinhDanhContent
import VinhDanhEditing
import VinhDanhMarkdown
import VinhDanhRender
import VinhDanhText
import VinhDanhVocabulary
import Foundation
import HTTPTypes
import Hummingbird

/// The profile editor at `/_bien-tap/`, at the server's root whatever the base URL: a list,
/// a form per profile, the trash. The files stay the source of truth (``ProfileEditor``);
/// after a write the server updates the site through its incremental path at once, and
/// its watcher then skips that write (``OwnWrites``), so the page reloads once.
struct Editor: Sendable {
    let server: PreviewServer
    let rules: EditorGuard
    /// What the list searches, folded once per version of the site.
    let search = EditorSearch()
    /// The fields of the versions forms were made from, for a conflict.
    let served = ServedVersions()

    /// The largest form accepted (a photo and the fields).
    static let maximumBody = PhotoUpload.maximumBytes + 1024 * 1024

    private var paths: SitePaths { server.options.site }

    /// The responder of every `/_bien-tap/` path.
    func router() -> Router<PreviewContext> {
        let router = Router(context: PreviewContext.self)
        router.get("/_bien-tap/") { request, _ in self.list(request) }
        router.get("/_bien-tap/moi/") { request, _ in self.newForm(request) }
        router.post("/_bien-tap/moi/") { request, _ in try await self.create(request) }
        router.get("/_bien-tap/ho-so/{slug}/") { request, context in self.form(request, slug: context.parameters.get("slug") ?? "") }
        router.post("/_bien-tap/ho-so/{slug}/") { request, context in try await self.save(request, slug: context.parameters.get("slug") ?? "") }
        router.get("/_bien-tap/ho-so/{slug}/xoa/") { _, context in self.confirmDelete(slug: context.parameters.get("slug") ?? "") }
        router.post("/_bien-tap/ho-so/{slug}/xoa/") { request, context in try await self.delete(request, slug: context.parameters.get("slug") ?? "") }
        router.get("/_bien-tap/thung-rac/") { request, _ in self.trash(request) }
        router.post("/_bien-tap/thung-rac/") { request, _ in try await self.restore(request) }
        router.post("/_bien-tap/xem-truoc") { request, _ in try await self.preview(request) }
        router.get("/_bien-tap/tai-nguyen/editor.css") { _, _ in Self.asset(EditorAssets.css, type: "text/css; charset=utf-8") }
        router.get("/_bien-tap/tai-nguyen/editor.js") { _, _ in Self.asset(EditorAssets.js, type: "text/javascript; charset=utf-8") }
        return router
    }

    // MARK: Pages

    private var model: IncrementalBuild? { server.model.value }
    private var siteURL: String { server.basePath }

    private func list(_ request: Request) -> Response {
        let query = Self.formValue("q", in: request) ?? ""
        let requested = Int(Self.formValue("trang", in: request) ?? "") ?? 1
        guard let site = model?.site else { return html(.serviceUnavailable, EditorHTML.message(title: "Chưa xây dựng được trang", text: "Sửa các lỗi trong cửa sổ dòng lệnh rồi tải lại trang này.", siteURL: siteURL)) }
        let folded = Folding.fold(query)
        let vocab = site.vocabularies
        // Which profiles match; only the page shown is made into rows.
        let texts = folded.isEmpty ? [] : search.texts(of: site, generation: server.model.generation)
        let matching = folded.isEmpty ? Array(site.profiles.indices) : texts.indices.filter { texts[$0].contains(folded) }
        // Clamped before any arithmetic: `?trang=` is whatever a link says.
        let page = min(max(1, requested), EditorPages.pageCount(matching.count))
        let start = min(matching.count, (page - 1) * EditorPages.pageSize)
        let rows = matching[start..<min(matching.count, start + EditorPages.pageSize)].map { i in
            let profile = site.profiles[i]
            return EditorPages.Row(slug: profile.slug, title: profile.title, kind: profile.kind.label,
                                   place: vocab.districts.entries[profile.district].name)
        }
        let notice = Self.formValue("da-xoa", in: request).map { "Đã chuyển “\(EditorHTML.h($0))” vào thùng rác. <a href=\"/_bien-tap/thung-rac/\">Khôi phục</a>" }
        let body = EditorPages.list(rows: rows[...], found: matching.count, query: query, page: page, notice: notice)
        return html(.ok, EditorHTML.page(title: "Danh sách hồ sơ", main: body, siteURL: siteURL))
    }

    /// The site-relative path of profile `slug` (looked up, never taken from the request).
    private func path(of slug: String) -> String? {
        model?.site.profiles.first { $0.slug == slug }?.path
    }

    private func editor() -> ProfileEditor? {
        model.map { ProfileEditor(site: $0.site, themeDirectory: Theme.defaultDirectory, latestYear: server.options.latestYear) }
    }

    private func formPage(_ page: ProfileFormPage, status: HTTPResponse.Status = .ok) -> Response {
        html(status, EditorHTML.page(title: page.heading, main: page.html, siteURL: siteURL))
    }

    private func page(for slug: String?, fields: ProfileFields, version: String?) -> ProfileFormPage? {
        guard let model else { return nil }
        let title = fields.title.isEmpty ? "Hồ sơ mới" : fields.title
        return ProfileFormPage(
            action: slug.map { "/_bien-tap/ho-so/\($0)/" } ?? "/_bien-tap/moi/", heading: slug == nil ? "Thêm hồ sơ" : "Sửa hồ sơ: \(title)",
            fields: fields, version: version, pageURL: slug.map(model.pageURL(ofProfile:)),
            deleteURL: slug.map { "/_bien-tap/ho-so/\($0)/xoa/" }, vocabularies: model.site.vocabularies, token: rules.token)
    }

    private func newForm(_ request: Request) -> Response {
        var fields = ProfileFields()
        fields.kind = SubjectKind(text: Self.formValue("loai", in: request) ?? "")?.rawValue ?? SubjectKind.individual.rawValue
        guard let page = page(for: nil, fields: fields, version: nil) else { return notBuilt() }
        return formPage(page)
    }

    private func form(_ request: Request, slug: String) -> Response {
        guard let path = path(of: slug), let editor = editor() else { return notFound() }
        switch editor.open(path) {
        case .success(let opened):
            served.remember(opened)
            guard var page = page(for: slug, fields: opened.fields, version: opened.version) else { return notBuilt() }
            if Self.formValue("da-luu", in: request) != nil { page.notice = "Đã lưu. Trang của hồ sơ đã được cập nhật." }
            return formPage(page)
        case .failure(let refusal):
            return html(.unprocessableContent, EditorHTML.message(title: "Không mở được hồ sơ", text: Self.text(of: refusal), siteURL: siteURL))
        }
    }

    private func confirmDelete(slug: String) -> Response {
        guard let path = path(of: slug), let opened = try? editor()?.open(path).get() else { return notFound() }
        let body = EditorPages.confirmDelete(slug: slug, title: opened.fields.title, path: path, version: opened.version, token: rules.token)
        return html(.ok, EditorHTML.page(title: "Xóa hồ sơ", main: body, siteURL: siteURL))
    }

    private func trash(_ request: Request) -> Response {
        let notice = Self.formValue("da-khoi-phuc", in: request).map { "Đã khôi phục <code>\(EditorHTML.h($0))</code>." }
        return html(.ok, EditorHTML.page(title: "Thùng rác", main: EditorPages.trash(ProfileTrash(paths: paths).items, token: rules.token, notice: notice),
                                         siteURL: siteURL))
    }

    // MARK: Writes

    /// A request that writes: its form, or the answer refusing it.
    enum Posted {
        case form(FormData)
        case refused(Response)
    }

    /// The form of a request that writes, after the guard's checks; or the refusal.
    private func writeForm(_ request: Request) async throws -> Posted {
        if let (status, text) = rules.originRefusal(authority: request.head.authority, origin: request.headers[.origin]) {
            return .refused(refuse(status, text))
        }
        if let length = request.headers[.contentLength].flatMap(Int.init), length > Self.maximumBody {
            return .refused(refuse(.contentTooLarge, "Dữ liệu gửi lên quá lớn (ảnh phải dưới \(PhotoUpload.maximumBytes / 1024 / 1024) MB)."))
        }
        guard let boundary = FormData.boundary(request.headers[.contentType]) else {
            return .refused(refuse(.unsupportedMediaType, "Biểu mẫu phải gửi dạng multipart/form-data."))
        }
        let body: ByteBuffer
        do { body = try await request.body.collect(upTo: Self.maximumBody) } catch {
            return .refused(refuse(.contentTooLarge, "Dữ liệu gửi lên quá lớn (ảnh phải dưới \(PhotoUpload.maximumBytes / 1024 / 1024) MB)."))
        }
        guard let form = FormData.parse(body, boundary: boundary, required: "ket-thuc") else {
            return .refused(refuse(.badRequest, "Biểu mẫu gửi lên không đủ; tải lại trang rồi làm lại."))
        }
        if let (status, text) = rules.tokenRefusal(form["token"]) {
            return .refused(refuse(status, text))
        }
        return .form(form)
    }

    /// The fields of a profile form.
    static func fields(of form: FormData) -> ProfileFields {
        var fields = ProfileFields()
        fields.title = form["title"]
        fields.kind = form["kind"]
        fields.district = form["district"]
        fields.commune = form["commune"]
        fields.unit = form["unit"]
        fields.position = form["position"]
        fields.ethnicity = form["ethnicity"]
        fields.movements = form.all("movement")
        let types = form.all("award-type"), years = form.all("award-year"), dates = form.all("award-date"), decisions = form.all("award-decision")
        fields.awards = types.indices.map { i in
            ProfileFields.AwardRow(type: types[i], year: i < years.count ? years[i] : "", date: i < dates.count ? dates[i] : "",
                                   decision: i < decisions.count ? decisions[i] : "")
        }
        fields.photo = form["photo"]
        fields.summary = form["summary"]
        fields.date = form["date"]
        fields.body = form["body"]
        return fields.cleaned
    }

    /// The uploaded photo stored, its path set in `fields`; or its problem. libvips runs on
    /// a thread of its own: a large photo takes seconds, which the server's threads must not wait.
    private func storePhoto(_ form: FormData, slug: String, into fields: inout ProfileFields) async -> FieldProblem? {
        guard let file = form.file("photo-file") else { return nil }
        let upload = PhotoUpload(paths: paths)
        let stored = await PreviewServer.offServerThreads { upload.store(file.bytes, slug: slug) }
        switch stored {
        case .success(let path):
            server.ownWrites.note(paths.content + "/" + path)
            fields.photo = path
            return nil
        case .failure(let problem): return problem
        }
    }

    private func save(_ request: Request, slug: String) async throws -> Response {
        let form: FormData
        switch try await writeForm(request) {
        case .form(let parsed): form = parsed
        case .refused(let response): return response
        }
        guard let path = path(of: slug), let editor = editor() else { return notFound() }
        var fields = Self.fields(of: form)
        let version = form["version"]
        guard var page = page(for: slug, fields: fields, version: version) else { return notBuilt() }
        if form["action"] == "preview" {
            page.preview = render(fields.body)
            return formPage(page)
        }
        let before = fields.photo
        if let problem = await storePhoto(form, slug: slug, into: &fields) {
            page.problems = [problem]
            return formPage(page, status: .unprocessableContent)
        }
        page.fields = fields
        let absolute = paths.root + "/" + path
        let result = editor.save(path, base: version, fields: fields)
        if case .failure = result, fields.photo != before { discard(photo: fields.photo) }
        switch result {
        case .success(let saved):
            if saved.written {
                server.ownWrites.note(absolute)
                await server.rebuildNow([absolute])
            }
            return Self.redirect("/_bien-tap/ho-so/\(slug)/?da-luu=1")
        case .failure(.problems(let problems)):
            page.problems = problems
            return formPage(page, status: .unprocessableContent)
        case .failure(.conflict(let disk)):
            page.onDisk = disk?.fields
            page.version = disk?.version ?? version
            page.notice = "Chưa lưu: hồ sơ đã bị sửa ở nơi khác."
            // The form now holds the file as saved meanwhile with this editor's own
            // changes on it: saving again does not undo the other save.
            if let disk, let base = served.fields(of: version) {
                let (merged, both) = fields.changes(from: base, onto: disk.fields)
                page.fields = merged
                served.remember(disk)
                page.notice = "Chưa lưu: hồ sơ đã bị sửa ở nơi khác. Biểu mẫu dưới đây là bản đang lưu cộng với những trường bạn đã sửa"
                    + (both.isEmpty ? "." : "; cả hai bên cùng sửa: " + both.map { EditorHTML.h(ProfileFormPage.label(of: $0)) }.joined(separator: ", ") + ".")
                    + " Kiểm tra rồi bấm “Lưu hồ sơ”."
            }
            return formPage(page, status: .conflict)
        }
    }

    private func create(_ request: Request) async throws -> Response {
        let form: FormData
        switch try await writeForm(request) {
        case .form(let parsed): form = parsed
        case .refused(let response): return response
        }
        guard let editor = editor() else { return notBuilt() }
        var fields = Self.fields(of: form)
        guard var page = page(for: nil, fields: fields, version: nil) else { return notBuilt() }
        if form["action"] == "preview" {
            page.preview = render(fields.body)
            return formPage(page)
        }
        let before = fields.photo
        if form.file("photo-file") != nil {
            let slug = Slug.make(fields.title)
            if let problem = await storePhoto(form, slug: slug.isEmpty ? "anh" : slug, into: &fields) {
                page.problems = [problem]
                return formPage(page, status: .unprocessableContent)
            }
            page.fields = fields
        }
        let result = editor.create(fields)
        if case .failure = result, fields.photo != before { discard(photo: fields.photo) }
        switch result {
        case .success(let saved):
            let absolute = paths.root + "/" + saved.path
            server.ownWrites.note(absolute)
            await server.rebuildNow([absolute])
            let slug = model?.site.profiles.first { $0.path == saved.path }?.slug ?? (saved.path as NSString).lastPathComponent.replacingOccurrences(of: ".md", with: "")
            return Self.redirect("/_bien-tap/ho-so/\(slug)/?da-luu=1")
        case .failure(.problems(let problems)):
            page.problems = problems
            return formPage(page, status: .unprocessableContent)
        case .failure(.conflict):
            page.problems = [FieldProblem(field: "file", message: "tệp đã có, không ghi đè")]
            return formPage(page, status: .conflict)
        }
    }

    /// Removes a photo stored for a save that was then refused, so none is left behind.
    private func discard(photo: String) {
        let path = paths.content + "/" + photo
        unlink(path)
        server.ownWrites.note(path)
    }

    private func delete(_ request: Request, slug: String) async throws -> Response {
        let form: FormData
        switch try await writeForm(request) {
        case .form(let parsed): form = parsed
        case .refused(let response): return response
        }
        guard let path = path(of: slug) else { return notFound() }
        let absolute = paths.root + "/" + path
        switch ProfileTrash(paths: paths).delete(path, version: form["version"]) {
        case .success:
            server.ownWrites.note(absolute)
            await server.rebuildNow([absolute])
            return Self.redirect("/_bien-tap/?da-xoa=" + (EditorHTML.queryValue(path)))
        case .failure(let refusal):
            return html(.conflict, EditorHTML.message(title: "Chưa xóa", text: Self.text(of: refusal), siteURL: siteURL))
        }
    }

    private func restore(_ request: Request) async throws -> Response {
        let form: FormData
        switch try await writeForm(request) {
        case .form(let parsed): form = parsed
        case .refused(let response): return response
        }
        switch ProfileTrash(paths: paths).restore(form["id"]) {
        case .success(let path):
            let absolute = paths.root + "/" + path
            server.ownWrites.note(absolute)
            await server.rebuildNow([absolute])
            return Self.redirect("/_bien-tap/thung-rac/?da-khoi-phuc=" + (EditorHTML.queryValue(path)))
        case .failure(let refusal):
            return html(.conflict, EditorHTML.message(title: "Chưa khôi phục", text: Self.text(of: refusal), siteURL: siteURL))
        }
    }

    private func preview(_ request: Request) async throws -> Response {
        switch try await writeForm(request) {
        case .form(let form): return Self.asset(render(form["body"].replacingOccurrences(of: "\r\n", with: "\n")), type: "text/html; charset=utf-8")
        case .refused(let response): return response
        }
    }

    /// A body rendered as the site renders it (cmark-gfm, the site's root path).
    private func render(_ markdown: String) -> String {
        MarkdownRenderer(rootPath: server.basePath).render(UnicodeText.nfc(markdown)).html
    }

    // MARK: Responses

    /// Headers of every editor answer: not cached, not framed, scripts and forms only
    /// from this server.
    static let headers: HTTPFields = {
        var fields: HTTPFields = [
            .cacheControl: "no-store",
            .contentSecurityPolicy: "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
            .xContentTypeOptions: "nosniff",
        ]
        // `same-origin`: with `no-referrer` browsers send `Origin: null` on the editor's own posts.
        if let name = HTTPField.Name("Referrer-Policy") { fields[name] = "same-origin" }
        return fields
    }()

    private func html(_ status: HTTPResponse.Status, _ text: String) -> Response {
        var headers = Self.headers
        headers[.contentType] = "text/html; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// A refusal as a short page.
    func refuse(_ status: HTTPResponse.Status, _ text: String) -> Response {
        html(status, EditorHTML.message(title: "Không thực hiện được", text: text, siteURL: siteURL))
    }

    private func notFound() -> Response {
        html(.notFound, EditorHTML.message(title: "Không tìm thấy hồ sơ", text: "Hồ sơ này không có (có thể đã bị xóa hoặc đổi địa chỉ).", siteURL: siteURL))
    }

    private func notBuilt() -> Response {
        html(.serviceUnavailable, EditorHTML.message(title: "Chưa xây dựng được trang", text: "Sửa các lỗi trong cửa sổ dòng lệnh rồi tải lại trang này.", siteURL: siteURL))
    }

    static func redirect(_ location: String) -> Response {
        var headers = Self.headers
        headers[.location] = location
        return Response(status: .seeOther, headers: headers)
    }

    static func asset(_ text: String, type: String) -> Response {
        var headers = Self.headers
        headers[.contentType] = type
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// Field `name` of the request's query as a browser's GET form sends it: `+` for a
    /// space, then percent-encoded (Hummingbird's own reading leaves the `+`).
    static func formValue(_ name: String, in request: Request) -> String? {
        for pair in (request.uri.query ?? "").split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.first.map(String.init) == name else { continue }
            let raw = parts.count > 1 ? String(parts[1]).replacingOccurrences(of: "+", with: " ") : ""
            return raw.removingPercentEncoding ?? raw
        }
        return nil
    }

    static func text(of refusal: ProfileEditor.Refusal) -> String {
        switch refusal {
        case .problems(let problems): problems.map { $0.message + ($0.suggestion.map { " — " + $0 } ?? "") }.joined(separator: "; ")
        case .conflict: "Tệp đã thay đổi ở nơi khác; tải lại trang rồi làm lại."
        }
    }
}

/// Sends every `/_bien-tap/` request, after the guard's checks, to the editor, so that
/// none reaches the site's middlewares (the site stays GET and HEAD only).
struct EditorMiddleware: RouterMiddleware {
    let editor: Editor
    let responder: RouterResponder<PreviewContext>
    /// `Host`, which HTTP types move into the request's authority: one left among the
    /// headers is a second `Host`.
    static let host = HTTPField.Name("Host")

    func handle(_ request: Request, context: PreviewContext, next: (Request, PreviewContext) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        guard path == "/_bien-tap" || path.hasPrefix("/_bien-tap/") else { return try await next(request, context) }
        let remote = context.remote?.ipAddress
        if let (status, text) = editor.rules.refusal(remoteIP: remote, authority: request.head.authority,
                                                     extraHost: Self.host.map { request.headers[$0] != nil } ?? false) {
            return editor.refuse(status, text)
        }
        // The link printed in the terminal: its key becomes the cookie.
        if let given = Editor.formValue("khoa", in: request) {
            guard editor.rules.isKey(given) else { return editor.refuse(.forbidden, "Đường dẫn biên tập không đúng hoặc đã cũ (máy chủ đã khởi động lại).") }
            var response = Editor.redirect("/_bien-tap/")
            response.headers[.setCookie] = editor.rules.setCookie
            return response
        }
        if let (status, text) = editor.rules.keyRefusal(cookies: request.headers[.cookie]) { return editor.refuse(status, text) }
        // The site as last built: an update takes it out of its box while it runs.
        if !path.hasPrefix("/_bien-tap/tai-nguyen/") { await editor.server.settled() }
        return try await responder.respond(to: request, context: context)
    }
}
