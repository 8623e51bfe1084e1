import VinhDanhSupport
import VinhDanhText
import Yams

/// Reads `content/vocab/communes.yaml` and `content/vocab/commune-changes.yaml` into a
/// ``PlaceHistory``; every problem is a diagnostic at its line.
public enum PlaceHistoryLoader {
    /// The two files, site-relative.
    public static let communesFile = "content/vocab/communes.yaml"
    public static let changesFile = "content/vocab/commune-changes.yaml"

    /// Parses the files' texts (`nil`: the file does not exist, and the site keeps no such
    /// history), resolving district names and keys through `districts`.
    public static func parse(communes: String?, changes: String?, districts: Vocabulary) -> (PlaceHistory, [Diagnostic]) {
        var read = Parts()
        var diagnostics: [Diagnostic] = []
        if let communes, let document = Self.read(communes, file: communesFile, &diagnostics) {
            var r = FieldReader(document: document)
            readCommunes(&r, &read, districts)
            diagnostics += r.diagnostics
        }
        if let changes, let document = Self.read(changes, file: changesFile, &diagnostics) {
            var r = FieldReader(document: document)
            readChanges(&r, &read, districts)
            diagnostics += r.diagnostics
        }
        return (PlaceHistory(communes: read.communes, since: read.since, sinceSource: read.sinceSource, province: read.province,
                             changes: read.changes), diagnostics)
    }

    /// What the files say, as it is read.
    private struct Parts {
        var communes: [PlaceHistory.Commune] = []
        var since: CalendarDate?
        var sinceSource = ""
        var province: String?
        var changes: [PlaceHistory.Change] = []
    }

    private static func read(_ text: String, file: String, _ diagnostics: inout [Diagnostic]) -> YAMLDocument? {
        switch YAMLDocument.parse(text, file: file, firstLine: 1) {
        case .success(let document): return document
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
            return nil
        }
    }

    private static func readCommunes(_ r: inout FieldReader, _ history: inout Parts, _ districts: Vocabulary) {
        guard let fields = r.rootMapping(what: "danh mục xã, phường") else { return }
        var keys: [String: Int] = [:], codes: [String: Int] = [:]
        for (name, key, value) in fields {
            switch name {
            case "from": history.since = date(&r, value, field: name)
            case "source": history.sinceSource = r.text(value, field: name) ?? ""
            case "province": history.province = r.text(value, field: name)
            case "units":
                for item in value.sequence ?? [] {
                    guard let commune = commune(&r, item, districts) else { continue }
                    if let line = keys[commune.key] ?? codes[commune.code] {
                        r.report(item, .badVocabulary, "xã, phường “\(commune.name)” trùng key hoặc mã với mục ở dòng \(line)")
                        continue
                    }
                    keys[commune.key] = commune.line
                    codes[commune.code] = commune.line
                    history.communes.append(commune)
                }
            default: r.report(key, .unknownField, "trường “\(name)” của danh mục xã, phường không được hỗ trợ", severity: .warning)
            }
        }
        if history.since == nil && !history.communes.isEmpty {
            r.report(r.document.root, .badVocabulary, "danh mục xã, phường thiếu ngày bắt đầu (`from: YYYY-MM-DD`)")
        }
    }

    private static func commune(_ r: inout FieldReader, _ item: Node, _ districts: Vocabulary) -> PlaceHistory.Commune? {
        guard let mapping = item.mapping else {
            r.report(item, .badVocabulary, "mỗi xã, phường phải có `key:`, `name:`, `code:` và `formed_from:`")
            return nil
        }
        var commune = PlaceHistory.Commune(key: "", name: "", code: "", formedFrom: [], line: r.document.position(of: item).line)
        for (name, key, value) in r.pairs(of: mapping) {
            switch name {
            case "key": commune.key = r.text(value, field: name) ?? ""
            case "name": commune.name = r.text(value, field: name) ?? ""
            case "code": commune.code = r.text(value, field: name) ?? ""
            case "formed_from":
                for part in value.sequence ?? [] {
                    guard let fields = part.mapping.map({ r.pairs(of: $0) }) else { continue }
                    var district: Int?, written: String?
                    for (field, _, value) in fields {
                        switch field {
                        case "district": district = self.district(&r, value, districts)
                        case "commune", "area": written = r.text(value, field: field)
                        default: r.report(value, .unknownField, "trường “\(field)” không được hỗ trợ trong `formed_from`", severity: .warning)
                        }
                    }
                    if let district, let written {
                        commune.formedFrom.append(.init(district: district, name: PlaceName(written), written: written))
                    } else {
                        r.report(part, .badVocabulary, "mỗi mục `formed_from` cần `district:` và `commune:` (hoặc `area:`)")
                    }
                }
            default: r.report(key, .unknownField, "trường “\(name)” của xã, phường không được hỗ trợ", severity: .warning)
            }
        }
        guard Slug.isValid(commune.key), !commune.name.isEmpty, !commune.code.isEmpty else {
            r.report(item, .badVocabulary, "xã, phường “\(commune.name)” cần `key` hợp lệ, `name` và `code`",
                     suggestion: "ví dụ key: \(Slug.make(commune.name.isEmpty ? "Xã Tên Xã" : commune.name))")
            return nil
        }
        return commune
    }

