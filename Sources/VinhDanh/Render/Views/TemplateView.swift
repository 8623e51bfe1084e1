/// What a template, or one object inside one, is rendered with: a struct whose `let`
/// fields are the names the template can look up, each documented where it is declared.
/// `docs/theming.md` is written from these files (``TemplateReference``), and a test
/// checks them against the contexts pages are really rendered with.
///
/// Templates receive ``values``, a table, not the struct: swift-mustache looks a name up
/// in a struct through `Mirror`, about three times slower. A field that is a view becomes
/// a ``TemplateObject``; an optional one is `false` when absent (so `{{#photo}}` is
/// false); strings become ``TemplateText``. Fields are `let`, and a field that is not
/// part of the interface is `private`.
protocol TemplateView {
    /// The fields by name, as swift-mustache looks them up.
    var values: [String: Any] { get }
}

extension TemplateView {
    /// ``values`` in the form swift-mustache casts fastest.
    var object: TemplateObject { TemplateObject(values: values) }
}

extension Optional where Wrapped: TemplateView {
    /// The view's object, or `false` when there is none.
    var objectOrFalse: Any { self?.object ?? false }
}

extension Array where Element: TemplateView {
    /// Each view's object.
    var objects: [Any] { map { $0.object } }
}

extension Array where Element == String {
    /// Each string as template text.
    var texts: [Any] { map { TemplateText($0) } }
}
