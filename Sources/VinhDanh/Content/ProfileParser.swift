import VinhDanhSupport
import VinhDanhText
import VinhDanhVocabulary
import Yams

/// Turns the text of one profile file into a ``Profile``, collecting every problem
/// rather than stopping at the first.
public struct ProfileParser: Sendable {
    /// Front-matter fields a profile may have.
    public static let knownFields: Set<String> = [
        "title", "kind", "district", "commune", "unit", "position", "ethnicity",
        "movements", "awards", "photo", "summary", "date", "slug",
    ]
    static let awardFields: Set<String> = ["type", "year", "decision", "date"]

    let vocabularies: Vocabularies
    let latestYear: Int
    /// Checks a `photo` value; returns a problem description and a suggestion, or `nil`.
    let checkPhoto: @Sendable (String) -> (message: String, suggestion: String)?

    /// Creates a parser resolving against `vocabularies`; award years may not pass `latestYear`.
    public init(vocabularies: Vocabularies, latestYear: Int,
                checkPhoto: @escaping @Sendable (String) -> (message: String, suggestion: String)?) {
        self.vocabularies = vocabularies
        self.latestYear = latestYear
        self.checkPhoto = checkPhoto
    }

    /// Parses decoded text of the file at site-relative `path`.
    public func parse(_ text: String, path: String) -> (profile: Profile?, diagnostics: [Diagnostic]) {
        let frontMatter: FrontMatter
        switch FrontMatter.split(text) {
        case .success(let split): frontMatter = split
        case .failure(.missingOpening):
            return (nil, [Diagnostic(file: path, code: .missingFrontMatter,
                                     message: "tệp không bắt đầu bằng phần khai báo (dòng ---)",
                                     suggestion: "dòng đầu tiên phải là ---, tiếp theo là title:, kind:, district:, awards:, rồi một dòng --- nữa")])
        case .failure(.unclosed(let line)):
            return (nil, [Diagnostic(file: path, line: line, code: .unclosedFrontMatter,
                                     message: "phần khai báo mở bằng --- nhưng không có dòng --- đóng lại",
                                     suggestion: "thêm một dòng chỉ gồm --- sau dòng khai báo cuối cùng")])
        }
        let document: YAMLDocument
        switch YAMLDocument.parse(frontMatter.yaml, file: path, firstLine: frontMatter.yamlLine) {
        case .success(let parsed): document = parsed
        case .failure(let diagnostic): return (nil, [diagnostic])
        }
        var reader = FieldReader(document: document)
        let profile = read(&reader, frontMatter: frontMatter, path: path)
        return (reader.diagnostics.contains { $0.severity == .error } ? nil : profile, reader.diagnostics)
    }

