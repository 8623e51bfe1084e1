// The default theme ships as this target's resource bundle (layouts, partials, assets,
// archetypes), so the `vinhdanh` binary finds it from any working directory.
import Foundation

/// Locates the default theme shipped with `vinhdanh`.
public enum DefaultTheme {
    /// Name of the resource bundle SwiftPM writes beside the executable.
    static let bundleName = "vinhdanh_VinhDanhTheme.resources"

    /// The folder holding the default theme's `layouts/`, `partials/`, `assets/` and
    /// `archetypes/`, or `nil` when it cannot be found.
    ///
    /// Looks, in order, at `$VINHDANH_THEME`, the bundle beside the running executable
    /// (resolving symlinks), and this source folder (a development checkout).
    public static func directory() -> URL? {
        let fm = FileManager.default
        var candidates: [URL] = []
        if let env = ProcessInfo.processInfo.environment["VINHDANH_THEME"], !env.isEmpty {
            candidates.append(URL(fileURLWithPath: env))
        }
        if let exe = try? fm.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            candidates.append(URL(fileURLWithPath: exe).deletingLastPathComponent().appendingPathComponent(bundleName))
        }
        let arg0 = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        candidates.append(arg0.deletingLastPathComponent().appendingPathComponent(bundleName))
        candidates.append(URL(fileURLWithPath: #filePath).deletingLastPathComponent())
        for candidate in candidates {
            var isDir: ObjCBool = false
            let layouts = candidate.appendingPathComponent("layouts").path
            if fm.fileExists(atPath: layouts, isDirectory: &isDir), isDir.boolValue {
                return candidate
            }
        }
        return nil
    }
}
