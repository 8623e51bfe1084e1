import Foundation
import Testing
@testable import VinhDanhBuild
import VinhDanhTestSupport

/// The editorial warnings `vinhdanh check` adds.
@Suite struct LintTests {
    @Test func warningsOfCheck() throws {
        let long = String(repeating: "Thành tích xuất sắc. ", count: 12)
        let site = try TestSite(profiles: [
            "a.md": "---\ntitle: A\nkind: individual\ndistrict: luc-ngan\nawards:\n  - type: bang-khen-chu-tich-ubnd-tinh\n    year: 2021\n---\n\n",
            "b.md": TestSite.profile(title: "B", extra: "", body: "Xem [A](/ho-so/a/) và [C](/ho-so/khong-co/).\n[Năm](/nam/2021/) [Năm sai](/nam/1999/) [ngoài](/gioi-thieu/)\n")
                .replacingOccurrences(of: "summary: Tóm tắt.", with: "summary: \(long)"),
        ])
        defer { site.remove() }
        let (_, found) = Builder(options: site.options()).check()
        let codes = found.map { "\($0.file.split(separator: "/").last ?? ""):\($0.line):\($0.code.rawValue)" }
        #expect(codes.contains("a.md:1:VD024"))   // no summary
        #expect(codes.contains("a.md:9:VD026"))   // empty body
        #expect(codes.contains("a.md:1:VD027"))   // no movement
        #expect(codes.contains("b.md:9:VD025"))   // summary over 200 characters
        #expect(codes.contains("b.md:11:VD028"))  // /ho-so/khong-co/
        #expect(codes.contains("b.md:12:VD028"))  // /nam/1999/
        #expect(found.filter { $0.code == .brokenLink }.count == 2)
        #expect(found.allSatisfy { $0.severity == .warning })
        // A build does not print editorial warnings.
        #expect(try site.build().diagnostics.isEmpty)
    }
}
