import ArgumentParser
import Foundation
import VinhDanhBuild
import VinhDanhConfig

extension VinhDanhCommand {
    /// `vinhdanh check`: loads and validates the site, writes nothing.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Kiểm tra nội dung (không ghi gì); thoát với mã 1 nếu có lỗi.")

        @OptionGroup var options: SiteOptions

        @Option(name: .long, help: "Định dạng kết quả: text hoặc json.")
        var format: Format = .text

        @Flag(name: .long, help: "Coi cảnh báo là lỗi.")
        var strict = false

        enum Format: String, ExpressibleByArgument { case text, json }

        func run() throws {
            let paths = SitePaths(root: Terminal.absolute(options.site))
            let (site, diagnostics) = Builder(options: BuildOptions(site: paths, latestYear: Terminal.currentYear)).check()
            switch format {
            case .text:
                Terminal.print(diagnostics: diagnostics)
                let errors = diagnostics.count { $0.severity == .error }
                print("Đã kiểm tra \(site.profiles.count) hồ sơ: \(errors) lỗi, \(diagnostics.count - errors) cảnh báo.")
            case .json:
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                let data = try encoder.encode(diagnostics)
                print(String(decoding: data, as: UTF8.self))
            }
            let failing = diagnostics.contains { $0.severity == .error || (strict && $0.severity == .warning) }
            if failing { throw ExitCode.failure }
        }
    }
}
