import ArgumentParser
import Foundation
import VinhDanhBuild
import VinhDanhConfig
import VinhDanhContent
import VinhDanhOutput
import VinhDanhPublish
import VinhDanhRender

extension VinhDanhCommand {
    /// `vinhdanh publish`: builds and publishes to one or more releases folders (local, or
    /// on web servers over SSH; switched atomically, all or none), rolls back, or writes a
    /// zip for portals that take uploads.
    struct Publish: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Xuất bản: xây dựng rồi gửi bản mới vào DIR/releases/<thời điểm>/ trên mỗi đích và chuyển DIR/current ở mọi nơi cùng lúc; hoặc quay lại bản trước; hoặc tạo tệp zip.",
            discussion: """
            ĐÍCH có thể là một thư mục trên máy này, ssh://NGƯỜI-DÙNG@MÁY-CHỦ[:CỔNG]/THƯ-MỤC, \
            NGƯỜI-DÙNG@MÁY-CHỦ:THƯ-MỤC, hoặc một tên khai báo trong site.yaml (publish: {tên: [đích, …]}). \
            --to có thể lặp lại: một trang, nhiều máy chủ. Kết nối dùng ssh và rsync của hệ thống \
            (khoá, ssh-agent, ~/.ssh/config, known_hosts của bạn); VINHDANH_SSH thay lệnh ssh, \
            ví dụ VINHDANH_SSH='ssh -F /duong/dan/config'.
            """)

        @OptionGroup var options: SiteOptions

        @Option(name: .long, help: ArgumentHelp("Đích xuất bản (lặp lại được); web server trỏ vào DIR/current.", valueName: "ĐÍCH"))
        var to: [String] = []

        @Flag(name: .long, help: "Chuyển current về bản xuất bản trước đó, trên mọi đích.")
        var rollback = false

        @Option(name: .customLong("rollback-to"), help: ArgumentHelp("Chuyển current của mọi đích về bản có tên này.", valueName: "TÊN"))
        var rollbackTo: String?

        @Option(name: .long, help: "Số bản xuất bản giữ lại trên mỗi đích (kể cả bản đang chạy).")
        var keep = 5

        @Option(name: .long, help: ArgumentHelp("Ghi trang web đã xây dựng thành một tệp zip.", valueName: "FILE.zip"))
        var archive: String?

        @Option(name: .customLong("base-url"), help: ArgumentHelp("Địa chỉ gốc khi xuất bản (thay baseURL của site.yaml).", valueName: "URL"))
        var baseURL: String?

        func validate() throws {
            guard to.isEmpty != (archive == nil) else { throw ValidationError("cần --to ĐÍCH (một hoặc nhiều) hoặc --archive FILE.zip, không cả hai") }
            if (rollback || rollbackTo != nil) && to.isEmpty { throw ValidationError("--rollback và --rollback-to đi cùng --to") }
            if rollback && rollbackTo != nil { throw ValidationError("chọn --rollback hoặc --rollback-to, không cả hai") }
            if keep < 1 { throw ValidationError("--keep phải từ 1 trở lên") }
        }

        func run() throws {
            let paths = SitePaths(root: Terminal.absolute(options.site))
            if let archive {
                try writeArchive(paths, archive)
                return
            }
            let targets = try resolveTargets(paths)
            let deployment = Deployment(targets: targets, keep: keep)
            if rollback || rollbackTo != nil {
                switch deployment.rollback(to: rollbackTo) {
                case .success(let release):
                    print("Đã chuyển current → releases/\(release) trên: " + targets.map(\.description).joined(separator: ", "))
                case .failure(let failure):
                    Terminal.error(failure.description)
                    throw ExitCode.failure
                }
                return
            }
            if targets.count == 1, case .folder(let folder) = targets[0] {
                try publishHere(paths, folder)
                return
            }
            try upload(deployment, paths)
        }

        /// The targets of every `--to`, each once; a typo is an error, never a new folder.
        private func resolveTargets(_ paths: SitePaths) throws -> [PublishTarget] {
            let configured = SiteLoader.config(paths).0.publish
            var targets: [PublishTarget] = []
            for text in to {
                do {
                    for target in try PublishTarget.parse(text, configured: configured, directory: FileManager.default.currentDirectoryPath)
                    where !targets.contains(target) { targets.append(target) }
                } catch {
                    Terminal.error("lỗi: \(error)")
                    throw ExitCode.failure
                }
            }
            return targets
        }

        /// One folder on this machine: the release is built in place, its unchanged files
        /// hard links to the current release.
        private func publishHere(_ paths: SitePaths, _ folder: String) throws {
            var summary = ""
            let outcome = try Deployment.publish(intoFolder: folder, keep: keep) { release, current in
                summary = try build(paths, output: release, mode: .newFolder(linkingFrom: current)).summary
            }
            switch outcome {
            case .success(let name):
                print("\(summary)\nĐã xuất bản bản \(name): current → releases/\(name)")
            case .failure(let failure):
                Terminal.error(failure.description)
                throw ExitCode.failure
            }
        }

        /// Locks every target, builds the site into `.vinhdanh/publish/site/`, sends it to
        /// every target, then switches all of them.
        private func upload(_ deployment: Deployment, _ paths: SitePaths) throws {
            var deployment = deployment
            let board = ProgressBoard(targets: deployment.targets.map(\.description))
            if Terminal.isInteractive { deployment.progress = { board.update($0, $1) } }
            // Ctrl-C or a kill: the servers' locks are released (the next publish removes
            // what was uploaded), and nothing has switched.
            Terminal.onInterrupt {
                board.clear()
                Terminal.error("Đã dừng: không đích nào chuyển bản; đang mở khoá các đích…")
                Deployment.releaseHeldLocks()
            }
            let outcome = try deployment.publish(folder: paths.publishStage, hashes: paths.publishHashes) {
                print(try build(paths, output: paths.publishStage, mode: .inPlace).summary)
            }
            board.clear()
            switch outcome {
            case .success(let outcome):
                for (target, upload) in zip(deployment.targets, outcome.uploads) {
                    print("\(target): gửi \(Formatting.count(upload.filesSent)) tệp mới hoặc đã đổi, "
                          + "\(Formatting.bytes(upload.bytesSent)) qua mạng (cả bản \(Formatting.bytes(upload.totalSize)))")
                }
                print("Đã xuất bản bản \(outcome.release) lên \(deployment.targets.count) đích: current → releases/\(outcome.release)")
            case .failure(let failure):
                Terminal.error(failure.description)
                throw ExitCode.failure
            }
        }

        private func writeArchive(_ paths: SitePaths, _ archive: String) throws {
            let target = Terminal.absolute(archive)
            let folder = target + ".site-\(getpid())"
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let result = try build(paths, output: folder, mode: .newFolder(linkingFrom: nil))
            // A fixed date (1980-01-01, the zip epoch) keeps archives byte-identical.
            try SiteArchive.write(folder: folder, to: target, date: Date(timeIntervalSince1970: 315_532_800))
            print("\(result.summary)\nĐã ghi \(archive)")
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

/// One progress line for all targets, redrawn on the terminal while they upload.
private final class ProgressBoard: @unchecked Sendable {
    private let lock = NSLock()
    private let targets: [String]
    private var reports: [RsyncReport?]
    private var lastDraw = Date.distantPast

    init(targets: [String]) {
        self.targets = targets
        reports = Array(repeating: nil, count: targets.count)
    }

    func update(_ index: Int, _ report: RsyncReport) {
        lock.lock()
        defer { lock.unlock() }
        reports[index] = report
        guard Date().timeIntervalSince(lastDraw) > 0.1 else { return }
        lastDraw = Date()
        let parts = zip(targets, reports).map { target, report -> String in
            guard let report else { return "\(target): đang chuẩn bị" }
            return "\(target): \(Formatting.count(report.checked))/\(Formatting.count(report.total)) tệp, "
                + "gửi \(Formatting.count(report.filesSent)) (\(Formatting.bytes(report.bytesTransferred)))"
        }
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + parts.joined(separator: " · ")).utf8))
    }

    func clear() {
        lock.lock()
        defer { lock.unlock() }
        if lastDraw != .distantPast { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
