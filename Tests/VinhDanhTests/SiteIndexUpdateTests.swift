import Foundation
import Testing
@testable import VinhDanh

/// The index after an edit, made from the index before it, equals the index made from
/// nothing: same order, same lists, same newest, same counts.
struct SiteIndexUpdateTests {
    static func same(_ a: SiteIndex, _ b: SiteIndex) -> Bool {
        a.order == b.order && a.newest == b.newest && a.countsByKind == b.countsByKind && a.awardCount == b.awardCount
            && a.dates == b.dates && a.sortKeys == b.sortKeys && a.factHashes == b.factHashes
            && a.taxonomies.map { $0.terms.map { "\($0.key) \($0.name) \($0.profiles)" } }
                == b.taxonomies.map { $0.terms.map { "\($0.key) \($0.name) \($0.profiles)" } }
    }

    @Test(arguments: 0..<20)
    func anUpdatedIndexEqualsAFreshOne(seed: Int) {
        var random = EditSequenceTests.Random(state: UInt64(seed) + 1)
        let before = PlaceHistoryTests.site
        let old = SiteIndex(site: before)
        var after = before
        // Up to three profiles deleted, edited (new title, year, movement) or added.
        for _ in 0...random.next(3) {
            let i = random.next(after.profiles.count)
            switch random.next(3) {
            case 0: after.profiles.remove(at: i)
            case 1:
                after.profiles[i].title = "Nguyễn Văn Mới \(i)"
                after.profiles[i].awards[0].year -= 1
                after.profiles[i].sourceHash = ContentHash(Array("edited \(i)".utf8))
            default:
                var copy = after.profiles[i]
                copy.path = copy.path.replacingOccurrences(of: ".md", with: "-\(i)-moi.md")
                copy.slug += "-\(i)-moi"
                copy.movements = Array(copy.movements.reversed().prefix(1))
                copy.sourceHash = ContentHash(Array(copy.path.utf8))
                after.profiles.insert(copy, at: after.profiles.firstIndex { $0.path > copy.path } ?? after.profiles.count)
            }
        }
        let unchanged = IncrementalBuild.unchanged(before: before.profiles, after: after.profiles)
        #expect(Self.same(SiteIndex(site: after, previous: old, unchanged: unchanged), SiteIndex(site: after)))
    }
}
