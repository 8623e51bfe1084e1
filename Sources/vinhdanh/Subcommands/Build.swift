import ArgumentParser
import VinhDanhBuild
import VinhDanhConfig

extension VinhDanhCommand {
    /// `vinhdanh build`: the whole site into the output folder, or nothing at all.
    struct Build: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Xây dựng trang web vào thư mục kết quả (mặc định DIR/public).")

        @OptionGroup var options: SiteOptions

        @Option(name: .long, help: ArgumentHelp("Thư mục kết quả.", valueName: "DIR"))
        var output: String?

        @Option(name: .customLong("base-url"), help: ArgumentHelp("Địa chỉ gốc khi xuất bản (thay baseURL của site.yaml).", valueName: "URL"))
        var baseURL: String?

        @Flag(name: .long, help: "In thời gian của từng bước.")
        var timings = false

        func run() throws {
            let paths = SitePaths(root: Terminal.absolute(options.site))
            var buildOptions = BuildOptions(
                site: paths, output: output.map(Terminal.absolute), baseURL: baseURL,
                latestYear: Terminal.currentYear, progress: Terminal.progress(label: "Đang ghi trang"))
            buildOptions.waitingForLock = Terminal.waitingForLock
            let builder = Builder(options: buildOptions)
            let result: BuildResult
            do {
                result = try builder.build()
            } catch {
                Terminal.error("lỗi: \(error)")
                throw ExitCode.failure
            }
            Terminal.print(diagnostics: result.diagnostics)
            if timings {
                Terminal.error(result.timings.map { "\($0.stage): \($0.milliseconds) ms (CPU \($0.cpuMilliseconds) ms)" }.joined(separator: ", "))
            }
            print(result.summary)
            if !result.succeeded { throw ExitCode.failure }
        }
    }
}
