import Foundation
import VinhDanhSupport

/// Where `publish --to` sends a site: a folder on this machine, or a folder on a web
/// server reached over SSH. Either holds `releases/<name>/` and a `current` symlink.
public enum PublishTarget: Sendable, Hashable, CustomStringConvertible {
    /// A publishing folder on this machine (absolute path).
    case folder(String)
    /// A publishing folder on a server.
    case remote(RemoteLocation)

    /// How the target is shown in messages.
    public var description: String {
        switch self {
        case .folder(let path): path
        case .remote(let location): location.description
        }
    }

    /// The targets `text` names: an `ssh://` URL, an rsync-style `USER@HOST:PATH`, a
    /// name from `site.yaml`'s `publish:` mapping (one or more targets), or a folder that
    /// exists (or whose parent folder exists). Anything else is an error, never a new
    /// folder named after a typo. Relative folders are taken from `directory`.
    public static func parse(_ text: String, configured: [String: [String]] = [:],
                             directory: String) throws(PublishTargetError) -> [PublishTarget] {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { throw PublishTargetError(text: text, reason: .empty) }
        if let schemeEnd = trimmed.range(of: "://") {
            let scheme = trimmed[..<schemeEnd.lowerBound].lowercased()
            guard scheme == "ssh" else { throw PublishTargetError(text: text, reason: .unsupportedScheme(scheme)) }
            return [.remote(try RemoteLocation(url: trimmed))]
        }
        if let configuredTargets = configured[trimmed] {
            guard !configuredTargets.isEmpty else { throw PublishTargetError(text: text, reason: .emptyName) }
            var targets: [PublishTarget] = []
            for entry in configuredTargets { targets += try parse(entry, directory: directory) }
            return targets
        }
        if let location = RemoteLocation(rsyncStyle: trimmed) { return [.remote(location)] }
        let path = trimmed.hasPrefix("/") ? trimmed : directory + "/" + trimmed
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        if FileIO.isDirectory(absolute) { return [.folder(absolute)] }
        if FileIO.exists(absolute) { throw PublishTargetError(text: text, reason: .notAFolder) }
        // A new publishing folder is fine inside a folder that exists, when written as a
        // path; a bare word is more likely a misspelt name from site.yaml.
        let parent = (absolute as NSString).deletingLastPathComponent
        guard trimmed.contains("/"), FileIO.isDirectory(parent) else {
            throw PublishTargetError(text: text, reason: .unknown(names: configured.keys.sorted()))
        }
        return [.folder(absolute)]
    }
}

/// A publishing folder on a server: `ssh://USER@HOST:PORT/PATH` or `USER@HOST:PATH`.
public struct RemoteLocation: Sendable, Hashable, CustomStringConvertible {
    /// The login name, when given (else `~/.ssh/config` or the local user's).
    public var user: String?
    /// A host name, an address, or a `Host` alias of `~/.ssh/config`.
    public var host: String
    /// The SSH port, when given.
    public var port: Int?
    /// The publishing folder on the server (relative paths start at the user's home).
    public var path: String

    /// `[user@]host` as ssh takes it (an IPv6 address bare).
    public var login: String { (user.map { $0 + "@" } ?? "") + host }

    /// `[user@]host`, an IPv6 address in brackets, as URLs and rsync write it.
    private var bracketedLogin: String { (user.map { $0 + "@" } ?? "") + (host.contains(":") ? "[\(host)]" : host) }

    public var description: String {
        "ssh://" + bracketedLogin + (port.map { ":\($0)" } ?? "") + (path.hasPrefix("/") ? "" : "/~/") + path
    }

    /// The rsync destination of a folder below the publishing folder.
    public func rsyncDestination(_ below: String) -> String {
        bracketedLogin + ":" + path + "/" + below
    }

    init(user: String?, host: String, port: Int?, path: String) {
        self.user = user
        self.host = host
        self.port = port
        var path = path
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        self.path = path
    }

