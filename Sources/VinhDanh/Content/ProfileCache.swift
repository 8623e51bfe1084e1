import VinhDanhConfig
import VinhDanhSupport
import VinhDanhText
import VinhDanhVocabulary

/// What each profile file parsed to, so that a build reads again only the files whose
/// size, time or inode changed.
///
/// Bodies are not kept (they are most of a site's text): a profile taken from the cache
/// reads its body from its file when its page is rendered (``Site/body(of:)``). Kept in
/// the site's `.vinhdanh/cache/profiles`, keyed by the `vinhdanh` binary and the
/// site-wide sources files are read against (vocabularies, settings, the latest year); a
/// damaged file, or one made for another key, is ignored.
struct ProfileCache: Sendable {
    /// One file: its stamp when parsed, and what it gave.
    struct Entry: Sendable {
        var stamp: FileStamp
        var profile: Profile?
        var diagnostics: [Diagnostic]
    }

    /// Entries by path relative to the site.
    var entries: [String: Entry] = [:]

    /// The cache file of a site.
    static func path(_ paths: SitePaths) -> String { paths.cache + "/cache/profiles" }

    private static let magic = "vinhdanh-profiles 4"

    /// The cache for `key`, empty when there is none that can be trusted.
    static func load(_ path: String, key: ContentHash) -> ProfileCache {
        ProfileCache(entries: ChecksummedFile.readEntries(path, magic: magic, key: key, entry) ?? [:])
    }

    /// Writes the cache (atomically) for `key`.
    func save(_ path: String, key: ContentHash) throws(FileError) {
        try ChecksummedFile.writeEntries(entries, to: path, magic: Self.magic, key: key) { entry, w in Self.add(entry, to: &w) }
    }

    private static func add(_ entry: Entry, to w: inout BinaryWriter) {
        w.add(entry.stamp.size)
        w.add(Int(entry.stamp.modified))
        w.add(entry.stamp.inode)
        w.add(entry.diagnostics.count)
        for d in entry.diagnostics {
            w.add(d.file)
            w.add(d.line)
            w.add(d.column)
            w.add(d.severity.rawValue)
            w.add(d.code.rawValue)
            w.add(d.message)
            w.add(d.suggestion)
        }
        guard let p = entry.profile else { return w.add(0) }
        w.add(1)
        for text in [p.path, p.slug, p.title, p.kind.rawValue] { w.add(text) }
        w.add(p.district)
        for text in [p.commune, p.unit, p.position, p.ethnicity, p.photo, p.summary] { w.add(text) }
        w.add(p.movements.count)
        for m in p.movements { w.add(m) }
        w.add(p.awards.count)
        for a in p.awards {
            w.add(a.type)
            w.add(a.year)
            w.add(a.decision)
            w.add(a.date.map { $0.year * 10_000 + $0.month * 100 + $0.day } ?? 0)
            w.add(a.place)
        }
        w.add(p.date.map { $0.year * 10_000 + $0.month * 100 + $0.day } ?? 0)
        for n in [p.bodyLine, p.summaryLine, p.movementsLine, p.communeLine] { w.add(n) }
        w.add(p.sourceHash)
    }

    private static func entry(_ r: inout BinaryReader) -> Entry? {
        guard let size = r.int(), let modified = r.int(), let inode = r.unsigned(), let count = r.int(), count >= 0 else { return nil }
        var diagnostics: [Diagnostic] = []
        for _ in 0..<count {
            guard let file = r.text(), let line = r.int(), let column = r.int(),
                  let severity = r.text().flatMap(Diagnostic.Severity.init(rawValue:)),
                  let code = r.text().flatMap(DiagnosticCode.init(rawValue:)), let message = r.text(),
                  let suggestion = r.optionalText() else { return nil }
            diagnostics.append(Diagnostic(file: file, line: line, column: column, severity: severity, code: code,
                                          message: message, suggestion: suggestion))
        }
        let stamp = FileStamp(size: size, modified: Int64(modified), inode: inode)
        switch r.int() {
        case 0?: return Entry(stamp: stamp, profile: nil, diagnostics: diagnostics)
        case 1?: break
        default: return nil
        }
        guard let path = r.text(), let slug = r.text(), let title = r.text(), let kind = r.text().flatMap(SubjectKind.init(rawValue:)),
              let district = r.int(), let commune = r.optionalText(), let unit = r.optionalText(), let position = r.optionalText(),
              let ethnicity = r.optionalText(), let photo = r.optionalText(), let summary = r.optionalText(),
              let movementCount = r.int(), movementCount >= 0 else { return nil }
        var movements: [Int] = []
        for _ in 0..<movementCount {
            guard let m = r.int() else { return nil }
            movements.append(m)
        }
        guard let awardCount = r.int(), awardCount >= 0 else { return nil }
        var awards: [Profile.Award] = []
        for _ in 0..<awardCount {
            guard let type = r.int(), let year = r.int(), let decision = r.optionalText(), let day = r.int(),
                  let place = r.int() else { return nil }
            awards.append(Profile.Award(type: type, year: year, decision: decision,
                                        date: day == 0 ? nil : CalendarDate(validYear: day / 10_000, month: day / 100 % 100, day: day % 100),
                                        place: place))
        }
        guard let date = r.int(), let bodyLine = r.int(), let summaryLine = r.int(), let movementsLine = r.int(),
              let communeLine = r.int(), let sourceHash = r.hash() else { return nil }
        var profile = Profile(path: path, slug: slug, title: title, kind: kind, district: district, commune: commune, unit: unit,
                              position: position, ethnicity: ethnicity, movements: movements, awards: awards, photo: photo,
                              summary: summary, date: date == 0 ? nil : CalendarDate(validYear: date / 10_000, month: date / 100 % 100, day: date % 100),
                              body: "", bodyLine: bodyLine)
        profile.summaryLine = summaryLine
        profile.movementsLine = movementsLine
        profile.communeLine = communeLine
        profile.sourceHash = sourceHash
        profile.bodyInFile = true
        return Entry(stamp: stamp, profile: profile, diagnostics: diagnostics)
    }
}
