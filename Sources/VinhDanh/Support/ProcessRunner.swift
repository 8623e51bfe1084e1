import Foundation

/// Runs a system tool (`ssh`, `rsync`, `sha256sum`) and collects what it printed.
///
/// Both output streams are read on their own threads while standard input is written,
/// so a tool that prints a lot while reading a lot never blocks on a full pipe.
enum ProcessRunner {
    /// What a finished tool left.
    struct Result: Sendable {
        var status: Int32
        var output: String
        var errors: String

        /// The last non-empty lines of standard error, for a message.
        func lastErrorLines(_ count: Int = 3) -> String {
            errors.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }.suffix(count).joined(separator: " / ")
        }
    }

    /// The absolute path of `tool` on `PATH`, or `nil` when it is not installed.
    static func which(_ tool: String) -> String? {
        if tool.contains("/") { return FileManager.default.isExecutableFile(atPath: tool) ? tool : nil }
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(folder)/\(tool)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    /// Runs `executable` with `arguments`, feeding `input`. `onOutput` receives standard
    /// output piece by piece as it arrives (split on `\r` and `\n`), for progress.
    static func run(_ executable: String, _ arguments: [String], input: [UInt8] = [],
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
                var pending = ""
                while true {
                    let data = handle.availableData
                    if data.isEmpty { break }
                    let text = String(decoding: data, as: UTF8.self)
                    collected.append(text, toOutput: isOutput)
                    guard isOutput, let onOutput else { continue }
                    pending += text
                    let pieces = pending.split(omittingEmptySubsequences: false) { $0 == "\r" || $0 == "\n" || $0 == "\r\n" }
                    for piece in pieces.dropLast() where !piece.isEmpty { onOutput(String(piece)) }
                    pending = String(pieces.last ?? "")
                }
                if let onOutput, !pending.isEmpty { onOutput(pending) }
                group.leave()
            }
        }
        let writer = stdin.fileHandleForWriting
        if !input.isEmpty {
            // A tool that exits early closes its end; the write then fails quietly.
            signal(SIGPIPE, SIG_IGN)
            try? writer.write(contentsOf: Data(input))
        }
        try? writer.close()
        group.wait()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, output: collected.output, errors: collected.errors)
    }
}

/// Text gathered from the two streams.
private final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var out = ""
    private var err = ""

    func append(_ text: String, toOutput: Bool) {
        lock.lock()
        defer { lock.unlock() }
        if toOutput { out += text } else { err += text }
    }

    var output: String { lock.lock(); defer { lock.unlock() }; return out }
    var errors: String { lock.lock(); defer { lock.unlock() }; return err }
}
