import Foundation
import Testing
@testable import VinhDanhBuild
@testable import VinhDanhContent
@testable import VinhDanhIndex
@testable import VinhDanhSupport
import VinhDanhTestSupport

/// The index after an edit, made from the index before it, equals the index made from
/// nothing: same order, same lists, same newest, same counts.
struct SiteIndexUpdateTests {
    static func same(_ a: SiteIndex, _ b: SiteIndex) -> Bool {
        a.order == b.order && a.newest == b.newest && a.countsByKind == b.countsByKind && a.awardCount == b.awardCount
            && a.dates == b.dates && a.sortKeys == b.sortKeys && a.factHashes == b.factHashes && a.todayCommunes == b.todayCommunes
            && a.taxonomies.map { $0.terms.map { "\($0.key) \($0.name) \($0.profiles)" } }
                == b.taxonomies.map { $0.terms.map { "\($0.key) \($0.name) \($0.profiles)" } }
    }

    /// Up to three edits of the sample, by seed: a profile deleted, edited (new title, an
    /// award a year earlier) or added (a copy in one movement), or a district emptied.
    static func edited(seed: Int) -> Site {
        var random = EditSequenceTests.Random(state: UInt64(seed) + 1)
        var after = TestRepository.sampleSite
        for _ in 0...random.next(3) {
            let i = random.next(after.profiles.count)
            switch random.next(4) {
            case 0: after.profiles.remove(at: i)
            case 3:
                // A whole district-level unit emptied (its terms and counts go).
                let district = after.profiles[i].district
                after.profiles.removeAll { $0.district == district }
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
        return after
    }

    @Test(arguments: 0..<20)
    func anUpdatedIndexEqualsAFreshOne(seed: Int) {
        let before = TestRepository.sampleSite, after = Self.edited(seed: seed)
        let unchanged = IncrementalBuild.unchanged(before: before.profiles, after: after.profiles)
        #expect(Self.same(SiteIndex(site: after, previous: SiteIndex(site: before), unchanged: unchanged), SiteIndex(site: after)))
    }

    @Test(arguments: 0..<20)
    func updatedStatisticsEqualFreshOnes(seed: Int) {
        let before = TestRepository.sampleSite, after = Self.edited(seed: seed)
        let unchanged = IncrementalBuild.unchanged(before: before.profiles, after: after.profiles)
        var kept = [Bool](repeating: false, count: before.profiles.count)
        for case let old? in unchanged { kept[old] = true }
        let updated = Statistics(site: before).updated(
            removing: kept.indices.filter { !kept[$0] }.map { before.profiles[$0] },
            adding: unchanged.indices.filter { unchanged[$0] == nil }.map { after.profiles[$0] },
            vocabularies: after.vocabularies, filed: SiteIndex(site: after).buckets)
        let fresh = Statistics(site: after)
        func table(_ s: Statistics) -> String {
            "\(s.total) \(s.profiles) \(s.byAwardTotals) \([s.byAward, s.byDistrict, s.byMovement, s.byYear].map { $0.map { "\($0.key) \($0.counts)" } })"
                + " \(s.byAwardAndYear.sorted { $0.key < $1.key }.map { ($0.key, $0.value.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }) })"
                + " \(s.districtCounts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }) \(s.movementCounts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" })"
        }
        #expect(table(updated) == table(fresh))
    }
}
