import Mustache
import VinhDanhConfig
import VinhDanhSupport
import VinhDanhVocabulary

/// The starting text of a new profile, one per kind: `site-templates/archetypes/<kind>.md`
/// of the site, else of the default theme. Values reach the template already written as
/// YAML (`{{title}}` is a plain or quoted scalar, `{{awards}}` whole list items).
public struct Archetype: Sendable {
    let template: MustacheTemplate
    /// Where it was read from (for messages).
    public let source: String

    /// Loads the archetype of `kind` for the site at `paths`.
    public static func load(kind: SubjectKind, paths: SitePaths, themeDirectory: String?) -> Result<Archetype, InputProblem> {
        let name = "archetypes/\(kind.rawValue).md"
        let candidates = [paths.templates + "/" + name] + (themeDirectory.map { [$0 + "/" + name] } ?? [])
        for candidate in candidates {
            guard case .success(let text) = FileIO.readText(candidate, relative: name) else { continue }
            do {
                return .success(Archetype(template: try MustacheTemplate(string: text), source: paths.relative(candidate)))
            } catch {
                return .failure(InputProblem(field: paths.relative(candidate), message: "mẫu hồ sơ sai cú pháp Mustache (\(error))"))
            }
        }
        return .failure(InputProblem(field: name, message: "không tìm thấy mẫu hồ sơ cho loại \(kind.label.lowercased())",
                                     suggestion: "tạo tệp site-templates/\(name)"))
    }

    /// The text of a new profile file for `draft`.
    public func render(_ draft: ProfileDraft) -> String {
        let awards = draft.awards.map { YAMLText.award(type: $0.type.key, year: $0.year, decision: $0.decision) }.joined()
        let context: [String: Any] = [
            "title": YAMLText.scalar(draft.title),
            "plainTitle": draft.title,
            "kind": draft.kind.rawValue,
            "district": draft.isCommuneOfToday ? "" : draft.district.key,
            "movements": YAMLText.keyList(draft.movements.map(\.key)),
            "awards": String(awards.dropLast()),  // the template's own line end follows
            "commune": draft.commune.map(YAMLText.scalar) ?? "",
            "unit": draft.unit.map(YAMLText.scalar) ?? "",
            "position": draft.position.map(YAMLText.scalar) ?? "",
            "ethnicity": draft.ethnicity.map(YAMLText.scalar) ?? "",
            "summary": draft.summary.map(YAMLText.scalar) ?? "",
        ]
        var text = template.render(context)
        while text.hasPrefix("\n") { text.removeFirst() }
        // `key: ` with an empty value would leave trailing spaces.
        // A profile filed under a commune of today has no district: its empty line goes.
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !(draft.isCommuneOfToday && $0.trimmingCharacters(in: .whitespaces) == "district:") }
            .map { line in line.hasSuffix(": ") ? String(line.dropLast()) : String(line) }
            .joined(separator: "\n")
    }
}
