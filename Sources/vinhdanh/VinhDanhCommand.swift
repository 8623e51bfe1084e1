import VinhDanh
import ArgumentParser

/// `vinhdanh`: builds the honor-roll site of exemplary collectives, individuals and
/// households from Markdown profiles.
@main
struct VinhDanhCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vinhdanh",
        abstract: "Xây dựng trang web gương điển hình tiên tiến từ hồ sơ Markdown.",
        version: VinhDanhVersion.number,
        subcommands: [Build.self, Check.self, New.self, Import.self, Publish.self, Serve.self],
        defaultSubcommand: Build.self
    )
}

/// Options every command takes.
struct SiteOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Thư mục trang web (chứa content/).", valueName: "DIR"))
    var site: String = "."
}
