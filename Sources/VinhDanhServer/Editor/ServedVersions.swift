import Foundation
import VinhDanhEditing

/// The fields of the last versions of profiles the editor served as forms, by version,
/// so that after a conflict it can tell which fields the editor changed. A few hundred
/// are kept: a form older than that falls back to showing both versions side by side.
final class ServedVersions: @unchecked Sendable {  // `fields` and `order` are only touched under `lock`
    private let lock = NSLock()
    private var fields: [String: ProfileFields] = [:]
    private var order: [String] = []
    static let kept = 256

    /// Notes a version as served.
    func remember(_ opened: ProfileEditor.Opened) {
        lock.withLock {
            if fields.updateValue(opened.fields, forKey: opened.version) == nil { order.append(opened.version) }
            if order.count > Self.kept { fields[order.removeFirst()] = nil }
        }
    }

    /// The fields of version `version`, if it was served lately.
    func fields(of version: String) -> ProfileFields? { lock.withLock { fields[version] } }
}
