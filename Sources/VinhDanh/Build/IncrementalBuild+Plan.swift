import Foundation
import VinhDanhContent
import VinhDanhRender
import VinhDanhSupport

/// The preview server's plan: every page file with the inputs it was last written from,
/// and which of them show each profile.
extension IncrementalBuild {
    /// Positions in the plan of the files that show each profile (by profile index), and
    /// of those that show something of every profile.
    public struct Dependents: Sendable {
        var byProfile: [[Int32]]
        var everyProfile: [Int32]

        /// The positions of the files that may change when the profiles at `edited` do.
        func positions(_ edited: [Int]) -> [Int] {
            var positions = Set(everyProfile)
            for i in edited { positions.formUnion(byProfile[i]) }
            return positions.map(Int.init).sorted()
        }
    }

    /// For each profile of `after`, its index in `before` if its source did not change
    /// (both are sorted by path).
    static func unchanged(before: [Profile], after: [Profile]) -> [Int?] {
        var found = [Int?](repeating: nil, count: after.count)
        // Through buffers: reading a field of `array[i]` copies the whole profile.
        before.withUnsafeBufferPointer { before in
            after.withUnsafeBufferPointer { after in
                var j = 0
                for i in after.indices {
                    while j < before.count && before[j].path < after[i].path { j += 1 }
                    if j < before.count && before[j].path == after[i].path && before[j].sourceHash == after[i].sourceHash { found[i] = j }
                }
            }
        }
        return found
    }

    /// Every page file the renderer plans, with its inputs, but those of the kinds that
    /// follow the reload (``PageKind/followsReload``). With `previous` (the plan before an
    /// edit, and ``unchanged(before:after:)``), the file of a kind made one per profile is
    /// kept as it was for each profile whose source did not change, without hashing it
    /// again; `reused` gives, for each file, its position in the previous plan when kept
    /// so.
    static func plannedInputs(_ renderer: SiteRenderer, previous: (planned: [Planned], unchanged: [Int?])? = nil)
        -> (planned: [Planned], reused: [Int?]) {
        let jobs = renderer.jobs(followingReload: false)
        // Position in the previous plan of each per-profile file, by the profile's new index.
        var kept = [Int?](repeating: nil, count: jobs.count)
        if let previous {
            let before = previous.planned
            // Where each such kind's files start in the previous plan: profile j's file is
            // then j further on (checked, not assumed).
            var start: [Int: Int] = [:]
            for kind in PageGraph.onePerProfile.indices where PageGraph.onePerProfile[kind] {
                start[kind] = before.firstIndex { $0.job.kind == kind }
            }
            for (position, job) in jobs.enumerated() where PageGraph.onePerProfile[job.kind] {
                guard let j = previous.unchanged[job.ref.a], let first = start[job.kind] else { continue }
                let old = first + j
                if old < before.count && before[old].job.kind == job.kind && before[old].job.ref.a == j { kept[position] = old }
            }
        }
        // Only the previous plan goes into the closure: a copy of the previous renderer
        // per file would cost more than the hashing it saves.
        let reused = kept, before = previous?.planned ?? []
        let planned = Parallel.map(jobs.count) { p -> Planned in
            if let old = reused[p] { return (jobs[p], before[old].file, before[old].inputs) }
            return (jobs[p], renderer.file(of: jobs[p]), renderer.inputs(of: jobs[p]))
        }
        return (planned, reused)
    }

    /// Which planned files show each profile (pure: can run on another thread).
    public func freshDependents() -> Dependents {
        let plan = planned
        let renderer = renderer
        let noted = Parallel.map(plan.count) { renderer.inputsAndProfiles(of: plan[$0].job).profiles }
        var dependents = Dependents(byProfile: Array(repeating: [], count: renderer.site.profiles.count), everyProfile: [])
        for (position, profiles) in noted.enumerated() {
            guard let profiles else {
                dependents.everyProfile.append(Int32(position))
                continue
            }
            for i in profiles { dependents.byProfile[Int(i)].append(Int32(position)) }
        }
        return dependents
    }

    /// Keeps `dependents`, worked out by ``freshDependents()`` on this same model.
    public mutating func adopt(_ dependents: Dependents) {
        self.dependents = dependents
    }

    /// A planned file and the inputs it was last written from.
    typealias Planned = (job: PageJob, file: String, inputs: ContentHash)
}
