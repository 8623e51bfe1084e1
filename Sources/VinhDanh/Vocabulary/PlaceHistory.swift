import VinhDanhText

/// The administrative units with a history: today's communes and wards with what each was
/// formed from (`content/vocab/communes.yaml`), and the commune-level changes before
/// that (`content/vocab/commune-changes.yaml`), each with its date and source. Lets a
/// commune written in a profile of any year be followed to the commune it is part of
/// today. District-level units are the `districts` vocabulary.
public struct PlaceHistory: Sendable {
    /// A commune or ward of today.
    public struct Commune: Sendable {
        public var key: String
        public var name: String
        /// The official code (Quyết định 19/2025/QĐ-TTg).
        public var code: String
        /// The units it was formed from, as they stood just before ``PlaceHistory/since``.
        public var formedFrom: [Former]
        /// Line in its file.
        public var line: Int
    }

    /// A unit a commune of today was formed from.
    public struct Former: Sendable {
        /// Index of its district-level unit in the `districts` vocabulary.
        public var district: Int
        /// Its name, or of the land area (`area:`) that joined.
        public var name: PlaceName
        /// As written in the file.
        public var written: String
    }

    /// One change to a commune-level unit, or a whole district-level unit moving.
    public struct Change: Sendable {
        /// The day it took effect.
        public var date: CalendarDate
        /// The resolution that made it.
        public var source: String
        /// The district-level unit (index in `districts`) before the change.
        public var district: Int
        /// The unit's name before it; `nil`: every unit of `district`.
        public var from: PlaceName?
        /// Its name after; `nil` with no ``toDistrict``: gone, and where to is not known.
        public var to: String?
        /// The district-level unit after, when it moved.
        public var toDistrict: Int?
        public var note: String?
        public var file: String
        public var line: Int

        /// Whether the unit was dissolved into one not yet known.
        public var isDissolution: Bool { from != nil && to == nil && toDistrict == nil }
    }

    /// Today's communes and wards.
    public private(set) var communes: [Commune] = []
    /// The day they came into being, and the resolution.
    public private(set) var since: CalendarDate?
    public private(set) var sinceSource: String = ""
    /// The province they belong to, as shown after a commune's name ("tỉnh …").
    public private(set) var province: String?
    /// The changes before, oldest first.
    public private(set) var changes: [Change] = []
    /// Each commune's name, read once.
    private var communeNames: [PlaceName] = []
    /// The units each commune was formed from, by district-level unit and folded name:
    /// (commune, position in its `formedFrom`).
    private var formers: [Int: [String: [(commune: Int, part: Int)]]] = [:]

    /// No history: a site that keeps no communes.
    public static let empty = PlaceHistory()

    private init() {}

