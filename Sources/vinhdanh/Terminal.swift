import Foundation
import VinhDanhSupport

/// Printing to the terminal: diagnostics and progress on standard error.
enum Terminal {
    static var isInteractive: Bool { isatty(2) == 1 }

    static func error(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    static func print(diagnostics: [Diagnostic]) {
        guard !diagnostics.isEmpty else { return }
        error(diagnostics.map(\.formatted).joined(separator: "\n"))
    }

    /// A progress callback that redraws one line, only on a terminal.
    static func progress(label: String) -> (@Sendable (Int, Int) -> Void)? {
        guard isInteractive else { return nil }
        return { done, total in
            let line = "\r\(label) \(done)/\(total)" + (done == total ? "\r\u{1B}[K" : "")
            FileHandle.standardError.write(Data(line.utf8))
        }
    }

    /// The absolute form of a path given on the command line.
    /// Said when another build, preview server or publish of the site is writing.
    static let waitingForLock: @Sendable () -> Void = {
        error("Một lần xây dựng khác của trang này (build, serve hoặc publish) đang ghi; chờ nó xong…")
    }

    static func absolute(_ path: String) -> String {
        let url = URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        return url.standardizedFileURL.path
    }

    /// Runs `action` on Ctrl-C or SIGTERM, then exits with 130. The signal handler only
    /// writes to a pipe (all it may safely do); a thread waiting on it runs the action.
    static func onInterrupt(_ action: @escaping @Sendable () -> Void) {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { return }
        interruptPipe = fds[1]
        let readEnd = fds[0]
        Thread.detachNewThread {
            var byte: UInt8 = 0
            guard read(readEnd, &byte, 1) == 1 else { return }
            action()
            exit(130)
        }
        signal(SIGINT, interruptHandler)
        signal(SIGTERM, interruptHandler)
    }

    static var currentYear: Int { Calendar(identifier: .gregorian).component(.year, from: Date()) }
}

/// The write end of ``Terminal/onInterrupt(_:)``'s pipe (set once, before the handler).
nonisolated(unsafe) private var interruptPipe: Int32 = -1

private func interruptHandler(_ signal: Int32) {
    var byte: UInt8 = 1
    _ = write(interruptPipe, &byte, 1)
}
