import Mustache

/// A table of a template context as swift-mustache should see it. swift-mustache casts
/// every value it looks up to several protocols; a non-generic struct is the cheapest
/// thing to cast (`[String: Any]` is a conditional conformance; on Linux a class pays an
/// extra unboxing check), so contexts are converted to these just before rendering.
struct TemplateObject: MustacheParent {
    let values: [String: Any]

    func child(named name: String) -> Any? { values[name] }
}

/// A string of a template context. Renders exactly as a `String` does, except that an
/// empty one is false for `{{#x}}` (swift-mustache treats an empty `String` as true, which
/// gave empty `og:image` tags); it is rendered through `MustacheCustomRenderable` (fewer
/// casts, no `String(describing:)`), and names looked up inside `{{#x}}…{{/x}}` skip it
/// without a `Mirror`.
struct TemplateText: MustacheParent, MustacheCustomRenderable {
    let text: String

    /// Text for a template.
    init(_ text: String) { self.text = text }

    var renderText: String { text }
    var isNull: Bool { text.isEmpty }
    func child(named name: String) -> Any? { nil }
}

/// Converts template contexts to ``TemplateObject`` and ``TemplateText``. The contexts of
/// the pages there are thousands of (profiles, lists, the shared parts of every page) are
/// built in that form directly and pass through unchanged.
enum TemplateValues {
    /// `value` with its tables, lists and strings converted, recursively.
    static func wrap(_ value: Any) -> Any {
        switch value {
        case let object as TemplateObject: return object
        case let text as TemplateText: return text
        case let text as String: return TemplateText(text)
        // Rendered as the same digits, without swift-mustache's `String(describing:)` path.
        case let number as Int: return TemplateText(String(number))
        case let table as [String: Any]: return TemplateObject(values: table.mapValues(wrap))
        case let list as [[String: Any]]: return list.map { TemplateObject(values: $0.mapValues(wrap)) as Any }
        case let list as [Any]: return list.map(wrap)
        default: return value
        }
    }
}
