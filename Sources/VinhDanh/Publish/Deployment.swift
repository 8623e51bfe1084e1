import Foundation
import VinhDanhSupport

/// Publishing one built site to several targets (web servers over SSH, or folders here)
/// in two phases, so the portal never serves two versions at once:
///
/// 1. On every target (a few at a time): take its lock, upload the release with rsync
///    beside the others (`--link-dest` to the current one: unchanged files are hard links
///    and do not cross the network; files compared by content), then check it against a
///    manifest of SHA-256 hashes and its file count, on the server.
/// 2. Only when every target has its release whole, point each `current` at it with one
///    rename. If any upload failed, nothing switches anywhere.
///
/// Each target keeps the layout of a local publishing folder (``Releases``).
public struct Deployment: Sendable {
    /// The targets, in the order given.
    public let targets: [PublishTarget]
    public let ssh: SSHCommand
    /// Releases kept on each target after a publish, the current one included.
    public let keep: Int
    /// Called with a target's index and its upload so far (from the upload threads).
    public var progress: (@Sendable (Int, RsyncReport) -> Void)?

    /// Targets worked on at once.
    static let parallelTargets = 4

    /// What a publish did.
    public struct Outcome: Sendable {
        /// The new release's name (the same on every target).
        public var release: String
        /// Each target's upload, in target order.
        public var uploads: [RsyncReport]
    }

    public init(targets: [PublishTarget], ssh: SSHCommand = SSHCommand(), keep: Int = 5) {
        self.targets = targets
        self.ssh = ssh
        self.keep = max(1, keep)
    }

    private var hosts: [ReleaseHost] { targets.map { ReleaseHost(target: $0, ssh: ssh) } }

    /// Who holds a target's lock, written into it for whoever finds it taken.
    private static let owner: String = {
        let user = ProcessInfo.processInfo.environment["USER"] ?? "?"
        return "\(user)@\(ProcessInfo.processInfo.hostName) pid \(getpid()) \(ISO8601DateFormatter().string(from: Date()))"
    }()

    /// Publishes the site in `folder` to every target: locks them all, then has `build`
    /// bring `folder` up to date (a failing build, or a target that cannot be reached,
    /// changes nothing), then uploads and switches. `hashes` keeps the files' SHA-256
    /// between publishes (only files changed since are read again).
    public func publish(folder: String, hashes: String? = nil, at date: Date = Date(),
                        building build: () throws -> Void = {}) throws -> Result<Outcome, DeploymentFailure> {
        let hosts = hosts
        if let missing = missingTools() { return .failure(DeploymentFailure(phase: .prepare, failures: [missing])) }
        let states: [PreparedTarget]
        switch prepareAll(checkingTools: true) {
        case .success(let prepared): states = prepared
        case .failure(let failure): return .failure(failure)
        }
        defer { HeldLocks.shared.remove(hosts) }
        let manifest: ReleaseManifest
        do {
            try build()
            manifest = try ReleaseManifest.make(folder, cache: hashes).get()
        } catch {
            unlockAll()
            if let failure = error as? HostFailure { return .failure(DeploymentFailure(phase: .prepare, failures: [failure])) }
            throw error
        }
        let name = Releases.releaseName(at: date, taken: Set(states.flatMap(\.releases)))
        let progress = progress
        let uploads = Parallel.map(hosts.count, workers: Self.parallelTargets) { i in
            Self.upload(hosts[i], folder: folder, name: name, linkingTo: states[i].current, manifest: manifest) { progress?(i, $0) }
        }
        let failures = uploads.compactMap { if case .failure(let f) = $0 { f } else { nil } }
        guard failures.isEmpty else {
            _ = Parallel.map(hosts.count, workers: Self.parallelTargets) { hosts[$0].run(["discard", hosts[$0].root, name, Self.owner]) }
            return .failure(DeploymentFailure(phase: .upload, failures: failures))
        }
        let reports = uploads.compactMap { try? $0.get() }
        if let failure = switchAll(to: name, from: states, keep: keep) { return .failure(failure) }
        return .success(Outcome(release: name, uploads: reports))
    }

    /// Releases the locks this process holds on any target (after Ctrl-C: the uploads it
    /// left are removed by the next publish).
    public static func releaseHeldLocks() {
        let hosts = HeldLocks.shared.all()
        _ = Parallel.map(hosts.count, workers: parallelTargets) { hosts[$0].run(["unlock", hosts[$0].root, owner]) }
    }

    /// Asks every target to release the lock if this process holds it.
    private func unlockAll() {
        let hosts = hosts
        _ = Parallel.map(hosts.count, workers: Self.parallelTargets) { hosts[$0].run(["unlock", hosts[$0].root, Self.owner]) }
    }

