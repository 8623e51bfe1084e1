import Hummingbird
import MultipartKit
import NIOCore

/// A form posted as `multipart/form-data`, parsed by multipart-kit: its fields in the
/// order sent (a name may repeat: one award row after another).
struct FormData: Sendable {
    /// One field: its name, and for a file its name on the editor's machine (shown only,
    /// never used as a path) and its bytes.
    struct Part: Sendable {
        var name: String
        var filename: String?
        var bytes: [UInt8]
        var text: String { String(decoding: bytes, as: UTF8.self) }
    }

    var parts: [Part]

    /// The first value of field `name` (empty when absent).
    subscript(name: String) -> String { parts.first { $0.name == name }?.text ?? "" }

    /// Every value of field `name`, in order.
    func all(_ name: String) -> [String] { parts.filter { $0.name == name }.map(\.text) }

    /// The file sent as field `name`, if one was chosen.
    func file(_ name: String) -> Part? { parts.first { $0.name == name && $0.filename?.isEmpty == false && !$0.bytes.isEmpty } }

    /// The boundary of a `multipart/form-data` content type (RFC 2046: 1 to 70 of its
    /// characters), or `nil`. multipart-kit stops the process on an empty one.
    static func boundary(_ contentType: String?) -> String? {
        guard let contentType, let type = MediaType(from: contentType), type.isType(.multipartForm),
              let parameter = type.parameter, parameter.name.lowercased() == "boundary" else { return nil }
        let value = parameter.value.hasPrefix("\"") && parameter.value.hasSuffix("\"") && parameter.value.count > 1
            ? String(parameter.value.dropFirst().dropLast()) : parameter.value
        let allowed = Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'()+_,-./:=? ")
        guard (1...70).contains(value.count), value.allSatisfy(allowed.contains), value.last != " " else { return nil }
        return value
    }

    /// Parses `body`; `nil` when it is not a well-formed form with the last field
    /// `required` (a body cut short loses its last part silently, so forms end with one).
    static func parse(_ body: ByteBuffer, boundary: String, required: String) -> FormData? {
        let parser = MultipartParser(boundary: boundary)
        var parts: [Part] = []
        var headers: [(String, String)] = []
        var current = ByteBuffer()
        parser.onHeader = { name, value in headers.append((name, value)) }
        parser.onBody = { chunk in current.writeBuffer(&chunk) }
        parser.onPartComplete = {
            let disposition = headers.first { $0.0.lowercased() == "content-disposition" }?.1 ?? ""
            parts.append(Part(name: Self.parameter("name", in: disposition) ?? "", filename: Self.parameter("filename", in: disposition),
                              bytes: Array(current.readableBytesView)))
            headers = []
            current = ByteBuffer()
        }
        do { try parser.execute(body) } catch { return nil }
        guard parts.contains(where: { $0.name == required }) else { return nil }
        return FormData(parts: parts)
    }

    /// Parameter `name` of a `Content-Disposition` value (`form-data; name="x"; filename="a;b.jpg"`),
    /// quoted or not, with `\"` inside quotes.
    static func parameter(_ name: String, in value: String) -> String? {
        var rest = Substring(value)
        while let semicolon = rest.firstIndex(of: ";") {
            rest = rest[rest.index(after: semicolon)...].drop { $0 == " " || $0 == "\t" }
            guard let equals = rest.firstIndex(of: "=") else { return nil }
            let key = rest[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            rest = rest[rest.index(after: equals)...]
            var found = ""
            if rest.first == "\"" {
                rest = rest.dropFirst()
                var escaped = false
                while let character = rest.first {
                    rest = rest.dropFirst()
                    if escaped { found.append(character); escaped = false } else if character == "\\" { escaped = true } else if character == "\"" { break } else { found.append(character) }
                }
            } else {
                let end = rest.firstIndex(of: ";") ?? rest.endIndex
                found = rest[..<end].trimmingCharacters(in: .whitespaces)
                rest = rest[end...]
            }
            if key == name { return found }
        }
        return nil
    }
}
