import Foundation

/// Runs a system tool (`ssh`, `rsync`, `sha256sum`) and collects what it printed.
///
/// Both output streams are read on their own threads while standard input is written,
/// so a tool that prints a lot while reading a lot never blocks on a full pipe.
package enum ProcessRunner {
    /// What a finished tool left.
    package struct Result: Sendable {
        package var status: Int32
        package var output: String
        package var errors: String

        package init(status: Int32, output: String, errors: String) {
            self.status = status
            self.output = output
            self.errors = errors
        }

        /// The last non-empty lines of standard error, for a message.
        package func lastErrorLines(_ count: Int = 3) -> String {
            errors.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }.suffix(count).joined(separator: " / ")
        }
    }

    /// The absolute path of `tool` on `PATH`, or `nil` when it is not installed.
    package static func which(_ tool: String) -> String? {
        if tool.contains("/") { return FileManager.default.isExecutableFile(atPath: tool) ? tool : nil }
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(folder)/\(tool)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    /// Runs `executable` with `arguments`, feeding `input`. `onOutput` receives standard
    /// output piece by piece as it arrives (split on `\r` and `\n`), for progress.
    package static func run(_ executable: String, _ arguments: [String], input: [UInt8] = [],
                            onOutput: (@Sendable (String) -> Void)? = nil) -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        do { try process.run() } catch {
            return Result(status: 127, output: "", errors: "\(executable): \(error.localizedDescription)")
        }
        let collected = Collected()
        let group = DispatchGroup()
        for (handle, isOutput) in [(stdout.fileHandleForReading, true), (stderr.fileHandleForReading, false)] {
            group.enter()
            Thread.detachNewThread {
                // Bytes, decoded once whole: a character may be split between two reads.
                var pending: [UInt8] = []
                while true {
                    let data = handle.availableData
                    if data.isEmpty { break }
                    collected.append(data, toOutput: isOutput)
                    guard isOutput, let onOutput else { continue }
                    pending += data
                    while let end = pending.firstIndex(where: { $0 == 0x0A || $0 == 0x0D }) {
                        if end > 0 { onOutput(String(decoding: pending[..<end], as: UTF8.self)) }
                        pending.removeSubrange(...end)
                    }
                }
                if let onOutput, !pending.isEmpty { onOutput(String(decoding: pending, as: UTF8.self)) }
                group.leave()
            }
        }
        let writer = stdin.fileHandleForWriting
        // A tool that exits early closes its end: the write then fails with EPIPE (the
        // command line ignores SIGPIPE, see `VinhDanhCommand`).
        if !input.isEmpty { try? writer.write(contentsOf: Data(input)) }
        try? writer.close()
        group.wait()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, output: collected.text(output: true),
                      errors: collected.text(output: false))
    }
}

/// Bytes gathered from the two streams.
private final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var out = Data()
    private var err = Data()

    func append(_ data: Data, toOutput: Bool) {
        lock.lock()
        defer { lock.unlock() }
        if toOutput { out += data } else { err += data }
    }

    func text(output: Bool) -> String {
        lock.lock()
        defer { lock.unlock() }
        return String(decoding: output ? out : err, as: UTF8.self)
    }
}
