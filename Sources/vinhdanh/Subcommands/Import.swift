import ArgumentParser
import Foundation
import VinhDanhConfig
import VinhDanhContent
import VinhDanhEditing
import VinhDanhRender

extension VinhDanhCommand {
    /// `vinhdanh import`: profiles and awards from the list of an award decision (CSV).
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Nhập danh sách kèm quyết định khen thưởng (CSV) thành hồ sơ; có dòng lỗi thì không ghi gì.")

        @OptionGroup var options: SiteOptions

        @Argument(help: ArgumentHelp("Tệp CSV (UTF-8 hoặc Windows-1258; phân cách bằng , hoặc ;).", valueName: "FILE.csv"))
        var file: String

        @Flag(name: .customLong("dry-run"), help: "Chỉ in kế hoạch, không ghi tệp nào.")
        var dryRun = false

        @Option(name: .long, help: "Số quyết định cho các dòng không ghi.")
        var decision: String?

        @Option(name: .long, help: "Năm khen thưởng cho các dòng không ghi.")
        var year: Int?

        @Option(name: .long, help: "Bảng mã của tệp: utf-8 hoặc windows-1258 (mặc định: tự nhận biết).")
        var encoding: String?

        func run() throws {
            let paths = SitePaths(root: Terminal.absolute(options.site))
            let forced: DecisionTable.Encoding?
            if let encoding {
                guard let parsed = DecisionTable.Encoding(rawValue: encoding.lowercased()) else {
                    throw ValidationError("--encoding phải là utf-8 hoặc windows-1258")
                }
                forced = parsed
            } else {
                forced = nil
            }
            let bytes: [UInt8]
            do { bytes = Array(try Data(contentsOf: URL(fileURLWithPath: Terminal.absolute(file)))) } catch {
                Terminal.error("lỗi: không đọc được \(file)")
                throw ExitCode.failure
            }
            let table: DecisionTable
            switch DecisionTable.read(bytes, file: file, encoding: forced) {
            case .success(let read): table = read
            case .failure(let problem):
                Terminal.error("lỗi: \(problem)")
                throw ExitCode.failure
            }
            let site = SiteLoader(paths: paths, latestYear: Terminal.currentYear).load()
            let importer = DecisionImporter(site: site, themeDirectory: Theme.defaultDirectory, latestYear: Terminal.currentYear,
                                            defaultDecision: decision, defaultYear: year)
            let plan = importer.plan(table)
            if !plan.unknownColumns.isEmpty {
                Terminal.error("\(file): cảnh báo: bỏ qua các cột không nhận ra: \(plan.unknownColumns.joined(separator: ", "))")
            }
            for rejection in plan.rejected { Terminal.error("\(file):\(rejection.row): lỗi: \(rejection.reason)") }
            print("\(file) (\(table.encoding.rawValue), phân cách “\(table.separator)”, \(table.rows.count) dòng): \(plan.summary)")
            guard plan.isValid else {
                Terminal.error("Không ghi gì: sửa các dòng lỗi rồi nhập lại.")
                throw ExitCode.failure
            }
            let verb = dryRun ? "sẽ tạo" : "tạo"
            for profile in plan.newProfiles { print("  \(verb) \(profile.path)") }
            for path in plan.edits.keys.sorted() { print("  \(dryRun ? "sẽ bổ sung" : "bổ sung") \(path)") }
            if dryRun { return }
            do { try importer.apply(plan) } catch {
                Terminal.error("lỗi: \(error); không thay đổi tệp nào")
                throw ExitCode.failure
            }
        }
    }
}
