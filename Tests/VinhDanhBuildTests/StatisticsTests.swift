import Foundation
import Testing
@testable import VinhDanhBuild
@testable import VinhDanhConfig
@testable import VinhDanhContent
@testable import VinhDanhSupport
import VinhDanhTestSupport
@testable import VinhDanhText
@testable import VinhDanhVocabulary
import Yams

/// Every figure on /thong-ke/ equals an independent count of the sample content, and the
/// CSV and JSON downloads hold the same numbers.
@Suite struct StatisticsTests {
    typealias Tally = [String: [String: Int]]   // table key → kind → records

    /// Counts award records straight from the profile files (Yams' own loader, not ours).
    static func independentCount(root: String) throws -> [String: Tally] {
        let site = SiteLoader(paths: SitePaths(root: root), latestYear: 2026).load()
        let vocab = site.vocabularies
        // The unit in force at an award: the profile's district until it ended, then the
        // unit that took it over whole, or the commune of today the profile is in.
        func place(_ fields: [String: Any], _ award: [String: Any], file: String) -> String {
            let today = site.profiles.first { $0.path == "content/profiles/" + file }.flatMap { vocab.today(of: $0) }
                .map { vocab.places.communes[$0].key } ?? "?"
            guard let written = fields["district"], let d = vocab.districts.resolve("\(written)") else { return today }
            let year = award["year"] as? Int ?? 0
            let day = (award["date"] as? Date).map { Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: $0) }
                .flatMap { CalendarDate(year: $0.year ?? 0, month: $0.month ?? 0, day: $0.day ?? 0) }
                ?? ("\(award["decision"] ?? "")".split(separator: " ").last.flatMap { last -> CalendarDate? in
                    let n = last.split(separator: "/").compactMap { Int($0) }
                    return n.count == 3 && n[2] == year ? CalendarDate(year: n[2], month: n[1], day: n[0]) : nil
                } ?? CalendarDate(validYear: year, month: 1, day: 1))
            guard let until = vocab.districts.entries[d].until, day > until else { return vocab.districts.entries[d].key }
            return vocab.places.unitTakingOver(d).map { vocab.districts.entries[$0].key } ?? today
        }
        var tables: [String: Tally] = ["hinh-thuc": [:], "nam": [:], "dia-ban": [:], "phong-trao": [:]]
        for file in FileIO.listFiles(under: root + "/content/profiles", suffix: ".md") {
            let text = try String(contentsOfFile: root + "/content/profiles/" + file, encoding: .utf8)
            let parts = text.components(separatedBy: "\n---\n")
            let yaml = String(parts[0].dropFirst(4))
            guard let fields = try Yams.load(yaml: yaml) as? [String: Any] else { continue }
            let kind = SubjectKind(text: "\(fields["kind"] ?? "")")?.rawValue ?? "?"
            let awards = fields["awards"] as? [[String: Any]] ?? []
            let movements = (fields["movements"] as? [Any] ?? []).compactMap { vocab.movements.resolve("\($0)") }.map { vocab.movements.entries[$0].key }
            for award in awards {
                let type = vocab.awards.entries[vocab.awards.resolve("\(award["type"] ?? "")") ?? 0].key
                tables["hinh-thuc"]![type, default: [:]][kind, default: 0] += 1
                tables["nam"]!["\(award["year"] ?? "")", default: [:]][kind, default: 0] += 1
                tables["dia-ban"]![place(fields, award, file: file), default: [:]][kind, default: 0] += 1
                for movement in Set(movements) { tables["phong-trao"]![movement, default: [:]][kind, default: 0] += 1 }
            }
        }
        return tables
    }

    @Test func pageCSVAndJSONEqualAnIndependentCount() throws {
        let root = TestRepository.root
        let output = NSTemporaryDirectory() + "vinhdanh-stats-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: output) }
        #expect(try Builder(options: BuildOptions(site: SitePaths(root: root), output: output, latestYear: 2026)).build().succeeded)
        let expected = try Self.independentCount(root: root)
        #expect(expected["hinh-thuc"]?.count ?? 0 >= 8)

        // CSV: bang,ma,ten,ca_nhan,tap_the,ho_gia_dinh,tong
        let csv = try String(contentsOfFile: output + "/thong-ke/thong-ke.csv", encoding: .utf8)
        var fromCSV: [String: Tally] = [:]
        var total: [Int] = [], byCommune = [0, 0, 0]
        for line in csv.components(separatedBy: "\r\n").dropFirst() where !line.isEmpty {
            let cells = line.components(separatedBy: ",")
            let numbers = cells.suffix(4).compactMap { Int($0) }
            guard numbers.count == 4 else { continue }
            #expect(numbers[0] + numbers[1] + numbers[2] == numbers[3])
            if cells[0] == "tong" { total = Array(numbers.prefix(3)) }
            // Today's communes (and "chua-xac-dinh") share out every record once.
            if cells[0] == "xa-phuong" { for k in 0..<3 { byCommune[k] += numbers[k] } }
            guard cells[0] != "tong", cells[0] != "xa-phuong" else { continue }
            let counts = ["individual": numbers[0], "collective": numbers[1], "household": numbers[2]].filter { $0.value > 0 }
            fromCSV[cells[0], default: [:]][cells[1]] = counts
        }
        #expect(fromCSV == expected)
        #expect(byCommune == total && csv.contains("xa-phuong,chua-xac-dinh,"))

        // JSON
        struct Row: Decodable { var key: String; var individual: Int; var collective: Int; var household: Int; var total: Int }
        struct Document: Decodable { var byAward, byYear, byDistrict, byMovement: [Row] }
        let json = try JSONDecoder().decode(Document.self, from: Data(contentsOf: URL(fileURLWithPath: output + "/thong-ke/thong-ke.json")))
        func tally(_ rows: [Row]) -> Tally {
            Dictionary(uniqueKeysWithValues: rows.map { ($0.key, ["individual": $0.individual, "collective": $0.collective, "household": $0.household].filter { $0.value > 0 }) })
        }
        #expect(tally(json.byAward) == expected["hinh-thuc"])
        #expect(tally(json.byYear) == expected["nam"])
        #expect(tally(json.byDistrict) == expected["dia-ban"])
        #expect(tally(json.byMovement) == expected["phong-trao"])

        // The HTML tables: each row header links its term; cells are individual, collective, household, total.
        // (The table by today's commune, last, also links /dia-ban/: left out here.)
        let html = try String(contentsOfFile: output + "/thong-ke/index.html", encoding: .utf8)
            .components(separatedBy: "id=\"xa-phuong\"")[0]
        for (table, prefix) in [("hinh-thuc", "/khen-thuong/"), ("nam", "/nam/"), ("dia-ban", "/dia-ban/"), ("phong-trao", "/phong-trao/")] {
            var fromHTML: Tally = [:]
            for part in html.components(separatedBy: "<th scope=\"row\"><a href=\"\(prefix)").dropFirst() {
                let key = String(part.prefix { $0 != "/" })
                let cells = part.components(separatedBy: "<td>").dropFirst().prefix(4).compactMap {
                    Int($0.prefix { $0 != "<" }.replacingOccurrences(of: ".", with: ""))
                }
                fromHTML[key] = ["individual": cells[0], "collective": cells[1], "household": cells[2]].filter { $0.value > 0 }
            }
            #expect(fromHTML == expected[table], "\(table)")
        }
        // A district page carries its own summary.
        let district = try String(contentsOfFile: output + "/dia-ban/luc-ngan/index.html", encoding: .utf8)
        let luc = expected["dia-ban"]?["luc-ngan"] ?? [:]
        #expect(district.contains("\(luc.values.reduce(0, +)) lượt khen thưởng: \(luc["individual"] ?? 0) cá nhân"))
        // The report page shows the report beside the database.
        let report = try String(contentsOfFile: output + "/thong-ke/bao-cao-2014-2023/index.html", encoding: .utf8)
        #expect(report.contains("27.002") && report.contains("80/BC-SNV"))
    }
}
