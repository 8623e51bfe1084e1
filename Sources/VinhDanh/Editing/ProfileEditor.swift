import VinhDanhContent
import VinhDanhSupport
import VinhDanhText
import VinhDanhVocabulary
#if canImport(Glibc)
import Glibc
#endif

/// The profile files as the browser editor reads and writes them. The files stay the
/// source of truth: a save rewrites only the fields that changed (``ProfileEdit``), is
/// checked by the build's own parser before anything is written, replaces the file in
/// one rename, and is refused when the file changed since the form was opened (its
/// version, a hash of its bytes, differs). A new profile is written as `new` writes it.
/// A deleted one goes to the trash (``ProfileTrash``).
public struct ProfileEditor: Sendable {
    /// What `new` writes with: the loaded site, the theme's archetypes, the latest year.
    public let creator: ProfileCreator

    /// Creates an editor of `site`'s profiles.
    public init(site: Site, themeDirectory: String?, latestYear: Int) {
        creator = ProfileCreator(site: site, themeDirectory: themeDirectory, latestYear: latestYear)
    }

    private var site: Site { creator.site }
    private var latestYear: Int { creator.latestYear }

    /// A profile file as read: its fields and the version of the bytes they came from.
    public struct Opened: Sendable, Equatable {
        /// Site-relative path.
        public let path: String
        /// Hash of the file's bytes (what a save must still find on disk).
        public let version: String
        /// Its fields, as the form shows them.
        public let fields: ProfileFields
    }

    /// What a save or a creation did.
    public struct Saved: Sendable, Equatable {
        /// Site-relative path of the file.
        public let path: String
        /// The file's new version (the old one when nothing changed).
        public let version: String
        /// Whether the file was written.
        public let written: Bool
        /// What was taken for values typed as the start of a name, and the build's
        /// warnings: shown beside their fields, they do not stop the save.
        public let notes: [FieldProblem]
    }

    /// Why nothing was written.
    public enum Refusal: Error, Sendable, Equatable {
        /// Values that could not be read, or errors of the build in the file they would
        /// make: by field.
        case problems([FieldProblem])
        /// The file changed since the form was opened (another tab, a text editor): what
        /// is on disk now, to show beside what the editor typed.
        case conflict(Opened?)
    }

    private var input: FieldInput { FieldInput(vocabularies: site.vocabularies, latestYear: latestYear) }

    /// Reads the profile at site-relative `path`.
    public func open(_ path: String) -> Result<Opened, Refusal> {
        let bytes: [UInt8]
        do { bytes = try FileIO.read(site.paths.root + "/" + path) } catch {
            return .failure(.problems([FieldProblem(field: "file", message: error.description)]))
        }
        return opened(path, bytes)
    }

    private func opened(_ path: String, _ bytes: [UInt8]) -> Result<Opened, Refusal> {
        switch FrontMatterLayout.read(bytes) {
        case .failure(.notAProfile(let why)):
            return .failure(.problems([FieldProblem(field: "file", message: why, suggestion: "sửa tệp \(path) bằng trình soạn thảo văn bản")]))
        case .success(let layout):
            let body = String(decoding: layout.bodyBytes, as: UTF8.self)
            return .success(Opened(path: path, version: ContentHash(bytes).hex, fields: ProfileFields(layout.root, body: body).cleaned))
        }
    }

    /// Saves `fields` into the profile at `path`, opened at version `base`.
    public func save(_ path: String, base: String, fields: ProfileFields) -> Result<Saved, Refusal> {
        let absolute = site.paths.root + "/" + path
        guard let bytes = try? FileIO.read(absolute) else { return .failure(.conflict(nil)) }
        guard ContentHash(bytes).hex == base else { return .failure(.conflict(try? opened(path, bytes).get())) }
        let layout: FrontMatterLayout
        switch FrontMatterLayout.read(bytes) {
        case .success(let read): layout = read
        case .failure(.notAProfile(let why)): return .failure(.problems([FieldProblem(field: "file", message: why)]))
        }
        let edit: ProfileEdit.Result
        switch ProfileEdit(layout: layout, input: input).apply(fields.cleaned) {
        case .success(let made): edit = made
        case .failure(let refusal): return .failure(refusal)
        }
        guard edit.changed else { return .success(Saved(path: path, version: base, written: false, notes: edit.notes)) }
        let checked = check(edit.bytes, path: path)
        if checked.contains(where: \.isError) { return .failure(.problems(checked)) }
        // The file may have changed while this one was made: look once more, just before.
        guard let now = try? FileIO.read(absolute), ContentHash(now).hex == base else {
            return .failure(.conflict(try? open(path).get()))
        }
        do { try SafeFile.replace(absolute, edit.bytes) } catch {
            return .failure(.problems([FieldProblem(field: "file", message: error.description)]))
        }
        return .success(Saved(path: path, version: ContentHash(edit.bytes).hex, written: true, notes: edit.notes + checked))
    }

