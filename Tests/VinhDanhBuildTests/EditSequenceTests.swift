import Foundation
import Testing
@testable import VinhDanhBuild
@testable import VinhDanhRender
import VinhDanhTestSupport

/// Random sequences of the edits editors make, each followed by a build into the same
/// output folder and by the preview server's update of its own folder; both must then
/// hold exactly what a clean build into an empty folder gives. The seed is fixed here; `VINHDANH_EDIT_SEQUENCES=N` (the slower `make
/// test-edits`) runs N sequences with other seeds.
@Suite struct EditSequenceTests {
    /// SplitMix64: the same seed gives the same edits on every machine.
    struct Random {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
        mutating func pick<T>(_ items: [T]) -> T { items[next(items.count)] }
    }

    static let titles = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Dũng", "Hợp tác xã Vải thiều", "Hộ ông Đinh Văn Ánh",
                         "Phạm Thị Hoa", "Đỗ Minh Khang", "Trường Tiểu học Kép", "Vũ Thị Lan", "Ngô Quang Minh"]

    /// One profile's front matter and body, from its fields.
    struct Draft {
        var title: String
        var kind = "individual"
        var district = "luc-ngan"
        var movements = ["nong-thon-moi"]
        var awards: [(String, Int)] = [("bang-khen-chu-tich-ubnd-tinh", 2021)]
        var photo: String?
        var body = "Thành tích.\n"

        var text: String {
            var text = "---\ntitle: \(title)\nkind: \(kind)\ndistrict: \(district)\nmovements: [\(movements.joined(separator: ", "))]\nawards:\n"
            for (type, year) in awards { text += "  - type: \(type)\n    year: \(year)\n" }
            if let photo { text += "photo: \(photo)\n" }
            return text + "summary: Tóm tắt.\n---\n" + body
        }
    }

    /// Applies one random edit to the site; returns what it did, for the failure message,
    /// and the files it touched (relative to the site).
    static func edit(_ site: TestSite, _ drafts: inout [String: Draft], _ random: inout Random,
                     step: Int) throws -> (String, [String]) {
        let names = drafts.keys.sorted()
        var name = random.pick(names)
        var draft = drafts[name] ?? Draft(title: "")
        let action = random.next(14)
        var touched: [String] = []
        switch action {
        case 0:
            name = "moi-\(step).md"
            draft = Draft(title: random.pick(titles) + " \(step)", kind: random.pick(["individual", "collective"]))
        case 1 where drafts.count > 2:
            drafts[name] = nil
            try FileManager.default.removeItem(atPath: site.root + "/content/profiles/" + name)
            return ("xóa \(name)", ["content/profiles/" + name])
        case 2:
            try FileManager.default.removeItem(atPath: site.root + "/content/profiles/" + name)
            drafts[name] = nil
            touched.append("content/profiles/" + name)
            name = "doi-ten-\(step).md"
        case 3: draft.title = random.pick(titles) + " \(step)"
        case 4: draft.body = "Thành tích bước \(step).\n\n## Mục \(random.next(3))\n"
        case 5: draft.awards[0].1 = 2014 + random.next(13)
        case 6: draft.movements = [random.pick(["nong-thon-moi", "khuyen-hoc"])]
        case 7: draft.district = random.pick(["luc-ngan", "viet-yen", "cap-tinh"])
        case 8: draft.kind = random.pick(["individual", "collective", "household"])
        case 9:
            // A new photo file, or one already there (the profile alone is touched then).
            let photo = "media/anh-\(random.next(3)).jpg"
            if random.next(2) == 0 || !FileManager.default.fileExists(atPath: site.root + "/content/" + photo) {
                try site.write("content/" + photo, bytes: (0..<64).map { _ in UInt8(random.next(256)) })
                touched.append("content/" + photo)
            }
            draft.photo = photo
        case 10:
            try site.write("site-templates/partials/footer.mustache",
                           "<footer class=\"site-footer\"><p>{{site.organization}} \(step)</p></footer>\n")
            return ("mẫu footer", ["site-templates/partials/footer.mustache"])
        case 13:
            // A partial only list pages use: the profile pages stay as they were.
            let card = try String(contentsOfFile: try #require(Theme.defaultDirectory) + "/partials/profile-card.mustache", encoding: .utf8)
            try site.write("site-templates/partials/profile-card.mustache", card.replacingOccurrences(of: "</h3>", with: "</h3><!-- \(step) -->"))
            return ("mẫu profile-card", ["site-templates/partials/profile-card.mustache"])
        case 11:
            let yaml = try #require(site.read("content/site.yaml"))
            try site.write("content/site.yaml", yaml.replacingOccurrences(of: #"title: .*"#, with: "title: Trang thử \(step)",
                                                                          options: .regularExpression))
            return ("site.yaml", ["content/site.yaml"])
        case 12:
            let vocab = try #require(site.read("content/vocab/movements.yaml"))
            try site.write("content/vocab/movements.yaml",
                           vocab.replacingOccurrences(of: #"name: Khuyến học.*"#, with: "name: Khuyến học, khuyến tài \(step)",
                                                      options: .regularExpression))
            return ("từ điển phong trào", ["content/vocab/movements.yaml"])
        default:
            return ("không sửa gì", [])
        }
        drafts[name] = draft
        try site.write("content/profiles/" + name, draft.text)
        return ("sửa \(name) (\(action))", touched + ["content/profiles/" + name])
    }

    static func run(seed: UInt64, steps: Int) throws {
        var random = Random(state: seed)
        var drafts: [String: Draft] = [:]
        for (i, title) in titles.prefix(5).enumerated() { drafts["p\(i).md"] = Draft(title: title) }
        let site = try TestSite(profiles: drafts.mapValues(\.text))
        defer { site.remove() }
        #expect(try site.build().succeeded)
        // The preview server's folder, kept up to date as the server does.
        let served = site.root + "/.vinhdanh/serve"
        var preview = try IncrementalBuild.full(options: site.options(output: served)).1
        for step in 0..<steps {
            let (what, touched) = try edit(site, &drafts, &random, step: step)
            switch preview?.update(changed: Set(touched.map { site.root + "/" + $0 })) {
            case .updated?: _ = preview?.refreshSearchIndex()
            case .failed(let diagnostics)?: Issue.record("seed \(seed), bước \(step) (\(what)): \(diagnostics.map(\.formatted))")
            case nil: preview = try IncrementalBuild.full(options: site.options(output: served)).1
            }
            let result = try site.build()
            #expect(result.succeeded, "seed \(seed), bước \(step) (\(what)): \(result.diagnostics.map(\.formatted))")
            let clean = try OutputUpdateTests.cleanBuild(site)
            for (folder, output) in [("public", OutputUpdateTests.tree(site.root + "/public")), ("serve", OutputUpdateTests.tree(served))]
            where output != clean {
                let differing = Set(output.keys).union(clean.keys).filter { output[$0] != clean[$0] }.sorted()
                Issue.record("seed \(seed), bước \(step) (\(what)): \(folder) khác bản xây dựng sạch ở \(differing.prefix(5))")
                return
            }
        }
    }

    @Test func randomEditsGiveTheBytesOfACleanBuild() throws {
        let extra = Int(ProcessInfo.processInfo.environment["VINHDANH_EDIT_SEQUENCES"] ?? "") ?? 0
        try Self.run(seed: 2026, steps: 30)
        for n in 0..<extra { try Self.run(seed: 7_000 + UInt64(n), steps: 40) }
    }
}
