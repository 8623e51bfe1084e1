/// `vinhdanh import`: turns the list of an award decision into new profiles and awards
/// added to existing ones. Every row is checked first; one bad row and nothing is written.
public struct DecisionImporter: Sendable {
    public let site: Site
    public let themeDirectory: String?
    public let latestYear: Int
    /// `--decision`: used where a row has no decision number.
    public var defaultDecision: String?
    /// `--year`: used where a row has no year.
    public var defaultYear: Int?

    /// Creates an importer for a loaded site.
    public init(site: Site, themeDirectory: String?, latestYear: Int, defaultDecision: String? = nil, defaultYear: Int? = nil) {
        self.site = site
        self.themeDirectory = themeDirectory
        self.latestYear = latestYear
        self.defaultDecision = defaultDecision
        self.defaultYear = defaultYear
    }

    /// Identity used to find a row's existing profile: folded name and district.
    private struct Identity: Hashable {
        var title: String
        var district: String
    }

    /// A profile a row may add to: an existing file or one this import creates.
    private struct Target {
        var path: String
        var slug: String
        var unit: String?
        var awards: [ProfileDraft.Award]
        var newIndex: Int?
    }

    /// Works out everything the import would do.
    public func plan(_ table: DecisionTable) -> ImportPlan {
        var plan = ImportPlan()
        plan.unknownColumns = table.unknownHeaders
        let input = FieldInput(vocabularies: site.vocabularies, latestYear: latestYear)
        let creator = ProfileCreator(site: site, themeDirectory: themeDirectory, latestYear: latestYear)
        var slugs = creator.slugs
        var targets: [Identity: [Target]] = [:]
        var bySlug: [String: Identity] = [:]
        for profile in site.profiles {
            let identity = Identity(title: Folding.fold(profile.title), district: site.vocabularies.districts.entries[profile.district].key)
            let awards = profile.awards.map {
                ProfileDraft.Award(type: site.vocabularies.awards.entries[$0.type], year: $0.year, decision: $0.decision)
            }
            targets[identity, default: []].append(Target(path: profile.path, slug: profile.slug, unit: profile.unit, awards: awards))
            bySlug[profile.slug] = identity
        }
        var drafts: [(draft: ProfileDraft, slug: String)] = []
        var appended: [String: [ProfileDraft.Award]] = [:]   // path → awards to add, in row order

        for row in table.rows {
            func reject(_ reason: String) { plan.rejected.append(.init(row: row.number, reason: reason)) }
            func problem(_ p: InputProblem) -> String { p.message + (p.suggestion.map { " — \($0)" } ?? "") }
            guard let title = row.values[.title] else { reject("thiếu tên (cột Họ và tên / Tên tập thể)"); continue }
            var errors: [String] = []
            var kind = row.impliedKind
            if let written = row.values[.kind] {
                switch input.kind(written, field: "Loại") {
                case .success(let parsed): kind = parsed
                case .failure(let p): errors.append(problem(p))
                }
            } else if kind == nil {
                errors.append("thiếu loại đối tượng (cột Loại: cá nhân, tập thể hoặc hộ gia đình)")
            }
            /// The vocabulary entry named in a required column, or `nil` with the reason noted.
            func requiredEntry(_ column: DecisionColumn, in kind: Vocabulary.Kind, field: String, missing: String) -> VocabularyEntry? {
                guard let written = row.values[column] else {
                    errors.append(missing)
                    return nil
                }
                switch input.entry(written, in: kind, field: field) {
                case .success(let entry): return entry
                case .failure(let p): errors.append(problem(p)); return nil
                }
            }
            let district = requiredEntry(.district, in: .districts, field: "Huyện", missing: "thiếu huyện (cột Huyện)")
            let type = requiredEntry(.award, in: .awards, field: "Hình thức khen thưởng", missing: "thiếu hình thức khen thưởng")
            var year = defaultYear
            if let written = row.values[.year] {
                switch input.year(written, field: "Năm") {
                case .success(let parsed): year = parsed
                case .failure(let p): errors.append(problem(p)); year = nil
                }
            } else if year == nil { errors.append("thiếu năm khen thưởng (cột Năm, hoặc --year)") }
            var movements: [VocabularyEntry] = []
            for written in (row.values[.movement] ?? "").split(whereSeparator: { $0 == ";" || $0 == "\n" }) {
                let name = String(written).trimmedWhitespace
                guard !name.isEmpty else { continue }
                switch input.entry(name, in: .movements, field: "Phong trào") {
                case .success(let entry): if !movements.contains(entry) { movements.append(entry) }
                case .failure(let p): errors.append(problem(p))
                }
            }
            guard errors.isEmpty, let kind, let district, let type, let year else {
                reject(errors.joined(separator: "; "))
                continue
            }
            let award = ProfileDraft.Award(type: type, year: year, decision: row.values[.decision] ?? defaultDecision)
            let unit = row.values[.unit]

            // Which profile does this row belong to?
            var identity = Identity(title: Folding.fold(title), district: district.key)
            var candidates = targets[identity] ?? []
            if let slug = row.values[.slug] {
                guard let named = bySlug[slug] else {
                    if !Slug.isValid(slug) { reject("slug “\(slug)” không hợp lệ"); continue }
                    if slugs.isTaken(slug) { reject("slug “\(slug)” đã dùng cho hồ sơ khác"); continue }
                    candidates = []
                    identity = Identity(title: Folding.fold(title), district: district.key)
                    let draft = ProfileDraft(title: title, kind: kind, district: district, movements: movements, awards: [award],
                                             commune: row.values[.commune], unit: unit, position: row.values[.position],
                                     ethnicity: row.values[.ethnicity], summary: row.values[.summary])
                    slugs.take(slug)
                    drafts.append((draft, slug))
                    targets[identity, default: []].append(Target(path: draft.path(slug: slug), slug: slug, unit: unit, awards: [award], newIndex: drafts.count - 1))
                    plan.newProfiles.append(.init(row: row.number, path: draft.path(slug: slug), title: title, text: ""))
                    continue
                }
                candidates = (targets[named] ?? []).filter { $0.slug == slug }
                identity = named
            } else if let unit {
                let folded = Folding.fold(unit)
                candidates = candidates.filter { $0.unit == nil || Folding.fold($0.unit ?? "") == folded }
            }
            if candidates.count > 1 {
                reject("“\(title)” khớp \(candidates.count) hồ sơ (\(candidates.map(\.path).joined(separator: ", "))) — thêm cột slug để chỉ rõ hồ sơ")
                continue
            }
            if let target = candidates.first {
                if target.awards.contains(award) { plan.alreadyPresent.append(row.number); continue }
                if let i = targets[identity]?.firstIndex(where: { $0.path == target.path }) { targets[identity]?[i].awards.append(award) }
                if let newIndex = target.newIndex {
                    drafts[newIndex].draft.awards.append(award)
                } else {
                    appended[target.path, default: []].append(award)
                    plan.addedAwards.append(.init(row: row.number, path: target.path, award: award))
                }
                continue
            }
            let draft = ProfileDraft(title: title, kind: kind, district: district, movements: movements, awards: [award],
                                     commune: row.values[.commune], unit: unit, position: row.values[.position],
                                     ethnicity: row.values[.ethnicity], summary: row.values[.summary])
            var slug = slugs.propose(title: title, districtKey: district.key)
            while FileIO.exists(site.paths.root + "/" + draft.path(slug: slug)) {
                slugs.take(slug)
                slug = slugs.propose(title: title, districtKey: district.key)
            }
            slugs.take(slug)
            drafts.append((draft, slug))
            targets[identity, default: []].append(Target(path: draft.path(slug: slug), slug: slug, unit: unit, awards: [award], newIndex: drafts.count - 1))
            plan.newProfiles.append(.init(row: row.number, path: draft.path(slug: slug), title: title, text: ""))
        }

        // Texts of new profiles (with every award their rows gave), checked by the build's parser.
        for (i, entry) in drafts.enumerated() {
            switch creator.text(for: entry.draft, slug: entry.slug) {
            case .success(let text): plan.newProfiles[i].text = text
            case .failure(let p): plan.rejected.append(.init(row: plan.newProfiles[i].row, reason: p.description))
            }
        }
        // Edited texts of existing files.
        for (path, awards) in appended.sorted(by: { $0.key < $1.key }) {
            switch edit(path: path, adding: awards) {
            case .success(let bytes): plan.edits[path] = bytes
            case .failure(let p):
                let rows = plan.addedAwards.filter { $0.path == path }.map(\.row)
                for row in rows { plan.rejected.append(.init(row: row, reason: p.description)) }
            }
        }
        plan.rejected.sort { $0.row < $1.row }
        return plan
    }

