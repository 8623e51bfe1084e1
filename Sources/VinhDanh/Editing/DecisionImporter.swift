import VinhDanhContent
import VinhDanhSupport
import VinhDanhText
import VinhDanhVocabulary

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

    /// Identity used to find a row's existing profile: folded name and place key. A
    /// profile is known under each place it has been in (``places(of:)``).
    private struct Identity: Hashable {
        var title: String
        var district: String
    }

    /// The keys of the places a profile counts as being in, for matching a row: its own,
    /// those of its awards, the commune of today its commune is part of, and, between a
    /// former unit and the communes formed from it, each side for the other.
    private func places(of profile: Profile) -> [String] {
        let today = site.vocabularies.today(of: profile)
        return keys(of: profile.places + (today.map { [site.vocabularies.entry(ofCommune: $0)] } ?? []), followingUnits: today == nil)
    }

    /// The keys a new profile made from a row counts as being in: where it is filed, the
    /// unit the row named, and, for a commune of today, the units it was formed from.
    private func places(ofNew placed: (place: VocabularyEntry, commune: String?, isCommuneOfToday: Bool), named: VocabularyEntry) -> [String] {
        keys(of: [placed.place.key, named.key].compactMap(site.vocabularies.districts.index(forKey:)), followingUnits: false)
    }

    /// The keys of `places` (entries of the places vocabulary), each once, with those of
    /// the units each commune of today among them was formed from, and, when
    /// `followingUnits`, of the communes of today formed from each former unit among them.
    private func keys(of places: [Int], followingUnits: Bool) -> [String] {
        let vocab = site.vocabularies, entries = vocab.districts.entries
        var found = places
        for place in places {
            if let commune = vocab.commune(ofEntry: place) {
                found += vocab.places.communes[commune].formedFrom.map(\.district)
            } else if followingUnits {
                found += vocab.successors(ofEntry: place).filter { vocab.commune(ofEntry: $0) != nil }
            }
        }
        var seen = Set<Int>()
        return found.filter { entries.indices.contains($0) && seen.insert($0).inserted }.map { entries[$0].key }
    }

    /// The day a row's award is placed by: its decision's date, else 1 January of `year`.
    private static func day(year: Int, decision: String?) -> CalendarDate {
        ProfileParser.decisionDate(decision, of: year) ?? CalendarDate(validYear: year, month: 1, day: 1)
    }

    /// Whether an award of `year` by `decision` falls within the period of `unit`.
    private static func within(_ unit: VocabularyEntry, year: Int, decision: String?) -> Bool {
        let day = day(year: year, decision: decision)
        return unit.until.map { day <= $0 } ?? true && unit.from.map { day >= $0 } ?? true
    }

    /// Where a row's award is filed: the place it names, or, for a former unit named on
    /// an award made after that unit ended, the commune of today its commune became.
    private func place(_ named: (place: VocabularyEntry, commune: String?, isCommuneOfToday: Bool), year: Int, decision: String?)
        -> (place: VocabularyEntry, commune: String?, isCommuneOfToday: Bool) {
        let vocab = site.vocabularies
        guard !named.isCommuneOfToday, let until = named.place.until, let since = vocab.places.since,
              let district = vocab.districts.index(forKey: named.place.key) else { return named }
        let day = Self.day(year: year, decision: decision)
        guard day > until, day >= since, let commune = named.commune,
              case .commune(let today, _) = vocab.places.resolve(commune, district: district, on: day) else { return named }
        return (vocab.districts.entries[vocab.entry(ofCommune: today)], nil, true)
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
        var targets: [Target] = []
        var byIdentity: [Identity: [Int]] = [:]
        var bySlug: [String: Int] = [:]
        for profile in site.profiles {
            let awards = profile.awards.map {
                ProfileDraft.Award(type: site.vocabularies.awards.entries[$0.type], year: $0.year, decision: $0.decision)
            }
            bySlug[profile.slug] = targets.count
            for key in places(of: profile) { byIdentity[Identity(title: Folding.fold(profile.title), district: key), default: []].append(targets.count) }
            targets.append(Target(path: profile.path, slug: profile.slug, unit: profile.unit, awards: awards))
        }
        // Each new profile, with the place its first row named.
        var drafts: [(draft: ProfileDraft, slug: String, named: (place: VocabularyEntry, commune: String?, isCommuneOfToday: Bool))] = []
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
            var named: (place: VocabularyEntry, commune: String?, isCommuneOfToday: Bool)?
            switch input.place(district: row.values[.district], commune: row.values[.commune], districtField: "Huyện", communeField: "Xã/Phường") {
            case .success(let found): named = found
            case .failure(let p): errors.append(row.values[.district] == nil && row.values[.commune] == nil
                ? "thiếu địa bàn (cột Huyện, hoặc cột Xã/Phường với xã, phường hiện nay)" : problem(p))
            }
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
            guard errors.isEmpty, let kind, let named, let type, let year else {
                reject(errors.joined(separator: "; "))
                continue
            }
            let decision = row.values[.decision] ?? defaultDecision
            let award = ProfileDraft.Award(type: type, year: year, decision: decision)
            let unit = row.values[.unit]
            // Placed by its decision's date or year: a former unit named after it ended
            // means the commune of today its commune became.
            let placed = place(named, year: year, decision: decision)
            var draft = ProfileDraft(title: title, kind: kind, district: placed.place, movements: movements, awards: [award],
                                     unit: unit, position: row.values[.position], ethnicity: row.values[.ethnicity],
                                     summary: row.values[.summary])
            draft.file(under: placed)

            // Which profile does this row belong to? A former unit and the commune it
            // became count as the same place.
            let identity = Identity(title: Folding.fold(title), district: placed.place.key)
            var candidates = byIdentity[identity] ?? []
            if named.place.key != placed.place.key {
                candidates += (byIdentity[Identity(title: identity.title, district: named.place.key)] ?? []).filter { !candidates.contains($0) }
            }
            if let slug = row.values[.slug] {
                guard let target = bySlug[slug] else {
                    if !Slug.isValid(slug) { reject("slug “\(slug)” không hợp lệ"); continue }
                    if slugs.isTaken(slug) { reject("slug “\(slug)” đã dùng cho hồ sơ khác"); continue }
                    slugs.take(slug)
                    drafts.append((draft, slug, named))
                    bySlug[slug] = targets.count
                    for key in places(ofNew: placed, named: named.place) {
                        byIdentity[Identity(title: identity.title, district: key), default: []].append(targets.count)
                    }
                    targets.append(Target(path: draft.path(slug: slug), slug: slug, unit: unit, awards: [award], newIndex: drafts.count - 1))
                    plan.newProfiles.append(.init(row: row.number, path: draft.path(slug: slug), title: title, text: ""))
                    continue
                }
                candidates = [target]
            } else if let unit {
                let folded = Folding.fold(unit)
                candidates = candidates.filter { targets[$0].unit == nil || Folding.fold(targets[$0].unit ?? "") == folded }
            }
            if candidates.count > 1 {
                reject("“\(title)” khớp \(candidates.count) hồ sơ (\(candidates.map { targets[$0].path }.joined(separator: ", "))) — thêm cột slug để chỉ rõ hồ sơ")
                continue
            }
            if let t = candidates.first {
                let target = targets[t]
                if target.awards.contains(award) { plan.alreadyPresent.append(row.number); continue }
                targets[t].awards.append(award)
                if let newIndex = target.newIndex {
                    // A new profile filed under a commune of today, given an award of the
                    // time of the unit its first row named, goes back under that unit.
                    let entry = drafts[newIndex]
                    if entry.draft.isCommuneOfToday, !entry.named.isCommuneOfToday, entry.named.commune != nil,
                       Self.within(entry.named.place, year: year, decision: decision) {
                        var refiled = entry.draft
                        refiled.file(under: entry.named)
                        let path = refiled.path(slug: entry.slug)
                        if !FileIO.exists(site.paths.root + "/" + path) {
                            drafts[newIndex].draft = refiled
                            plan.newProfiles[newIndex].path = path
                            targets[t].path = path
                        }
                    }
                    drafts[newIndex].draft.awards.append(award)
                } else {
                    appended[target.path, default: []].append(award)
                    plan.addedAwards.append(.init(row: row.number, path: target.path, award: award))
                }
                continue
            }
            var slug = slugs.propose(title: title, districtKey: placed.place.key)
            while FileIO.exists(site.paths.root + "/" + draft.path(slug: slug)) {
                slugs.take(slug)
                slug = slugs.propose(title: title, districtKey: placed.place.key)
            }
            slugs.take(slug)
            drafts.append((draft, slug, named))
            for key in places(ofNew: placed, named: named.place) {
                byIdentity[Identity(title: identity.title, district: key), default: []].append(targets.count)
            }
            targets.append(Target(path: draft.path(slug: slug), slug: slug, unit: unit, awards: [award], newIndex: drafts.count - 1))
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
        let (after, diagnostics) = parser.parse(text, path: path)
        if before != nil, after == nil, let problem = diagnostics.first(where: { $0.severity == .error }) {
            return .failure(InputProblem(field: path, message: problem.message, suggestion: problem.suggestion))
        }
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