    /// Writes a new profile from `fields`, as `new` would (the archetype of its kind,
    /// under its place's folder, at a slug made from its title or `slug`), with the
    /// fields `new` does not ask for (photo, date, a decision's date, the body) set too.
    public func create(_ fields: ProfileFields, slug requested: String? = nil) -> Result<Saved, Refusal> {
        let fields = fields.cleaned
        let input = self.input
        var problems: [FieldProblem] = []
        func take<T>(_ result: Result<T, InputProblem>, _ field: String) -> T? {
            switch result {
            case .success(let value): return value
            case .failure(let problem): problems.append(FieldProblem(field: field, problem)); return nil
            }
        }
        if fields.title.isEmpty { problems.append(FieldProblem(field: "title", message: "thiếu tên hồ sơ")) }
        let kind = take(input.kind(fields.kind, field: "kind"), "kind")
        // The place's problem names its own field (district or commune).
        let placed = input.place(district: fields.district.isEmpty ? nil : fields.district,
                                 commune: fields.commune.isEmpty ? nil : fields.commune,
                                 districtField: "district", communeField: "commune")
        if case .failure(let problem) = placed { problems.append(FieldProblem(field: problem.field, problem)) }
        let place = try? placed.get()
        let movements = fields.movements.compactMap { take(input.entry($0, in: .movements, field: "movements"), "movements") }
        // Rows with a year are written by the archetype, as `new` writes them; the rest
        // (a decision's date, a row with no year) by the edit below.
        let awards = fields.awards.compactMap { row -> ProfileDraft.Award? in
            guard row.date.isEmpty, case .success(let type) = input.entry(row.type, in: .awards, field: "awards"),
                  case .success(let year) = input.year(row.year, field: "awards") else { return nil }
            return ProfileDraft.Award(type: type, year: year, decision: row.decision.isEmpty ? nil : row.decision)
        }
        guard problems.isEmpty, let kind, let place else { return .failure(.problems(problems)) }
        var draft = ProfileDraft(title: fields.title, kind: kind, district: place.place, movements: movements,
                                 awards: awards.count == fields.awards.count ? awards : [],
                                 unit: fields.unit.isEmpty ? nil : fields.unit, position: fields.position.isEmpty ? nil : fields.position,
                                 ethnicity: fields.ethnicity.isEmpty ? nil : fields.ethnicity, summary: fields.summary.isEmpty ? nil : fields.summary)
        draft.file(under: place)
        let slugs = creator.slugs
        let slug = requested ?? (slugs.isTaken(Slug.make(draft.title)) ? slugs.propose(title: draft.title, districtKey: draft.district.key) : Slug.make(draft.title))
        guard Slug.isValid(slug), !slugs.isTaken(slug) else {
            return .failure(.problems([FieldProblem(field: "title", message: "địa chỉ /ho-so/\(slug)/ không dùng được",
                                                    suggestion: "đổi tên hoặc thêm chi tiết để phân biệt")]))
        }
        let path = draft.path(slug: slug)
        let archetype: Archetype
        switch Archetype.load(kind: kind, paths: site.paths, themeDirectory: creator.themeDirectory) {
        case .success(let loaded): archetype = loaded
        case .failure(let problem): return .failure(.problems([FieldProblem(field: "file", problem)]))
        }
        let rendered = Array(archetype.render(draft).utf8)
        guard case .success(let layout) = FrontMatterLayout.read(rendered) else {
            return .failure(.problems([FieldProblem(field: "file", message: "mẫu hồ sơ \(archetype.source) không có phần khai báo đầu tệp")]))
        }
        // What the archetype wrote as `new` writes it (the place, kind and movements
        // resolved) stays; the rest of the form goes in. The archetype's own body stays
        // unless the form has one.
        var wanted = fields
        wanted.kind = kind.rawValue
        wanted.district = draft.isCommuneOfToday ? "" : draft.district.key
        wanted.commune = draft.commune ?? ""
        wanted.movements = movements.map(\.key)
        if wanted.body.isEmpty { wanted.body = String(decoding: layout.bodyBytes, as: UTF8.self) }
        let edit: ProfileEdit.Result
        switch ProfileEdit(layout: layout, input: input).apply(wanted) {
        case .success(let made): edit = made
        case .failure(let refusal): return .failure(refusal)
        }
        let checked = check(edit.bytes, path: path)
        if checked.contains(where: \.isError) { return .failure(.problems(checked)) }
        do { try SafeFile.createNew(site.paths.root + "/" + path, String(decoding: edit.bytes, as: UTF8.self)) } catch {
            return .failure(.problems([FieldProblem(field: "file", message: error.description)]))
        }
        return .success(Saved(path: path, version: ContentHash(edit.bytes).hex, written: true, notes: edit.notes + checked))
    }

    /// The build's diagnostics of `bytes` as the file at `path`, by the field of the line
    /// each points at.
    func check(_ bytes: [UInt8], path: String) -> [FieldProblem] {
        guard case .text(let text) = UnicodeText.decode(bytes) else {
            return [FieldProblem(field: "file", message: "nội dung không phải UTF-8")]
        }
        let parser = ProfileParser(vocabularies: site.vocabularies, latestYear: latestYear, checkPhoto: PhotoCheck(paths: site.paths).check)
        let layout = try? FrontMatterLayout.read(bytes).get()
        return parser.parse(text, path: path).diagnostics.map { diagnostic in
            // File line n is layout line n - 1.
            let line = diagnostic.line - 1
            let field = layout.flatMap { layout in
                line > layout.closing ? "body" : layout.keys.first { $0.lines.contains(line) }?.name
            } ?? "file"
            return FieldProblem(field: field, message: diagnostic.message, suggestion: diagnostic.suggestion,
                                isError: diagnostic.severity == .error)
        }
    }
}
