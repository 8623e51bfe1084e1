import ArgumentParser
import Foundation
import VinhDanhMarkdown
import VinhDanhSupport

/// `vinhdanh`: builds the honor-roll site of exemplary collectives, individuals and
/// households from Markdown profiles.
@main
struct VinhDanhCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vinhdanh",
        abstract: "Xây dựng trang web gương điển hình tiên tiến từ hồ sơ Markdown.",
        version: "\(VinhDanhVersion.number) (cmark-gfm \(MarkdownRenderer.libraryVersion))",
        subcommands: [Build.self, Check.self, New.self, Import.self, Publish.self, Serve.self],
        defaultSubcommand: Build.self
    )

    /// Ignores SIGPIPE, so that writing to a tool that exited early (ssh, rsync,
    /// sha256sum) fails with an error instead of killing `vinhdanh`.
    static func main() async {
        signal(SIGPIPE, SIG_IGN)
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }
}

/// Options every command takes.
struct SiteOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Thư mục trang web (chứa content/).", valueName: "DIR"))
    var site: String = "."
}
