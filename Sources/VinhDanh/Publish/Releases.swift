import Foundation
import VinhDanhSupport
#if canImport(Glibc)
import Glibc
#endif

/// A publishing folder as read on this machine: `releases/<timestamp>/` holds whole
/// builds, and `current` is a symlink to one of them, switched with one rename so a web
/// server pointed at `current` never serves a mix of two versions. Changing it is
/// ``Deployment``'s (with ``ReleaseScript``, the same on a server), which also names
/// releases here.
public struct Releases: Sendable {
    /// The publishing folder (`--to`).
    public let root: String

    /// A publishing folder at `root`.
    public init(root: String) {
        var root = root
        while root.count > 1 && root.hasSuffix("/") { root.removeLast() }
        self.root = root
    }

    public var releasesFolder: String { root + "/releases" }
    public var current: String { root + "/current" }

    /// Release names, oldest first (timestamps sort as text).
    public func list() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: releasesFolder)) ?? []
        return names.filter { !$0.hasPrefix(".") && FileIO.isDirectory(releasesFolder + "/" + $0) }.sorted()
    }

    /// The release `current` points to, if any.
    public func currentRelease() -> String? {
        guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: current) else { return nil }
        return target.split(separator: "/").last.map(String.init)
    }

    /// A new, unused release folder name for `date` (UTC, `20241220-153000`).
    public func newReleaseName(at date: Date) -> String {
        Self.releaseName(at: date, taken: Set(list()))
    }

    /// A release name for `date` (UTC, `20241220-153000`) not among `taken`: names sort
    /// as time does, and one name serves every server of a publish.
    public static func releaseName(at date: Date, taken: Set<String>) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let base = String(format: "%04d%02d%02d-%02d%02d%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0, c.second ?? 0)
        var name = base
        var n = 2
        while taken.contains(name) { name = "\(base)-\(n)"; n += 1 }
        return name
    }
}
