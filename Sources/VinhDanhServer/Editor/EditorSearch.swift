import Foundation
import VinhDanhContent
import VinhDanhText

/// The text the editor's list searches for each profile (title, place, commune), folded
/// without accents once per version of the site, not on every request: at 35,000 profiles
/// folding takes tens of milliseconds.
final class EditorSearch: @unchecked Sendable {  // `cached` is only touched under `lock`
    private let lock = NSLock()
    private var cached: (generation: Int, texts: [String])?

    /// The folded texts of `site`'s profiles, made anew when the model's `generation` moved.
    func texts(of site: Site, generation: Int) -> [String] {
        if let cached = lock.withLock({ cached }), cached.generation == generation, cached.texts.count == site.profiles.count {
            return cached.texts
        }
        let places = site.vocabularies.districts.entries
        let texts = site.profiles.map { Folding.fold($0.title + " " + places[$0.district].name + " " + ($0.commune ?? "")) }
        lock.withLock { cached = (generation, texts) }
        return texts
    }
}