    /// Publishes to one folder on this machine by building straight into it: `build`
    /// writes the release into its first argument, with files unchanged since the current
    /// release (its second argument, if any) as hard links to it, or throws (nothing then
    /// changes). Locking, naming, switching and keeping are those of any target.
    public static func publish(intoFolder root: String, keep: Int, at date: Date = Date(),
                               building build: (_ release: String, _ current: String?) throws -> Void) throws -> Result<String, DeploymentFailure> {
        try Deployment(targets: [.folder(root)], keep: keep).publishBuilding(at: date, build)
    }

    private func publishBuilding(at date: Date, _ build: (_ release: String, _ current: String?) throws -> Void) throws -> Result<String, DeploymentFailure> {
        let root = hosts[0].root
        let states: [PreparedTarget]
        switch prepareAll(checkingTools: false) {
        case .success(let prepared): states = prepared
        case .failure(let failure): return .failure(failure)
        }
        defer { HeldLocks.shared.remove(hosts) }
        let host = hosts[0]
        let name = Releases.releaseName(at: date, taken: Set(states[0].releases))
        do {
            try build(root + "/releases/.\(name).partial", states[0].current.map { root + "/releases/" + $0 })
        } catch {
            _ = host.run(["discard", root, name, Self.owner])
            throw error
        }
        let adopted = host.run(["adopt", root, name])
        guard adopted.status == 0 else {
            _ = host.run(["discard", root, name, Self.owner])
            return .failure(DeploymentFailure(phase: .upload, failures: [HostFailure(host, adopted, doing: "đặt tên bản mới")]))
        }
        if let failure = switchAll(to: name, from: states, keep: keep) { return .failure(failure) }
        return .success(name)
    }

    /// Points every target back: at `name`, or (when `nil`) at the release before the
    /// one they all serve. Returns the release now served.
    public func rollback(to name: String?) -> Result<String, DeploymentFailure> {
        let states: [PreparedTarget]
        switch prepareAll(checkingTools: false) {
        case .success(let prepared): states = prepared
        case .failure(let failure): return .failure(failure)
        }
        defer { HeldLocks.shared.remove(hosts) }
        func refuse(_ failures: [HostFailure]) -> Result<String, DeploymentFailure> {
            unlockAll()
            return .failure(DeploymentFailure(phase: .prepare, failures: failures))
        }
        let target: String
        if let name {
            target = name
        } else {
            let currents = Set(states.map { $0.current ?? "" })
            guard currents.count == 1, let current = states.first?.current, !current.isEmpty else {
                let list = zip(targets, states).map { "\($0): \($1.current ?? "chưa có")" }.joined(separator: "; ")
                return refuse([HostFailure(target: "các đích", reason: "không đang ở cùng một bản (\(list)); chọn bản bằng --rollback-to TÊN")])
            }
            guard let previous = states[0].releases.last(where: { $0 < current }) else {
                return refuse([HostFailure(target: targets[0].description, reason: "không có bản nào trước bản \(current)")])
            }
            target = previous
        }
        let missing = zip(targets, states).filter { !$1.releases.contains(target) }
            .map { HostFailure(target: $0.0.description, reason: "không có bản \(target) (có: \($0.1.releases.suffix(5).joined(separator: ", ")))") }
        if !missing.isEmpty { return refuse(missing) }
        if let failure = switchAll(to: target, from: states, keep: 0) { return .failure(failure) }
        return .success(target)
    }

    /// rsync here, and ssh when a target needs it.
    private func missingTools() -> HostFailure? {
        if ProcessRunner.which("rsync") == nil {
            return HostFailure(target: "máy này", reason: "chưa có rsync (cài: sudo apt-get install rsync)")
        }
        let remote = targets.contains { if case .remote = $0 { true } else { false } }
        if remote && ssh.custom == nil && ProcessRunner.which("ssh") == nil {
            return HostFailure(target: "máy này", reason: "chưa có ssh (cài: sudo apt-get install openssh-client)")
        }
        return nil
    }

    /// A target after `prepare`: locked, with its releases.
    struct PreparedTarget: Sendable {
        var current: String?
        var releases: [String]
    }

