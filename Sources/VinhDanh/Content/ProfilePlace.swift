/// Where a profile stands among the places with a history: here, in Content, because
/// ``PlaceHistory`` (Vocabulary) comes before profiles in the pipeline.
extension Vocabularies {
    /// Today's commune (index in ``PlaceHistory/communes``) of `profile`: the one it is
    /// filed under, or the one its former `commune` is part of, if that can be followed
    /// from the day ``Profile/communeDate``.
    public func today(of profile: borrowing Profile) -> Int? {
        if let commune = commune(ofEntry: profile.district) { return commune }
        guard let written = profile.commune, !places.communes.isEmpty,
              case .commune(let found, _) = places.resolve(written, district: profile.district, on: profile.communeDate) else { return nil }
        return found
    }
}

extension Vocabularies {
    /// What the place at `entry` (index in ``districts``) became: the unit that took it
    /// over whole, and today's communes formed from its units (entries in ``districts``).
    public func successors(ofEntry entry: Int) -> [Int] {
        var found = places.unitTakingOver(entry).map { [$0] } ?? []
        found += places.communes.indices.filter { c in places.communes[c].formedFrom.contains { $0.district == entry } }
            .map(self.entry(ofCommune:))
        return found
    }
}
