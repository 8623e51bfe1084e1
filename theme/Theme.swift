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
    /// Looks, in order, at `$VINHDANH_THEME` (a theme developer's working copy), then
    /// beside the running executable (symlinks resolved): `../share/vinhdanh/theme`, where
    /// `make install` puts it (relative, so a moved prefix still works), and the resource
    /// bundle `swift build` writes. Never the source checkout the binary was built from.
    public static func directory() -> URL? {
        let fm = FileManager.default
        var candidates: [URL] = []
        if let env = ProcessInfo.processInfo.environment["VINHDANH_THEME"], !env.isEmpty {
            candidates.append(URL(fileURLWithPath: env))
        }
        var executables: [URL] = []
        if let exe = try? fm.destinationOfSymbolicLink(atPath: "/proc/self/exe") { executables.append(URL(fileURLWithPath: exe)) }
        executables.append(URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath())
        for exe in executables {
            let folder = exe.deletingLastPathComponent()
            candidates.append(folder.deletingLastPathComponent().appendingPathComponent("share/vinhdanh/theme"))
            candidates.append(folder.appendingPathComponent(bundleName))
        }
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