    /// Locks every target and reads its releases; on any failure unlocks them all (a
    /// target that failed may have taken its lock before failing).
    private func prepareAll(checkingTools: Bool) -> Result<[PreparedTarget], DeploymentFailure> {
        let hosts = hosts
        HeldLocks.shared.add(hosts)
        let results = Parallel.map(hosts.count, workers: Self.parallelTargets) { i -> Result<PreparedTarget, HostFailure> in
            let host = hosts[i]
            let result = host.run(["prepare", host.root, Self.owner, checkingTools ? "tools" : "-"])
            guard result.status == 0, result.output.contains("vinhdanh: ready") else {
                return .failure(HostFailure(host, result, doing: "chuẩn bị thư mục xuất bản"))
            }
            var state = PreparedTarget(current: nil, releases: [])
            for line in result.output.split(whereSeparator: \.isNewline) {
                if line.hasPrefix("current ") { state.current = String(line.dropFirst(8)) }
                if line.hasPrefix("release ") { state.releases.append(String(line.dropFirst(8))) }
            }
            state.releases.sort()
            return .success(state)
        }
        let failures = results.compactMap { if case .failure(let f) = $0 { f } else { nil } }
        guard failures.isEmpty else {
            unlockAll()
            HeldLocks.shared.remove(hosts)
            return .failure(DeploymentFailure(phase: .prepare, failures: failures))
        }
        return .success(results.compactMap { try? $0.get() })
    }

    /// Uploads `folder` as release `name` and has the target check it.
    private static func upload(_ host: ReleaseHost, folder: String, name: String, linkingTo current: String?,
                               manifest: ReleaseManifest, progress: @escaping @Sendable (RsyncReport) -> Void) -> Result<RsyncReport, HostFailure> {
        let (destination, shell) = host.rsyncDestination(".\(name).partial/")
        var arguments = ["-rlp", "--checksum", "--delete", "--chmod=D755,F644", "--timeout=120",
                         "--no-inc-recursive", "--info=progress2,stats2"]
        // Relative to the upload folder: unchanged files become hard links to the current release.
        if let current { arguments.append("--link-dest=../\(current)") }
        if let shell { arguments += ["-e", shell] }
        arguments += ["--", folder + "/", destination]
        let report = ReportBox()
        let result = ProcessRunner.run(ProcessRunner.which("rsync") ?? "rsync", arguments) { line in
            progress(report.read(line))
        }
        guard result.status == 0 else { return .failure(HostFailure(host, result, doing: "gửi bản mới")) }
        let verified = host.run(["verify", host.root, name, String(manifest.count), owner], input: Array(manifest.text.utf8))
        guard verified.status == 0, verified.output.contains("vinhdanh: verified") else {
            return .failure(HostFailure(host, verified, doing: "kiểm tra bản vừa gửi"))
        }
        return .success(report.value)
    }

    /// Switches every target to `name` (then prunes to `keep`, 0 for none, and unlocks).
    private func switchAll(to name: String, from states: [PreparedTarget], keep: Int) -> DeploymentFailure? {
        let hosts = hosts
        let results = Parallel.map(hosts.count, workers: Self.parallelTargets) { i -> HostFailure? in
            let result = hosts[i].run(["switch", hosts[i].root, name, String(keep), Self.owner])
            guard result.status == 0, result.output.contains("vinhdanh: switched") else {
                _ = hosts[i].run(["unlock", hosts[i].root, Self.owner])
                return HostFailure(hosts[i], result, doing: "chuyển current")
            }
            return nil
        }
        let failures = results.compactMap { $0 }
        guard !failures.isEmpty else { return nil }
        var failure = DeploymentFailure(phase: .switch, failures: failures)
        failure.release = name
        for (i, result) in results.enumerated() {
            if result == nil { failure.switched.append((targets[i].description, states[i].current)) } else {
                failure.pending.append(targets[i].description)
            }
        }
        return failure
    }
}

/// The targets whose lock this process may hold, for ``Deployment/releaseHeldLocks()``.
private final class HeldLocks: @unchecked Sendable {
    static let shared = HeldLocks()
    private let lock = NSLock()
    private var hosts: [ReleaseHost] = []

    func add(_ more: [ReleaseHost]) {
        lock.lock()
        defer { lock.unlock() }
        hosts += more
    }

    func remove(_ done: [ReleaseHost]) {
        lock.lock()
        defer { lock.unlock() }
        let targets = Set(done.map(\.target))
        hosts.removeAll { targets.contains($0.target) }
    }

    func all() -> [ReleaseHost] {
        lock.lock()
        defer { lock.unlock() }
        return hosts
    }
}

/// The upload's report, updated by rsync's output thread.
private final class ReportBox: @unchecked Sendable {
    private let lock = NSLock()
    private var report = RsyncReport()

    func read(_ line: String) -> RsyncReport {
        lock.lock()
        defer { lock.unlock() }
        report.read(line)
        return report
    }

    var value: RsyncReport { lock.lock(); defer { lock.unlock() }; return report }
}