    private func read(_ r: inout FieldReader, frontMatter: FrontMatter, path: String) -> Profile? {
        guard let fields = r.rootMapping(what: "phần khai báo đầu tệp") else { return nil }
        var title: String?, kind: SubjectKind?, district: Int?, slug: String?
        var commune: String?, unit: String?, position: String?, ethnicity: String?
        var movements: [Int] = [], awards: [Profile.Award] = [], awardsSeen = false
        var photo: String?, summary: String?, date: CalendarDate?
        var awardNodes: [Node] = []
        var summaryLine = 1, movementsLine = 1, communeLine = 1
        for (name, key, value) in fields {
            switch name {
            case "title": title = r.text(value, field: name)
            case "kind":
                guard let written = r.text(value, field: name) else {
                    if value.scalar != nil { r.report(value, .missingField, "loại đối tượng (`kind`) đang để trống", suggestion: "ghi cá nhân, tập thể hoặc hộ gia đình") }
                    continue
                }
                kind = SubjectKind(text: written)
                if kind == nil {
                    r.report(value, .unknownKind, "loại đối tượng “\(written)” không hợp lệ",
                             suggestion: "dùng một trong: cá nhân (individual), tập thể (collective), hộ gia đình (household)")
                }
            case "district":
                guard let written = r.text(value, field: name) else {
                    if value.scalar != nil { r.report(value, .missingField, "địa bàn (`district`) đang để trống", suggestion: "ghi tên huyện, thị xã, thành phố hoặc `cap-tinh`") }
                    continue
                }
                district = resolve(written, in: vocabularies.districts, node: value, code: .unknownDistrict, &r)
            case "movements":
                movementsLine = r.document.position(of: key).line
                for (written, node) in r.textList(value, field: name) {
                    if let index = resolve(written, in: vocabularies.movements, node: node, code: .unknownMovement, &r),
                       !movements.contains(index) {
                        movements.append(index)
                    }
                }
            case "awards":
                awardsSeen = true
                if let sequence = value.sequence { awardNodes = Array(sequence) }
                else if value.mapping != nil { awardNodes = [value] }
                else if r.text(value, field: name) != nil {
                    r.report(value, .wrongType, "trường `awards` phải là danh sách khen thưởng",
                             suggestion: "mỗi khen thưởng một mục: `- type: …`, `year: …`, `decision: …`")
                }
            case "commune":
                commune = r.text(value, field: name)
                communeLine = r.document.position(of: key).line
            case "unit": unit = r.text(value, field: name)
            case "position": position = r.text(value, field: name)
            case "ethnicity": ethnicity = r.text(value, field: name)
            case "summary":
                summary = r.text(value, field: name)
                summaryLine = r.document.position(of: key).line
            case "photo":
                guard let written = r.text(value, field: name) else { continue }
                if let problem = checkPhoto(written) {
                    r.report(value, .badPhoto, problem.message, suggestion: problem.suggestion)
                } else {
                    photo = written
                }
            case "date":
                guard let written = r.text(value, field: name) else { continue }
                date = CalendarDate(parsing: written)
                if date == nil {
                    r.report(value, .badDate, "ngày “\(written)” không có thật hoặc sai định dạng",
                             suggestion: "viết theo dạng NĂM-THÁNG-NGÀY, ví dụ 2023-06-01")
                }
            case "slug":
                guard let written = r.text(value, field: name) else { continue }
                if Slug.isValid(written) { slug = written } else {
                    r.report(value, .badSlug, "slug “\(written)” không hợp lệ",
                             suggestion: "chỉ dùng chữ thường không dấu, số và dấu gạch ngang, ví dụ \(Slug.make(written).isEmpty ? "nguyen-van-an" : Slug.make(written))")
                }
            default:
                r.report(key, .unknownField, "trường “\(name)” không được hỗ trợ và sẽ bị bỏ qua",
                         suggestion: nearestField(name, in: Self.knownFields), severity: .warning)
            }
        }
        var read: [(Profile.Award, Node)] = []
        for node in awardNodes {
            if let award = readAward(node, kind: kind, &r) { read.append((award, node)) }
        }
        // With no `district`, the profile is filed under a commune of today.
        if district == nil, let commune, !fields.contains(where: { $0.name == "district" }) {
            district = todayCommune(commune, at: fields.first { $0.name == "commune" }?.value, &r)
        }
        if let district {
            let communeDate = Profile.communeDate(date: date, awards: read.map(\.0))
            // A profile with awards in its unit's period carries on after the unit ended;
            // one with none there was filed under the wrong unit.
            let carriesOn = read.contains { award, _ in !hasEnded(district, before: award) }
            for (award, node) in read {
                var award = award
                award.place = place(award, of: district, carriesOn: carriesOn, commune: commune, communeDate: communeDate, at: node, &r)
                checkProvince(of: award, at: node, &r)
                awards.append(award)
            }
        } else {
            awards = read.map(\.0)
        }
        let top = r.document.root
        if title?.isEmpty ?? true { r.report(top, .missingField, "thiếu tên (trường `title`)", suggestion: "thêm dòng `title: Họ và tên hoặc tên tập thể`") }
        if kind == nil && !fields.contains(where: { $0.name == "kind" }) {
            r.report(top, .missingField, "thiếu loại đối tượng (trường `kind`)", suggestion: "thêm dòng `kind: cá nhân` (hoặc tập thể, hộ gia đình)")
        }
        // A `commune:` with a value was looked up among today's communes (and reported).
        if district == nil && !fields.contains(where: { $0.name == "district" }) && commune == nil {
            r.report(top, .missingField, "thiếu địa bàn (trường `district`)",
                     suggestion: vocabularies.places.communes.isEmpty ? "thêm dòng `district: ` với tên huyện, thị xã, thành phố hoặc `cap-tinh`"
                         : "thêm dòng `district: ` với huyện, thị xã, thành phố (khen thưởng trước 01/7/2025) hoặc `commune: ` với xã, phường hiện nay")
        }
        if !awardsSeen || (awardNodes.isEmpty && awards.isEmpty) {
            r.report(top, .missingField, "hồ sơ chưa có khen thưởng nào (trường `awards`)",
                     suggestion: "thêm `awards:` với ít nhất một mục `- type: …` và `year: …`")
        }
        guard let title, !title.isEmpty, let kind, let district else { return nil }
        let stem = String(path.split(separator: "/").last ?? "").replacingSuffix(".md")
        var profile = Profile(
            path: path, slug: slug ?? Slug.make(stem), title: title, kind: kind, district: district,
            commune: commune, unit: unit, position: position, ethnicity: ethnicity, movements: movements,
            awards: awards, photo: photo, summary: summary, date: date,
            body: frontMatter.body, bodyLine: frontMatter.bodyLine)
        profile.summaryLine = summaryLine
        profile.movementsLine = movementsLine
        profile.communeLine = communeLine
        return profile
    }