    /// The history of `communes` (from `since`, by `sinceSource`) and of the `changes`
    /// before (sorted here, a day's changes kept in their order).
    init(communes: [Commune], since: CalendarDate?, sinceSource: String, province: String?, changes: [Change]) {
        self.communes = communes
        self.since = since
        self.sinceSource = sinceSource
        self.province = province
        self.changes = changes.enumerated().sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }.map(\.element)
        communeNames = communes.map { PlaceName($0.name) }
        for (c, commune) in communes.enumerated() {
            for (part, former) in commune.formedFrom.enumerated() {
                formers[former.district, default: [:]][former.name.folded, default: []].append((c, part))
            }
        }
    }

    /// What the district-level unit at `district` (index in `districts`) became: the
    /// communes of today formed from its units, or, for a unit merged whole into another
    /// before that, the unit it went into (name) and what that one became.
    public func successors(of district: Int, in districts: Vocabulary) -> [String] {
        let direct = communes.filter { $0.formedFrom.contains { $0.district == district } }.map(\.name)
        if !direct.isEmpty { return direct }
        guard let move = changes.first(where: { $0.district == district && $0.from == nil }), let into = move.toDistrict,
              districts.entries.indices.contains(into) else { return [] }
        return [districts.entries[into].name] + successors(of: into, in: districts)
    }

    /// The district-level unit the one at `district` went into whole on a day after it
    /// ended (the provincial agencies of a former province into the new province's), if any.
    public func unitTakingOver(_ district: Int) -> Int? {
        changes.first { $0.district == district && $0.from == nil }?.toDistrict
    }

    /// Today's commune `commune` as an entry of the places vocabulary (``Vocabularies``):
    /// valid from ``since``, in ``province`` (without its "tỉnh").
    func entry(of commune: Commune) -> VocabularyEntry {
        var entry = VocabularyEntry(key: commune.key, name: commune.name, line: commune.line)
        entry.from = since
        entry.province = province.map { $0.hasPrefix("tỉnh ") ? String($0.dropFirst(5)) : $0 }
        return entry
    }

    /// What today's commune `commune` was formed from, as "Xã Cao Xá (Huyện Tân Yên)".
    public func formedFromNames(_ commune: Int, in districts: Vocabulary) -> [String] {
        communes[commune].formedFrom.map { part in
            districts.entries.indices.contains(part.district) ? "\(part.written) (\(districts.entries[part.district].name))" : part.written
        }
    }

    /// The district-level units the one at `district` was formed from (names).
    public func predecessors(of district: Int, in districts: Vocabulary) -> [String] {
        var seen = Set<Int>()
        return changes.filter { $0.toDistrict == district && $0.district != district }.compactMap { change in
            seen.insert(change.district).inserted && districts.entries.indices.contains(change.district) ? districts.entries[change.district].name : nil
        }
    }

    /// Where a commune written in a profile stands today.
    public enum Resolution: Sendable {
        /// Part of `communes[index]` today, through `steps`.
        case commune(Int, steps: [Change])
        /// Dissolved by `change` into a unit that is not known.
        case dissolved(Change)
        /// The unit had already gone by that day, through `change` (a commune merged in
        /// 2020 named on an award of 2022).
        case ended(Change)
        /// No unit of that name in that district-level unit: the nearest names there.
        case notFound(nearest: [String])
    }

    /// Follows `written`, a commune-level unit of the district-level unit at `district`
    /// (index in `districts`) on `date`, through the changes after that day to the
    /// commune of today it is part of.
    public func resolve(_ written: String, district: Int, on date: CalendarDate) -> Resolution {
        var name = PlaceName(written), district = district
        var steps: [Change] = []
        if let since, date >= since, let found = commune(named: name) { return .commune(found, steps: []) }
        // The changes of one day apply at once: a name taken over that day by another
        // unit (a rename onto a dissolved unit's name) is not followed twice.
        var start = changes.startIndex
        while start < changes.endIndex {
            let day = changes[start].date
            let end = changes[start...].firstIndex { $0.date != day } ?? changes.endIndex
            defer { start = end }
            guard day > date else { continue }
            let batch = changes[start..<end].filter { $0.district == district }
            let named = batch.filter { $0.from != nil }.max { name.match($0.from!) < name.match($1.from!) }
            if let change = named, let from = change.from, name.match(from) > 0 {
                if change.isDissolution { return .dissolved(change) }
                if let to = change.to { name = PlaceName(to) }
                district = change.toDistrict ?? district
                steps.append(change)
            } else if let move = batch.first(where: { $0.from == nil }), let to = move.toDistrict {
                district = to
                steps.append(move)
            }
        }
        var best: (commune: Int, score: Int)?
        for (c, part) in formers[district]?[name.folded] ?? [] {
            let score = name.match(communes[c].formedFrom[part].name)
            if score > (best?.score ?? 0) { best = (c, score) }
        }
        if let best { return .commune(best.commune, steps: steps) }
        if steps.isEmpty, let gone = changes.last(where: { $0.date <= date && $0.district == district && $0.from.map(name.match) ?? 0 > 0 }) {
            return .ended(gone)
        }
        return .notFound(nearest: nearest(name, in: district))
    }

    /// Today's commune (index in ``communes``) named `written`, by any spelling of its
    /// name, the exact one first.
    public func commune(named written: String) -> Int? { commune(named: PlaceName(written)) }

    private func commune(named name: PlaceName) -> Int? {
        guard let found = communeNames.indices.max(by: { name.match(communeNames[$0]) < name.match(communeNames[$1]) }),
              name.match(communeNames[found]) > 0 else { return nil }
        return found
    }

    /// The names of today's communes closest to `written`.
    public func nearestToday(_ written: String) -> [String] {
        Self.closest(to: PlaceName(written), communeNames.indices.map { (communeNames[$0], communes[$0].name) })
    }

    /// The names formed into today's communes from `district` closest to `name`.
    private func nearest(_ name: PlaceName, in district: Int) -> [String] {
        Self.closest(to: name, communes.flatMap { $0.formedFrom.filter { $0.district == district }.map { ($0.name, $0.written) } })
    }

    /// Up to three of `candidates` (a name, and how to show it) nearest to `name` by their
    /// folded forms, each shown once.
    private static func closest(to name: PlaceName, _ candidates: [(name: PlaceName, shown: String)]) -> [String] {
        var seen = Set<String>()
        return candidates.map { (EditDistance.between(name.folded, $0.name.folded), $0.shown) }
            .filter { $0.0 <= max(2, name.folded.count / 3) }.sorted { $0 < $1 }.map(\.1)
            .filter { seen.insert($0).inserted }.prefix(3).map { $0 }
    }
}
