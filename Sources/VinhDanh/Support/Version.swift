import Foundation

/// Which `vinhdanh` this is.
public enum VinhDanhVersion {
    /// The release number `--version` prints.
    public static let number = "0.1.0"

    /// The release number and the running binary's size and time: the build cache is
    /// keyed by it, so a rebuilt `vinhdanh` never trusts what another one rendered.
    package static let identity: String = {
        var info = stat()
        guard stat("/proc/self/exe", &info) == 0 else { return number }
        return "\(number) \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
    }()
}
