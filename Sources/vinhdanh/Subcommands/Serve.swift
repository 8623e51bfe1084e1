import ArgumentParser
import Foundation
import VinhDanhConfig
import VinhDanhServer

extension VinhDanhCommand {
    /// `vinhdanh serve`: the preview server with live reload.
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Xem trước trang web: xây dựng vào .vinhdanh/serve/, theo dõi thay đổi và tự tải lại trình duyệt.")

        @OptionGroup var options: SiteOptions

        @Option(name: .long, help: "Địa chỉ lắng nghe (0.0.0.0 để chia sẻ trong mạng nội bộ).")
        var host = "127.0.0.1"

        @Option(name: .long, help: "Cổng.")
        var port = 8080

        @Option(name: .customLong("base-url"), help: ArgumentHelp("Phục vụ dưới đường dẫn con của địa chỉ này, như trên cổng thông tin.", valueName: "URL"))
        var baseURL: String?

        @Flag(name: .customLong("no-navigate"), help: "Không tự chuyển tới hồ sơ vừa lưu.")
        var noNavigate = false

        @Flag(name: .long, help: "Mở trang web trong trình duyệt mặc định.")
        var open = false

        func validate() throws {
            guard (1...65535).contains(port) else { throw ValidationError("--port phải từ 1 đến 65535") }
            if let baseURL, SiteConfig.normalizeBaseURL(baseURL) == nil {
                throw ValidationError("--base-url phải là địa chỉ tuyệt đối, ví dụ https://bacgiang.gov.vn/dien-hinh-tien-tien/")
            }
        }

        func run() async throws {
            if host != "127.0.0.1" && host != "localhost" && host != "::1" {
                Terminal.error("cảnh báo: máy chủ xem trước nghe trên \(host): mọi máy trong mạng đều xem được bản nháp.")
            }
            let server = PreviewServer(options: .init(
                site: SitePaths(root: Terminal.absolute(options.site)), host: host, port: port, baseURL: baseURL,
                navigate: !noNavigate, latestYear: Terminal.currentYear, log: { Terminal.error($0) }))
            let open = self.open
            do {
                try await server.run { url in
                    FileHandle.standardOutput.write(Data("Xem trước tại \(url) (Ctrl-C để dừng)\n".utf8))
                    if let editor = server.editorURL {
                        FileHandle.standardOutput.write(Data("Biên tập hồ sơ tại \(editor)\n".utf8))
                    }
                    if open { _ = try? Process.run(URL(fileURLWithPath: "/usr/bin/xdg-open"), arguments: [url]) }
                }
            } catch let error as PreviewServer.StartError {
                Terminal.error("lỗi: \(error.description)")
                throw ExitCode.failure
            }
        }
    }
}