    /// The new bytes of an existing profile with `awards` added, keeping its BOM and line ends.
    private func edit(path: String, adding awards: [ProfileDraft.Award]) -> Result<[UInt8], InputProblem> {
        let bytes: [UInt8]
        do { bytes = try FileIO.read(site.paths.root + "/" + path) } catch {
            return .failure(InputProblem(field: path, message: error.description))
        }
        guard case .text(var text) = UnicodeText.decode(bytes) else {
            return .failure(InputProblem(field: path, message: "tệp không phải UTF-8"))
        }
        let parser = ProfileParser(vocabularies: site.vocabularies, latestYear: latestYear, checkPhoto: PhotoCheck(paths: site.paths).check)
        let before = parser.parse(text, path: path).profile
        for award in awards {
            switch AwardAppender.append(award, to: text, path: path) {
            case .success(let edited): text = edited
            case .failure(let p): return .failure(p)
            }
        }
        let after = parser.parse(text, path: path).profile
        guard let before, let after, after.awards.count == before.awards.count + awards.count,
              after.title == before.title, after.body == before.body, after.movements == before.movements else {
            return .failure(InputProblem(field: path, message: "không thêm được khen thưởng mà giữ nguyên nội dung hồ sơ",
                                         suggestion: "thêm khen thưởng bằng tay vào tệp này"))
        }
        let crlf = bytes.contains(0x0D)
        var output = Array((crlf ? text.replacingOccurrences(of: "\n", with: "\r\n") : text).utf8)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { output.insert(contentsOf: [0xEF, 0xBB, 0xBF], at: 0) }
        return .success(output)
    }

    /// Writes a valid plan: new files first, then edits. On a failure, files created are
    /// removed and edited ones restored, so the site is as before.
    public func apply(_ plan: ImportPlan) throws(FileError) {
        var created: [String] = []
        var originals: [String: [UInt8]] = [:]
        do {
            for profile in plan.newProfiles {
                let path = site.paths.root + "/" + profile.path
                try SafeFile.createNew(path, profile.text)
                created.append(path)
            }
            for (path, bytes) in plan.edits.sorted(by: { $0.key < $1.key }) {
                let full = site.paths.root + "/" + path
                originals[full] = try FileIO.read(full)
                try SafeFile.replace(full, String(decoding: bytes, as: UTF8.self))
            }
        } catch {
            for path in created { _ = try? FileIO.remove(path) }
            for (path, bytes) in originals { try? SafeFile.replace(path, String(decoding: bytes, as: UTF8.self)) }
            throw error
        }
    }
}
