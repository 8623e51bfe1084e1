import VinhDanhSupport

/// Why one publishing target failed, in words an administrator can act on.
public struct HostFailure: Error, Sendable, CustomStringConvertible {
    /// The target, as shown.
    public var target: String
    /// What went wrong there.
    public var reason: String

    public var description: String { "\(target): \(reason)" }

    /// Reads a failed run of ssh, rsync or the release script on `host`. `doing` says
    /// what was being done ("gửi bản mới").
    init(_ host: ReleaseHost, _ result: ProcessRunner.Result, doing: String) {
        target = host.target.description
        reason = Self.explain(host, result, doing: doing)
    }

    init(target: String, reason: String) {
        self.target = target
        self.reason = reason
    }

    private static func explain(_ host: ReleaseHost, _ result: ProcessRunner.Result, doing: String) -> String {
        let all = result.output + "\n" + result.errors
        let marker = result.output.split(whereSeparator: \.isNewline).last { $0.hasPrefix("vinhdanh: ") }
            .map { String($0.dropFirst("vinhdanh: ".count)) } ?? ""
        let login: String
        let connect: String
        switch host.target {
        case .folder: (login, connect) = ("", "")
        case .remote(let location):
            login = location.login
            connect = (host.ssh.custom ?? "ssh") + (location.port.map { " -p \($0)" } ?? "") + " " + location.login
        }
        if all.contains("REMOTE HOST IDENTIFICATION HAS CHANGED") {
            return "khoá của máy chủ đã đổi so với known_hosts: có thể máy chủ đã được cài lại, cũng có thể bị giả mạo. "
                + "Hỏi quản trị viên vân tay khoá mới trước khi sửa known_hosts (ssh-keygen -R \(location(host)))."
        }
        if all.contains("Host key verification failed") || all.contains("No ED25519 host key is known")
            || all.contains("host key is known for") {
            return "khoá của máy chủ chưa có trong known_hosts nên bị từ chối (không bao giờ tự chấp nhận). "
                + "Hỏi quản trị viên vân tay của máy chủ, rồi chấp nhận một lần bằng: \(connect) (trả lời yes khi vân tay khớp)."
        }
        if result.status == 255 && all.contains("Permission denied (publickey") {
            return "máy chủ từ chối đăng nhập \(login) bằng khoá SSH (Permission denied): "
                + "thêm khoá công khai của bạn vào ~/.ssh/authorized_keys của người dùng đó trên máy chủ, hoặc nạp khoá vào ssh-agent."
        }
        if all.contains("Could not resolve hostname") {
            return "không tìm thấy máy chủ \(location(host)) (tên sai, hoặc thiếu trong ~/.ssh/config)."
        }
        if all.contains("vinhdanh: no ssh here") {
            return "máy này chưa có ssh (cài: sudo apt-get install openssh-client)."
        }
        if marker.hasPrefix("missing ") || all.contains("rsync: command not found") || all.contains("rsync: not found") {
            let tool = marker.hasPrefix("missing ") ? String(marker.dropFirst("missing ".count)) : "rsync"
            return "máy chủ chưa có \(tool) (quản trị viên cài: apt-get install \(tool == "sha256sum" ? "coreutils" : tool))."
        }
        if marker.hasPrefix("locked") {
            let owner = marker.dropFirst("locked".count).trimmingCharacters(in: .whitespaces)
            return "một lần xuất bản khác đang chạy trên máy chủ này"
                + (owner.isEmpty ? "" : " (của \(owner))") + "; chờ nó xong rồi chạy lại. "
                + "Nếu chắc chắn không còn lần nào đang chạy (một lần trước bị ngắt), xoá khoá: "
                + (connect.isEmpty ? "" : connect + " ") + "rm -r \(host.root)/.vinhdanh-lock"
        }
        if marker == "current is not a link" {
            return "\(host.root)/current là thư mục thật, không phải liên kết: đổi tên nó (ví dụ current.cu) rồi xuất bản lại."
        }
        if marker == "cannot lock" {
            return "không tạo được khoá \(host.root)/.vinhdanh-lock (người dùng cần quyền ghi vào \(host.root)): " + result.lastErrorLines(1)
        }
        if marker == "lock lost" {
            return "khoá \(host.root)/.vinhdanh-lock không còn là của lần xuất bản này (ai đó đã xoá nó); dừng lại để hai lần xuất bản không chồng lên nhau."
        }
        if marker == "cannot make releases" {
            return "không tạo được thư mục \(host.root)/releases: " + result.lastErrorLines(1)
        }
        if all.contains("No space left on device") {
            return "máy chủ hết chỗ trống khi \(doing); chưa chuyển bản nào."
        }
        if marker == "mismatch" || marker.hasPrefix("count") {
            return "bản vừa gửi không khớp danh sách mã băm (\(marker)); chưa chuyển bản nào."
        }
        if result.status == 255, !result.errors.isEmpty {
            return "không kết nối được khi \(doing): " + result.lastErrorLines()
        }
        let detail = result.lastErrorLines()
        return "lỗi khi \(doing) (mã \(result.status))" + (detail.isEmpty ? (marker.isEmpty ? "" : ": " + marker) : ": " + detail)
    }

    private static func location(_ host: ReleaseHost) -> String {
        if case .remote(let location) = host.target { return location.host }
        return ""
    }
}
