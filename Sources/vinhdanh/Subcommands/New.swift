import ArgumentParser
import Foundation
import VinhDanhConfig
import VinhDanhContent
import VinhDanhEditing
import VinhDanhRender
import VinhDanhText
import VinhDanhVocabulary

extension VinhDanhCommand {
    /// `vinhdanh new`: a new profile from the archetype of its kind.
    struct New: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Tạo hồ sơ mới từ mẫu (hỏi từng mục nếu chạy trên terminal mà không có tùy chọn).")

        @OptionGroup var options: SiteOptions

        @Option(name: .long, help: "Loại: cá nhân, tập thể hoặc hộ gia đình.")
        var kind: String?

        @Option(name: .long, help: "Họ và tên, hoặc tên tập thể, hộ gia đình.")
        var title: String?

        @Option(name: .long, help: "Huyện, thị xã, thành phố (tên hoặc mã), hoặc cap-tinh: nơi của khen thưởng trước 01/7/2025.")
        var district: String?

        @Option(name: .long, help: "Xã, phường: với --district, xã cũ của huyện đó; không có --district, xã, phường hiện nay (khen thưởng từ 01/7/2025).")
        var commune: String?

        @Option(name: .long, help: "Phong trào thi đua (tên hoặc mã); lặp lại cho nhiều phong trào.")
        var movement: [String] = []

        @Option(name: .long, help: ArgumentHelp("Khen thưởng dạng \"HÌNH THỨC;NĂM;QUYẾT ĐỊNH\"; lặp lại cho nhiều khen thưởng.", valueName: "TYPE;YEAR;DECISION"))
        var award: [String] = []

        @Option(name: .long, help: "Địa chỉ /ho-so/<slug>/ (mặc định: từ tên).")
        var slug: String?

        func run() throws {
            let paths = SitePaths(root: Terminal.absolute(options.site))
            let site = SiteLoader(paths: paths, latestYear: Terminal.currentYear).load()
            let input = FieldInput(vocabularies: site.vocabularies, latestYear: Terminal.currentYear)
            let interactive = kind == nil && title == nil && district == nil && commune == nil && isatty(0) == 1
            let asker = Asker(interactive: interactive)
            do {
                let kind = try asker.value(kind, prompt: "Loại đối tượng (cá nhân / tập thể / hộ gia đình)", option: "--kind") {
                    input.kind($0, field: "--kind")
                }
                let title = try asker.value(title, prompt: kind == .individual ? "Họ và tên" : "Tên", option: "--title") { text in
                    text.isEmpty ? .failure(InputProblem(field: "--title", message: "tên không được để trống")) : .success(text)
                }
                // A commune of today alone is a place; else the district (asked for if missing).
                let place = try asker.value(district ?? (commune == nil ? nil : ""),
                                            prompt: "Địa bàn: huyện, thị xã, thành phố hoặc cap-tinh (trước 01/7/2025), hoặc xã, phường hiện nay",
                                            option: "--district") {
                    input.place(district: $0.isEmpty ? nil : $0, commune: commune, districtField: "--district", communeField: "--commune")
                }
                // A name taken by its start is said back, with the key it was taken as.
                func echo(_ text: String, _ kind: Vocabulary.Kind) {
                    if let taken = input.leniency(text, in: kind) { Terminal.error("“\(text)” được hiểu là \(taken.key) (\(taken.name))") }
                }
                let movements = try asker.list(movement, prompt: "Phong trào thi đua (tên hoặc mã)", required: false) { text in
                    defer { echo(text, .movements) }
                    return input.entry(text, in: .movements, field: "--movement")
                }
                let awards = try asker.list(award, prompt: "Khen thưởng, dạng HÌNH THỨC;NĂM;QUYẾT ĐỊNH", required: true, option: "--award") { text in
                    defer { echo(String(text.prefix { $0 != ";" }).trimmingCharacters(in: .whitespaces), .awards) }
                    return input.award(text, field: "--award").map { ProfileDraft.Award(type: $0.type, year: $0.year, decision: $0.decision) }
                }
                var draft = ProfileDraft(title: title, kind: kind, district: place.place, movements: movements, awards: awards)
                draft.file(under: place)
                let creator = ProfileCreator(site: site, themeDirectory: Theme.defaultDirectory, latestYear: Terminal.currentYear)
                var chosenSlug = slug
                if interactive, chosenSlug == nil, creator.slugs.isTaken(Slug.make(title)) {
                    let proposal = creator.slugs.propose(title: title, districtKey: place.place.key)
                    print("Đã có hồ sơ với địa chỉ /ho-so/\(Slug.make(title))/ (có thể là người trùng tên).")
                    chosenSlug = try asker.value(nil, prompt: "Địa chỉ cho hồ sơ mới [\(proposal)]", option: "--slug", defaultValue: proposal) {
                        .success($0)
                    }
                }
                switch creator.create(draft, slug: chosenSlug) {
                case .success(let path): print(path)
                case .failure(let problem): throw problem
                }
            } catch let problem as InputProblem {
                Terminal.error("lỗi: \(problem)")
                throw ExitCode.failure
            }
        }
    }
}

/// Takes a value from its option, or asks for it on a terminal until it is valid.
struct Asker {
    let interactive: Bool

    func value<T>(_ given: String?, prompt: String, option: String, defaultValue: String? = nil,
                  _ parse: (String) -> Result<T, InputProblem>) throws -> T {
        if let given { return try parse(given).get() }
        guard interactive else { throw InputProblem(field: option, message: "thiếu tùy chọn \(option)") }
        while true {
            Swift.print("\(prompt): ", terminator: "")
            guard let line = readLine() else { throw InputProblem(field: option, message: "đã dừng nhập") }
            let text = line.trimmingCharacters(in: .whitespaces)
            switch parse(text.isEmpty ? (defaultValue ?? "") : text) {
            case .success(let value): return value
            case .failure(let problem): Swift.print("  \(problem.message)" + (problem.suggestion.map { " — \($0)" } ?? ""))
            }
        }
    }

    func list<T>(_ given: [String], prompt: String, required: Bool, option: String = "",
                 _ parse: (String) -> Result<T, InputProblem>) throws -> [T] {
        if !given.isEmpty || !interactive {
            if required && given.isEmpty { throw InputProblem(field: option, message: "cần ít nhất một \(option)", suggestion: "ví dụ \(option) \"Bằng khen UBND tỉnh;2024;Quyết định số 12/QĐ-UBND\"") }
            return try given.map { try parse($0).get() }
        }
        var values: [T] = []
        while true {
            let hint = values.isEmpty ? (required ? "" : " (Enter để bỏ qua)") : " (thêm mục khác, hoặc Enter để kết thúc)"
            Swift.print("\(prompt)\(hint): ", terminator: "")
            guard let line = readLine() else { break }
            let text = line.trimmingCharacters(in: .whitespaces)
            if text.isEmpty {
                if required && values.isEmpty { Swift.print("  cần ít nhất một mục"); continue }
                break
            }
            switch parse(text) {
            case .success(let value): values.append(value)
            case .failure(let problem): Swift.print("  \(problem.message)" + (problem.suggestion.map { " — \($0)" } ?? ""))
            }
        }
        return values
    }
}
