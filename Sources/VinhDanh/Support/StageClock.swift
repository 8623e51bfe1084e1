import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The wall and CPU time of each stage of one operation (a preview update), printed to
/// standard error as `trace: NAME WALL/CPU ms` when the environment sets
/// `VINHDANH_TRACE`; silent and nearly free otherwise. For performance work:
/// `bench/serve.py` runs the server with it and prints the stages of each edit.
package struct StageClock {
    private static let enabled = ProcessInfo.processInfo.environment["VINHDANH_TRACE"] != nil
    private var wall = DispatchTime.now().uptimeNanoseconds
    private var cpu = StageClock.cpuMicroseconds()
    private var stages: [String] = []

    /// A clock started now.
    package init() {}

    /// Ends the stage running since the last lap (or since the clock was made).
    package mutating func lap(_ name: @autoclosure () -> String) {
        guard Self.enabled else { return }
        let now = DispatchTime.now().uptimeNanoseconds, used = Self.cpuMicroseconds()
        stages.append("\(name()) \((now - wall) / 1_000_000)/\((used - cpu) / 1000)")
        wall = now
        cpu = used
    }

    /// Prints the stages on one line.
    package func report(_ what: String) {
        guard Self.enabled, !stages.isEmpty else { return }
        FileHandle.standardError.write(Data("trace: \(what): \(stages.joined(separator: ", ")) ms (wall/CPU)\n".utf8))
    }

    /// CPU time of the whole process (all threads), user and system.
    private static func cpuMicroseconds() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1_000_000 + Int(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec)
    }
}