    /// The date in `decision`'s text when it is of `year` (the award's date when none is
    /// written).
    package static func decisionDate(_ decision: String?, of year: Int) -> CalendarDate? {
        decision.flatMap(decisionDate).flatMap { $0.year == year ? $0 : nil }
    }

    /// The date in a decision's text: the first "ngày D/M/YYYY" (or "ngày D-M-YYYY",
    /// "ngày D tháng M năm YYYY").
    static func decisionDate(_ text: String) -> CalendarDate? {
        let words = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "," })
        for (i, word) in words.enumerated() where word == "ngày" && i + 1 < words.count {
            if let date = CalendarDate(dayFirst: words[i + 1]) { return date }
            if i + 5 < words.count, words[i + 2] == "tháng", words[i + 4] == "năm",
               let d = Int(words[i + 1]), let m = Int(words[i + 3]), let y = Int(words[i + 5].prefix(4)),
               let date = CalendarDate(year: y, month: m, day: d) { return date }
        }
        return nil
    }

    /// Whether the unit at `district` had ended before `award` (by its date, else its
    /// first day of the year).
    private func hasEnded(_ district: Int, before award: Profile.Award) -> Bool {
        guard let until = vocabularies.districts.entries[district].until else { return false }
        return award.earliestDay > until
    }

    /// The unit in force at `award` (index in the places vocabulary) for a profile filed
    /// under `district`, reporting an award its places cannot take. An award is placed by
    /// its decision's date when known, else by its year: a unit ending on 30 June still
    /// takes the undated awards of that year (a 2025 award naming a district is one of
    /// before July). When the profile `carriesOn` from the unit's period, its awards after
    /// the unit ended go to the unit that took it over whole (the provincial agencies, a
    /// district merged into a city), or, from the day today's communes began, to the
    /// commune of today the profile's former `commune` is part of.
    private func place(_ award: Profile.Award, of district: Int, carriesOn: Bool, commune: String?,
                       communeDate: CalendarDate, at node: Node, _ r: inout FieldReader) -> Int {
        let districts = vocabularies.districts, places = vocabularies.places
        // Reported at the award's `year:`, looked up only for a report.
        func yearNode() -> Node { node.mapping?.first { $0.key.scalar?.string == "year" }?.value ?? node }
        let first = award.earliestDay, last = award.latestDay
        var unit = district
        var followed = 0
        while carriesOn, let until = districts.entries[unit].until, first > until, let next = places.unitTakingOver(unit),
              districts.entries.indices.contains(next), followed < districts.entries.count {
            unit = next
            followed += 1
        }
        let entry = districts.entries[unit]
        if let until = entry.until, first > until {
            if carriesOn, let since = places.since, first >= since, let commune,
               case .commune(let today, _) = places.resolve(commune, district: district, on: communeDate) {
                return vocabularies.entry(ofCommune: today)
            }
            let became = places.successors(of: unit, in: districts).joined(separator: ", ")
            r.report(yearNode(), .placeOutOfPeriod,
                     "\(entry.name) không còn sau ngày \(until.vietnamese): khen thưởng năm \(award.year) không ghi theo đơn vị này được",
                     suggestion: became.isEmpty ? "ghi địa bàn đang có vào năm \(award.year)"
                         : carriesOn ? "ghi `commune:` là xã, phường, thị trấn của hồ sơ trong \(entry.name), để khen thưởng sau đó được tính cho nơi nay thuộc; \(entry.name) nay là: \(became)"
                         : "ghi địa bàn đang có lúc khen thưởng (xã, phường hiện nay: bỏ `district:`, ghi `commune:`), một trong: \(became)")
        }
        if let from = entry.from, last < from {
            let before = vocabularies.commune(ofEntry: unit).map { places.formedFromNames($0, in: districts) }
                ?? places.predecessors(of: unit, in: districts)
            r.report(yearNode(), .placeOutOfPeriod,
                     "\(entry.name) chỉ có từ ngày \(from.vietnamese): khen thưởng năm \(award.year) không ghi theo đơn vị này được",
                     suggestion: before.isEmpty ? "ghi địa bàn đang có vào năm \(award.year)"
                         : "trước đó là: \(before.joined(separator: ", "))")
        }
        return unit
    }

    /// The commune of today named `written` (entry in the places vocabulary) for a
    /// profile written with `commune:` and no `district:`; reports one not found.
    private func todayCommune(_ written: String, at node: Node?, _ r: inout FieldReader) -> Int? {
        let places = vocabularies.places
        if let entry = vocabularies.communeOfToday(named: written) { return entry }
        let near = places.nearestToday(written)
        r.report(node, .unknownDistrict, places.communes.isEmpty
                     ? "hồ sơ ghi xã, phường “\(written)” mà không ghi huyện (`district`)"
                     : "không tìm thấy xã, phường “\(written)” trong danh mục xã, phường hiện nay",
                 suggestion: near.isEmpty ? "ghi `district:` (huyện, thị xã, thành phố) cho khen thưởng trước 01/7/2025; xem content/vocab/communes.yaml"
                     : "có phải ý bạn là: \(near.joined(separator: ", "))?")
        return nil
    }

    /// Warns of an award type named after a province (`province:` in the awards
    /// vocabulary) given in a place of another province.
    private func checkProvince(of award: Profile.Award, at node: Node, _ r: inout FieldReader) {
        let type = vocabularies.awards.entries[award.type], place = vocabularies.districts.entries[award.place]
        guard let issuer = type.province, let province = place.province, Folding.fold(issuer) != Folding.fold(province) else { return }
        r.report(node.mapping?.first { $0.key.scalar?.string == "type" }?.value ?? node, .awardRecipient,
                 "“\(type.name)” là hình thức của tỉnh \(issuer), còn \(place.name) thuộc tỉnh \(province) vào năm \(award.year)",
                 suggestion: "kiểm tra lại hình thức khen thưởng hoặc địa bàn", severity: .warning)
    }

    private func readAward(_ node: Node, kind: SubjectKind?, _ r: inout FieldReader) -> Profile.Award? {
        guard let mapping = node.mapping else {
            r.report(node, .wrongType, "mỗi khen thưởng phải gồm các dòng `type:`, `year:` (và `decision:`)",
                     suggestion: "ví dụ: `- type: bang-khen-chu-tich-ubnd-tinh` rồi thụt lề `year: 2023`")
            return nil
        }
        var type: Int?, year: Int?, decision: String?, date: CalendarDate?, typeSeen = false, yearSeen = false
        var dateNode: Node?
        for (name, key, value) in r.pairs(of: mapping) {
            switch name {
            case "type":
                typeSeen = true
                guard let written = r.text(value, field: "awards.type") else { continue }
                type = resolve(written, in: vocabularies.awards, node: value, code: .unknownAward, &r)
                if let type, let kind, !vocabularies.awards.entries[type].recipients.isEmpty,
                   !vocabularies.awards.entries[type].recipients.contains(kind) {
                    let entry = vocabularies.awards.entries[type]
                    r.report(value, .awardRecipient, "“\(entry.name)” thường không tặng cho \(kind.label.lowercased())",
                             suggestion: "kiểm tra lại loại đối tượng hoặc hình thức khen thưởng", severity: .warning)
                }
            case "year":
                yearSeen = true
                guard let number = r.integer(value, field: "awards.year") else { continue }
                if number < 1945 || number > latestYear {
                    r.report(value, .badYear, "năm khen thưởng \(number) không hợp lệ",
                             suggestion: "năm phải từ 1945 đến \(latestYear)")
                } else {
                    year = number
                }
            case "decision": decision = r.text(value, field: "awards.decision")
            case "date":
                guard let text = r.text(value, field: "awards.date") else { continue }
                date = CalendarDate(parsing: text)
                dateNode = value
                if date == nil {
                    r.report(value, .badDate, "ngày quyết định “\(text)” không hợp lệ", suggestion: "viết dạng YYYY-MM-DD, ví dụ 2025-08-15")
                }
            default:
                r.report(key, .unknownField, "trường “\(name)” của khen thưởng không được hỗ trợ",
                         suggestion: nearestField(name, in: Self.awardFields), severity: .warning)
            }
        }
        if !typeSeen { r.report(node, .missingField, "khen thưởng thiếu hình thức (`type`)", suggestion: "thêm `type: ` với tên hoặc mã hình thức khen thưởng") }
        if !yearSeen { r.report(node, .missingField, "khen thưởng thiếu năm (`year`)", suggestion: "thêm `year: ` với năm khen thưởng") }
        guard let type, let year else { return nil }
        if let date, date.year != year {
            r.report(dateNode, .badDate, "ngày quyết định \(date.vietnamese) không cùng năm khen thưởng \(year)",
                     suggestion: "sửa `year:` hoặc `date:` cho khớp")
            return Profile.Award(type: type, year: year, decision: decision)
        }
        // Read from the decision text when not given, if it is of the award's year.
        let dated = date ?? Self.decisionDate(decision, of: year)
        return Profile.Award(type: type, year: year, decision: decision, date: dated)
    }

    private func resolve(_ text: String, in vocabulary: Vocabulary, node: Node, code: DiagnosticCode,
                         _ r: inout FieldReader) -> Int? {
        if let index = vocabulary.resolve(text) { return index }
        r.report(node, code, "không tìm thấy \(vocabulary.kind.noun) “\(text)”",
                 suggestion: vocabulary.suggestionText(for: text))
        return nil
    }

    private func nearestField(_ name: String, in fields: Set<String>) -> String {
        let near = fields.min { EditDistance.between(name, $0) < EditDistance.between(name, $1) || (EditDistance.between(name, $0) == EditDistance.between(name, $1) && $0 < $1) }
        if let near, EditDistance.between(name.lowercased(), near) <= 2 { return "có phải ý bạn là `\(near)`?" }
        return "các trường hợp lệ: " + fields.sorted().joined(separator: ", ")
    }
}
