/// Where a profile stands among the places with a history: here, in Content, because
/// ``PlaceHistory`` (Vocabulary) comes before profiles in the pipeline.
extension PlaceHistory {
    /// Today's commune that `profile`'s `commune` is part of (index in ``communes``), if
    /// it can be followed from the day ``Profile/communeDate``.
    public func today(of profile: borrowing Profile) -> Int? {
        guard let written = profile.commune, !communes.isEmpty,
              case .commune(let found, _) = resolve(written, district: profile.district, on: profile.communeDate) else { return nil }
        return found
    }
}