    /// `ssh://[user@]host[:port]/path` (`/~/path` is relative to the user's home).
    init(url: String) throws(PublishTargetError) {
        guard let schemeEnd = url.range(of: "://") else { throw PublishTargetError(text: url, reason: .missingHost) }
        let rest = url[schemeEnd.upperBound...]
        guard let slash = rest.firstIndex(of: "/") else { throw PublishTargetError(text: url, reason: .missingPath) }
        var authority = String(rest[..<slash])
        var path = String(rest[slash...])
        if path.hasPrefix("/~/") { path = String(path.dropFirst(3)) }
        guard !path.isEmpty, path != "/" else { throw PublishTargetError(text: url, reason: .missingPath) }
        var user: String?
        if let at = authority.lastIndex(of: "@") {
            user = String(authority[..<at])
            authority = String(authority[authority.index(after: at)...])
        }
        var host = authority
        var port: Int?
        if authority.hasPrefix("["), let close = authority.firstIndex(of: "]") {
            host = String(authority[authority.index(after: authority.startIndex)..<close])
            let after = authority[authority.index(after: close)...]
            if after.hasPrefix(":") { port = Int(after.dropFirst()) ?? -1 }
        } else if let colon = authority.lastIndex(of: ":") {
            host = String(authority[..<colon])
            port = Int(authority[authority.index(after: colon)...]) ?? -1
        }
        // A host or user starting with "-" would be read by ssh as an option.
        guard !host.isEmpty, !host.hasPrefix("-"), user.map({ !$0.isEmpty && !$0.hasPrefix("-") }) ?? true else {
            throw PublishTargetError(text: url, reason: .missingHost)
        }
        if let port, !(1...65535).contains(port) { throw PublishTargetError(text: url, reason: .badPort) }
        self.init(user: user, host: host, port: port, path: path)
    }

    /// rsync's `[user@]host:path`: a colon before any slash. `nil` for other text.
    init?(rsyncStyle text: String) {
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let authority = text[..<colon]
        let path = String(text[text.index(after: colon)...])
        guard !authority.isEmpty, !authority.contains("/"), !path.isEmpty else { return nil }
        var user: String?
        var host = String(authority)
        if let at = authority.lastIndex(of: "@") {
            user = String(authority[..<at])
            host = String(authority[authority.index(after: at)...])
        }
        guard !host.isEmpty, !host.hasPrefix("-"), user.map({ !$0.isEmpty && !$0.hasPrefix("-") }) ?? true else { return nil }
        self.init(user: user, host: host, port: nil, path: path)
    }
}

/// A `--to` that names no target, in words an administrator can act on.
public struct PublishTargetError: Error, Sendable, CustomStringConvertible {
    public enum Reason: Sendable, Equatable {
        case empty
        case unsupportedScheme(String)
        case missingPath
        case missingHost
        case badPort
        case notAFolder
        case emptyName
        case unknown(names: [String])
    }

    /// The `--to` as written.
    public var text: String
    public var reason: Reason

    public var description: String {
        let target = "đích xuất bản “\(text)”"
        switch reason {
        case .empty: return "\(target) trống"
        case .unsupportedScheme(let scheme):
            return "\(target): chỉ hỗ trợ ssh://, không hỗ trợ \(scheme)://"
        case .missingPath:
            return "\(target) thiếu thư mục trên máy chủ — ví dụ ssh://nguoidung@may-chu/var/www/dien-hinh"
        case .missingHost:
            return "\(target) thiếu tên máy chủ — ví dụ ssh://nguoidung@may-chu/var/www/dien-hinh"
        case .badPort:
            return "\(target): cổng phải là số từ 1 đến 65535"
        case .notAFolder:
            return "\(target) là một tệp, không phải thư mục"
        case .emptyName:
            return "\(target) được khai báo trong site.yaml (publish:) nhưng không có đích nào"
        case .unknown(let names):
            let configured = names.isEmpty
                ? "site.yaml chưa khai báo tên đích nào ở mục publish:"
                : "tên khai báo trong site.yaml: " + names.joined(separator: ", ")
            return "\(target) không phải thư mục có sẵn, địa chỉ ssh:// hay tên đích khai báo (\(configured)). "
                + "Một thư mục xuất bản mới phải nằm trong thư mục có sẵn và được viết như đường dẫn, ví dụ ./\(text)"
        }
    }
}
