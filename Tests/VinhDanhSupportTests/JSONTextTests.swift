import Foundation
import Testing
@testable import VinhDanhSupport

/// JSON written as text (`JSONText`, `JSONWriter`): JSON-LD in pages, the search index,
/// the statistics downloads.
@Suite struct JSONTextTests {
    /// JSON-LD strings parse back to the original and can never close their `<script>`.
    @Test(arguments: ["Nguyễn “Văn” Đức", "a\"b\\c\nd\te\u{1}", "</script><b>&amp;", "x\u{2028}y\u{2029}z", ""])
    func jsonStringsRoundTrip(text: String) throws {
        let literal = JSONText.string(text)
        #expect(!literal.contains("<") && !literal.contains(">") && !literal.contains("&"))
        #expect(!literal.contains("\u{2028}") && !literal.contains("\u{2029}"))
        let decoded = try JSONSerialization.jsonObject(with: Data("[\(literal)]".utf8)) as? [String]
        #expect(decoded == [text])
    }

    @Test func jsonWriterNestsObjectsAndArrays() throws {
        var json = JSONWriter()
        json.beginObject()
        json.field("a", "1")
        json.key("list")
        json.beginArray()
        json.string("x")
        json.beginObject()
        json.field("b", "</script>")
        json.endObject()
        json.endArray()
        json.key("empty")
        json.beginArray()
        json.endArray()
        json.endObject()
        #expect(json.text == #"{"a":"1","list":["x",{"b":"\u003c/script\u003e"}],"empty":[]}"#)
        #expect(try JSONSerialization.jsonObject(with: Data(json.bytes)) is [String: Any])
    }
}
