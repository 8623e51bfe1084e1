import Foundation
import VinhDanhSupport

/// A template's output kept by key, for fragments many pages share (a breadcrumb trail is
/// the same on every profile of a district). Safe to use from the render threads: the
/// first thread to need a key renders it; the lock is held only to read or store.
final class RenderCache: Sendable {
    private let theme: Theme
    private let template: String
    private let rendered = Memo<String, String>()

    init(theme: Theme, template: String) {
        self.theme = theme
        self.template = template
    }

    /// The output for `key`, rendering `context()` the first time (final newline kept).
    func html(key: String, context: () -> [String: Any]) -> String {
        rendered.value(for: key) { theme.render(template, context()) }
    }

    /// The output for `key` as a fragment inserted inline: the final newline dropped.
    func fragment(key: String, context: () -> [String: Any]) -> String {
        rendered.value(for: key) { theme.renderFragment(template, context()) }
    }
}