    private static func readChanges(_ r: inout FieldReader, _ history: inout Parts, _ districts: Vocabulary) {
        guard let batches = r.document.root?.sequence else {
            r.report(r.document.root, .badVocabulary, "tệp thay đổi đơn vị hành chính phải là một danh sách các đợt (`- date: …`)")
            return
        }
        for batch in batches {
            guard let fields = batch.mapping.map({ r.pairs(of: $0) }) else { continue }
            var day: CalendarDate?, source = "", items: [Node] = []
            for (name, key, value) in fields {
                switch name {
                case "date": day = date(&r, value, field: name)
                case "source": source = r.text(value, field: name) ?? ""
                case "changes": items = Array(value.sequence ?? [])
                default: r.report(key, .unknownField, "trường “\(name)” của một đợt thay đổi không được hỗ trợ", severity: .warning)
                }
            }
            guard let day, !source.isEmpty else {
                r.report(batch, .badVocabulary, "mỗi đợt thay đổi cần `date:` (YYYY-MM-DD) và `source:` (văn bản quyết định)")
                continue
            }
            for item in items {
                if let change = change(&r, item, day, source, districts) { history.changes.append(change) }
            }
        }
    }

    private static func change(_ r: inout FieldReader, _ item: Node, _ day: CalendarDate, _ source: String,
                               _ districts: Vocabulary) -> PlaceHistory.Change? {
        guard let fields = item.mapping.map({ r.pairs(of: $0) }) else { return nil }
        var district: Int?, from: String?, to: String?, toDistrict: Int?, note: String?
        for (name, key, value) in fields {
            switch name {
            case "district": district = self.district(&r, value, districts)
            case "from": from = r.text(value, field: name)
            case "to": to = r.text(value, field: name)
            case "to_district": toDistrict = self.district(&r, value, districts)
            case "note": note = r.text(value, field: name)
            default: r.report(key, .unknownField, "trường “\(name)” của một thay đổi không được hỗ trợ", severity: .warning)
            }
        }
        guard let district, from != nil || toDistrict != nil else {
            r.report(item, .badVocabulary, "mỗi thay đổi cần `district:` và `from:` (hoặc `to_district:` khi cả huyện chuyển)")
            return nil
        }
        return PlaceHistory.Change(date: day, source: source, district: district, from: from.map(PlaceName.init), to: to,
                                   toDistrict: toDistrict, note: note, file: r.document.file, line: r.document.position(of: item).line)
    }

    private static func district(_ r: inout FieldReader, _ node: Node, _ districts: Vocabulary) -> Int? {
        guard let written = r.text(node, field: "district") else { return nil }
        guard let index = districts.resolve(written) else {
            r.report(node, .badVocabulary, "không tìm thấy địa bàn “\(written)” trong content/vocab/districts.yaml",
                     suggestion: districts.suggestionText(for: written))
            return nil
        }
        return index
    }

    private static func date(_ r: inout FieldReader, _ node: Node, field: String) -> CalendarDate? {
        guard let text = r.text(node, field: field) else { return nil }
        guard let date = CalendarDate(parsing: text) else {
            r.report(node, .badVocabulary, "ngày “\(text)” không hợp lệ", suggestion: "viết dạng YYYY-MM-DD, ví dụ 2025-07-01")
            return nil
        }
        return date
    }
}
