import VinhDanhContent
import VinhDanhSupport
import VinhDanhText

#if canImport(Glibc)
import Glibc
#endif

/// `vinhdanh new`: writes one new profile file from the archetype of its kind.
public struct ProfileCreator: Sendable {
    /// The loaded site (its vocabularies and the slugs in use).
    public let site: Site
    /// The default theme's folder, for archetypes the site does not override.
    public let themeDirectory: String?
    /// Latest award year accepted.
    public let latestYear: Int

    /// Creates a creator for a loaded site.
    public init(site: Site, themeDirectory: String?, latestYear: Int) {
        self.site = site
        self.themeDirectory = themeDirectory
        self.latestYear = latestYear
    }

    /// The slugs in use.
    public var slugs: SlugAllocator { SlugAllocator(taken: Set(site.profiles.map(\.slug))) }

    /// The text `draft` would be written as, checked by the same parser as the build.
    public func text(for draft: ProfileDraft, slug: String) -> Result<String, InputProblem> {
        let archetype: Archetype
        switch Archetype.load(kind: draft.kind, paths: site.paths, themeDirectory: themeDirectory) {
        case .success(let loaded): archetype = loaded
        case .failure(let problem): return .failure(problem)
        }
        let text = archetype.render(draft)
        let parser = ProfileParser(vocabularies: site.vocabularies, latestYear: latestYear, checkPhoto: { _ in nil })
        let (_, diagnostics) = parser.parse(text, path: draft.path(slug: slug))
        // A place used outside its period is the editor's input, not the archetype's fault.
        if let problem = diagnostics.first(where: { $0.code == .placeOutOfPeriod }) {
            return .failure(InputProblem(field: "--district", message: problem.message, suggestion: problem.suggestion))
        }
        if let problem = diagnostics.first(where: { $0.severity == .error }) {
            return .failure(InputProblem(field: archetype.source, message: "mẫu hồ sơ tạo ra nội dung lỗi: \(problem.message)",
                                         suggestion: problem.suggestion))
        }
        return .success(text)
    }

    /// Writes the profile and returns its site-relative path. Refuses a slug in use and
    /// an existing file, proposing a free slug instead.
    public func create(_ draft: ProfileDraft, slug requested: String?) -> Result<String, InputProblem> {
        let slug = requested ?? Slug.make(draft.title)
        guard Slug.isValid(slug) else {
            return .failure(InputProblem(field: "--slug", message: "địa chỉ “\(slug)” không hợp lệ",
                                         suggestion: "chỉ dùng chữ thường không dấu, số và gạch ngang"))
        }
        if let other = site.profiles.first(where: { $0.slug == slug }) {
            let free = slugs.propose(title: draft.title, districtKey: draft.district.key)
            return .failure(InputProblem(field: requested == nil ? "--title" : "--slug",
                                         message: "địa chỉ /ho-so/\(slug)/ đã thuộc hồ sơ \(other.path)",
                                         suggestion: "nếu là người khác trùng tên, thêm --slug \(free)"))
        }
        let path = draft.path(slug: slug)
        let text: String
        switch self.text(for: draft, slug: slug) {
        case .success(let rendered): text = rendered
        case .failure(let problem): return .failure(problem)
        }
        do {
            try SafeFile.createNew(site.paths.root + "/" + path, text)
        } catch where error.code == EEXIST {
            return .failure(InputProblem(field: path, message: "tệp đã có, không ghi đè",
                                         suggestion: "chọn địa chỉ khác với --slug \(slugs.propose(title: draft.title, districtKey: draft.district.key))"))
        } catch {
            return .failure(InputProblem(field: path, message: error.description))
        }
        return .success(path)
    }
}
