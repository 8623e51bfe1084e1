import Foundation
import VinhDanh

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

    static var currentYear: Int { Calendar(identifier: .gregorian).component(.year, from: Date()) }
}
