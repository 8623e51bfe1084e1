import VinhDanhVocabulary

/// Reading the values editors type (in `new` and `import`) with the same matching and
/// suggestions as the build.
public struct FieldInput: Sendable {
    /// The site's vocabularies.
    public let vocabularies: Vocabularies
    /// Latest award year accepted.
    public let latestYear: Int

    /// Creates a reader for a site's vocabularies.
    public init(vocabularies: Vocabularies, latestYear: Int) {
        self.vocabularies = vocabularies
        self.latestYear = latestYear
    }

    /// A subject kind from `cá nhân`, `tập thể`, `hộ gia đình` or the English keys.
    public func kind(_ text: String, field: String) -> Result<SubjectKind, InputProblem> {
        if let kind = SubjectKind(text: text) { return .success(kind) }
        return .failure(InputProblem(field: field, message: "loại đối tượng “\(text)” không hợp lệ",
                                     suggestion: "dùng cá nhân, tập thể hoặc hộ gia đình"))
    }

    /// The entry `text` names in `vocabulary` (key, name or alias), or the one entry they
    /// start with (``Vocabulary/resolveLeniently(_:)``; ``leniency(_:in:)`` says which).
    public func entry(_ text: String, in kind: Vocabulary.Kind, field: String) -> Result<VocabularyEntry, InputProblem> {
        let vocabulary = self.vocabulary(kind)
        if let index = vocabulary.resolveLeniently(text) { return .success(vocabulary.entries[index]) }
        return .failure(InputProblem(field: field, message: "không tìm thấy \(kind.noun) “\(text)”",
                                     suggestion: vocabulary.suggestionText(for: text)))
    }

    /// The place a profile is filed under, from a district-level unit (`district`, which
    /// may also name a commune of today) and a commune: with no district, the commune
    /// must be one of today's (the place is then that commune). Returns the place and
    /// the commune to write.
    public func place(district: String?, commune: String?, districtField: String, communeField: String)
        -> Result<(place: VocabularyEntry, commune: String?, isCommuneOfToday: Bool), InputProblem> {
        let communes = vocabularies.places
        if let district {
            switch entry(district, in: .districts, field: districtField) {
            case .failure(let problem): return .failure(problem)
            case .success(let place):
                let today = vocabularies.districts.index(forKey: place.key).flatMap(vocabularies.commune(ofEntry:)) != nil
                return .success((place, today ? nil : commune, today))
            }
        }
        guard let commune else {
            return .failure(InputProblem(field: districtField, message: "thiếu địa bàn",
                                         suggestion: communes.communes.isEmpty ? "ghi huyện, thị xã, thành phố hoặc cap-tinh"
                                             : "ghi huyện, thị xã, thành phố (khen thưởng trước 01/7/2025) hoặc xã, phường hiện nay"))
        }
        if let entry = vocabularies.communeOfToday(named: commune) {
            return .success((vocabularies.districts.entries[entry], nil, true))
        }
        let near = communes.nearestToday(commune)
        return .failure(InputProblem(field: communeField, message: "không tìm thấy xã, phường “\(commune)” trong danh mục xã, phường hiện nay",
                                     suggestion: near.isEmpty ? "ghi cả huyện (khen thưởng trước 01/7/2025) hoặc xem content/vocab/communes.yaml"
                                         : "có phải ý bạn là: \(near.joined(separator: ", "))?"))
    }

    /// What `text` was taken as when it does not name an entry exactly but starts one
    /// (`bang khen chu tich` → `bang-khen-chu-tich-ubnd-tinh`), for echoing back; `nil`
    /// otherwise.
    public func leniency(_ text: String, in kind: Vocabulary.Kind) -> VocabularyEntry? {
        let vocabulary = self.vocabulary(kind)
        guard vocabulary.resolve(text) == nil, let index = vocabulary.resolveLeniently(text) else { return nil }
        return vocabulary.entries[index]
    }

    private func vocabulary(_ kind: Vocabulary.Kind) -> Vocabulary {
        switch kind {
        case .districts: return vocabularies.districts
        case .movements: return vocabularies.movements
        case .awards: return vocabularies.awards
        }
    }

    /// An award year between 1945 and the latest year.
    public func year(_ text: String, field: String) -> Result<Int, InputProblem> {
        let trimmed = text.trimmedWhitespace
        guard let year = Int(trimmed), year >= 1945, year <= latestYear else {
            return .failure(InputProblem(field: field, message: "năm “\(trimmed)” không hợp lệ",
                                         suggestion: "năm phải từ 1945 đến \(latestYear)"))
        }
        return .success(year)
    }

    /// An award written `TYPE;YEAR;DECISION` (decision optional).
    public func award(_ text: String, field: String) -> Result<(type: VocabularyEntry, year: Int, decision: String?), InputProblem> {
        let parts = text.split(separator: ";", maxSplits: 2, omittingEmptySubsequences: false).map { String($0).trimmedWhitespace }
        guard parts.count >= 2 else {
            return .failure(InputProblem(field: field, message: "khen thưởng “\(text)” phải viết dạng HÌNH THỨC;NĂM;QUYẾT ĐỊNH",
                                         suggestion: "ví dụ \"Bằng khen UBND tỉnh;2024;Quyết định số 12/QĐ-UBND ngày 5/1/2024\""))
        }
        switch (entry(parts[0], in: .awards, field: field), year(parts[1], field: field)) {
        case (.failure(let problem), _), (_, .failure(let problem)): return .failure(problem)
        case (.success(let type), .success(let year)):
            return .success((type, year, parts.count > 2 && !parts[2].isEmpty ? parts[2] : nil))
        }
    }
}
