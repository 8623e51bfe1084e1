import ArgumentParser
import Foundation
import VinhDanh

extension VinhDanhCommand {
    /// `vinhdanh publish`: builds and publishes to a releases folder (switched atomically),
    /// rolls back, or writes a zip for portals that take uploads.
    struct Publish: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Xuất bản: xây dựng vào DIR/releases/<thời điểm>/ rồi chuyển DIR/current; hoặc quay lại bản trước; hoặc tạo tệp zip.")

        @OptionGroup var options: SiteOptions

        @Option(name: .long, help: ArgumentHelp("Thư mục xuất bản trên máy chủ (web server trỏ vào DIR/current).", valueName: "DIR"))
        var to: String?

        @Flag(name: .long, help: "Chuyển DIR/current về bản xuất bản trước đó.")
        var rollback = false

        @Option(name: .long, help: "Số bản xuất bản giữ lại.")
        var keep = 5

        @Option(name: .long, help: ArgumentHelp("Ghi trang web đã xây dựng thành một tệp zip.", valueName: "FILE.zip"))
        var archive: String?

        @Option(name: .customLong("base-url"), help: ArgumentHelp("Địa chỉ gốc khi xuất bản (thay baseURL của site.yaml).", valueName: "URL"))
        var baseURL: String?

        func validate() throws {
            guard (to == nil) != (archive == nil) else { throw ValidationError("cần đúng một trong --to DIR hoặc --archive FILE.zip") }
            if rollback && to == nil { throw ValidationError("--rollback đi cùng --to DIR") }
            if keep < 1 { throw ValidationError("--keep phải từ 1 trở lên") }
        }

        func run() throws {
            let paths = SitePaths(root: Terminal.absolute(options.site))
            if let to {
                let releases = Releases(root: Terminal.absolute(to), keep: keep)
                if rollback {
                    guard let previous = releases.previousRelease() else {
                        Terminal.error("lỗi: không có bản xuất bản nào trước bản hiện tại trong \(releases.releasesFolder)")
                        throw ExitCode.failure
                    }
                    try releases.switchTo(previous)
                    print("Đã quay lại bản \(previous): current → releases/\(previous)")
                    return
                }
                let name = releases.newReleaseName(at: Date())
                // Files unchanged since the current release are hard links to it.
                let previous = releases.currentRelease().map { releases.releasesFolder + "/" + $0 }
                let result = try build(paths, output: releases.releasesFolder + "/" + name,
                                       mode: .newFolder(linkingFrom: previous))
                try releases.switchTo(name)
                releases.prune()
                print("\(result.summary)\nĐã xuất bản bản \(name): current → releases/\(name)")
            } else if let archive {
                let target = Terminal.absolute(archive)
                let folder = target + ".site-\(getpid())"
                defer { try? FileManager.default.removeItem(atPath: folder) }
                let result = try build(paths, output: folder, mode: .newFolder(linkingFrom: nil))
                // A fixed date (1980-01-01, the zip epoch) keeps archives byte-identical.
                try SiteArchive.write(folder: folder, to: target, date: Date(timeIntervalSince1970: 315_532_800))
                print("\(result.summary)\nĐã ghi \(archive)")
            }
        }

        private func build(_ paths: SitePaths, output: String, mode: OutputMode) throws -> BuildResult {
            var options = BuildOptions(site: paths, output: output, baseURL: baseURL, latestYear: Terminal.currentYear,
                                       progress: Terminal.progress(label: "Đang ghi trang"))
            options.outputMode = mode
            options.waitingForLock = Terminal.waitingForLock
            let result = try Builder(options: options).build()
            Terminal.print(diagnostics: result.diagnostics)
            guard result.succeeded else {
                print(result.summary)
                Terminal.error("Không xuất bản: bản đang chạy giữ nguyên.")
                throw ExitCode.failure
            }
            return result
        }
    }
}
