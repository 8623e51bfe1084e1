import VinhDanhVocabulary

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
