import SwiftCSV
import VinhDanhText
import VinhDanhVocabulary

/// A decision's list read from a CSV file: encoding and separator detected, headers
/// mapped to columns, rows numbered as the spreadsheet shows them (header = row 1).
public struct DecisionTable: Sendable {
    /// One data row.
    public struct Row: Sendable {
        /// Spreadsheet row number.
        public var number: Int
        /// Values by column (trimmed, NFC).
        public var values: [DecisionColumn: String]
        /// A kind implied by which title column was filled (`Tên tập thể` → collective).
        public var impliedKind: SubjectKind?
    }

    /// Text encodings a decision file may come in.
    public enum Encoding: String, Sendable, CaseIterable {
        case utf8 = "utf-8"
        case windows1258 = "windows-1258"
    }

    public var rows: [Row]
    /// Headers that name no known column (reported, not fatal).
    public var unknownHeaders: [String]
    /// The encoding the file was read in.
    public var encoding: Encoding
    /// The separator found.
    public var separator: Character

    /// Reads `bytes` (a whole CSV file). `encoding` forces one; otherwise UTF-8 (with or
    /// without BOM) when the bytes are valid UTF-8, else Windows-1258.
    public static func read(_ bytes: [UInt8], file: String, encoding forced: Encoding? = nil) -> Result<DecisionTable, InputProblem> {
        var encoding = forced ?? .utf8
        var text: String
        switch (forced, UnicodeText.decode(bytes)) {
        case (nil, .text(let decoded)), (.utf8?, .text(let decoded)): text = decoded
        case (.utf8?, .invalid(let line, _)):
            return .failure(InputProblem(field: file, message: "tệp không phải UTF-8 (lỗi ở dòng \(line))",
                                         suggestion: "thử --encoding windows-1258"))
        case (nil, .invalid), (.windows1258?, _):
            guard let decoded = LegacyEncoding.decodeWindows1258(bytes) else {
                return .failure(InputProblem(field: file, message: "không đọc được tệp (không phải UTF-8 hay Windows-1258)",
                                             suggestion: "trong Excel, chọn Lưu thành → CSV UTF-8"))
            }
            encoding = .windows1258
            text = decoded.replacingOccurrences(of: "\r\n", with: "\n")
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let headerLine = text.prefix { $0 != "\n" }
        let separator: Character = headerLine.filter { $0 == ";" }.count > headerLine.filter { $0 == "," }.count ? ";" : ","
        let csv: EnumeratedCSV
        do {
            csv = try EnumeratedCSV(string: text, delimiter: separator == ";" ? .semicolon : .comma, loadColumns: false)
        } catch {
            return .failure(InputProblem(field: file, message: "tệp CSV sai định dạng (\(error))",
                                         suggestion: "kiểm tra dấu ngoặc kép trong các ô"))
        }
        var columns: [Int: DecisionColumn] = [:]
        var implied: [Int: SubjectKind] = [:]
        var unknown: [String] = []
        for (index, header) in csv.header.enumerated() {
            let header = UnicodeText.nfc(header).trimmedWhitespace
            if let column = DecisionColumn(header: header) {
                if column == .title || !columns.values.contains(column) { columns[index] = column }
                if let kind = DecisionColumn.impliedKind(header) { implied[index] = kind }
            } else if !header.isEmpty {
                unknown.append(header)
            }
        }
        var rows: [Row] = []
        for (offset, fields) in csv.rows.enumerated() {
            var row = Row(number: offset + 2, values: [:])
            for (index, field) in fields.enumerated() {
                guard let column = columns[index] else { continue }
                let value = UnicodeText.nfc(field).trimmedWhitespace
                guard !value.isEmpty, row.values[column] == nil else { continue }
                row.values[column] = value
                if column == .title { row.impliedKind = implied[index] }
            }
            if !row.values.isEmpty { rows.append(row) }
        }
        return .success(DecisionTable(rows: rows, unknownHeaders: unknown, encoding: encoding, separator: separator))
    }
}
