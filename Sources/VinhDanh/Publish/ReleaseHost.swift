import Foundation
import VinhDanhSupport

/// The ssh command publishing uses: `ssh`, or `VINHDANH_SSH` (as `GIT_SSH_COMMAND` is for
/// git, e.g. `ssh -F /path/to/config`), always with batch mode and strict host key
/// checking, so a password prompt or an unknown host key fails instead of waiting or
/// being accepted silently. Keys, agent, `~/.ssh/config` and `known_hosts` are the user's.
public struct SSHCommand: Sendable {
    /// `VINHDANH_SSH`, when set: a shell command line.
    public var custom: String?

    /// From the environment.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        custom = environment["VINHDANH_SSH"].flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
    }

    /// Options added to every connection.
    static let options = ["-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=yes", "-o", "ConnectTimeout=20",
                          "-o", "ServerAliveInterval=15", "-o", "ServerAliveCountMax=4"]

    /// What ssh is started as, for `location` running `remoteCommand`.
    func invocation(_ location: RemoteLocation, _ remoteCommand: String) -> (executable: String, arguments: [String])? {
        let arguments = Self.options + (location.port.map { ["-p", String($0)] } ?? []) + [location.login, remoteCommand]
        if let custom { return ("/bin/sh", ["-c", custom + " \"$@\"", "vinhdanh-ssh"] + arguments) }
        return ProcessRunner.which("ssh").map { ($0, arguments) }
    }

    /// rsync's `-e` for `location`. `VINHDANH_SSH` goes through `sh -c` here too, so it
    /// means the same for rsync as for the commands (`~`, `$HOME`, quotes). rsync splits
    /// `-e` itself: single quotes group, and a doubled one stands for itself.
    func rsyncShell(_ location: RemoteLocation) -> String {
        let options = (Self.options + (location.port.map { ["-p", String($0)] } ?? [])).joined(separator: " ")
        guard let custom else { return "ssh " + options }
        return "sh -c '" + custom.replacingOccurrences(of: "'", with: "''") + " \"$@\"' vinhdanh-ssh " + options
    }
}

/// A publishing folder and the way to reach it: `sh` on this machine, or ssh to a server.
struct ReleaseHost: Sendable {
    let target: PublishTarget
    let ssh: SSHCommand

    /// The publishing folder on its machine.
    var root: String {
        switch target {
        case .folder(let path): path
        case .remote(let location): location.path
        }
    }

    /// Runs one action of ``ReleaseScript`` there.
    func run(_ arguments: [String], input: [UInt8] = []) -> ProcessRunner.Result {
        switch target {
        case .folder:
            return ProcessRunner.run("/bin/sh", ["-c", ReleaseScript.text, "vinhdanh"] + arguments, input: input)
        case .remote(let location):
            guard let (executable, args) = ssh.invocation(location, ReleaseScript.commandLine(arguments)) else {
                return ProcessRunner.Result(status: 127, output: "", errors: "vinhdanh: no ssh here")
            }
            return ProcessRunner.run(executable, args, input: input)
        }
    }

    /// rsync's destination for a folder below `releases/`, and its `-e` when remote.
    func rsyncDestination(_ below: String) -> (destination: String, shell: String?) {
        switch target {
        case .folder(let path): (path + "/releases/" + below, nil)
        case .remote(let location): (location.rsyncDestination("releases/" + below), ssh.rsyncShell(location))
        }
    }
}
