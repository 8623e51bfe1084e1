import VinhDanhText

/// Reading a source file as text: a profile, a page, `site.yaml`, a vocabulary, a template,
/// an archetype. Every source is read through here, so each one that cannot be read, or is
/// not UTF-8, is reported the same way.
extension FileIO {
    /// Reads and decodes a file (``UnicodeText/decode(_:)``: NFC, LF line ends), or says
    /// why it cannot be used. `relative` is the path a diagnostic shows.
    package static func readText(_ absolute: String, relative: String) -> Result<String, Diagnostic> {
        let bytes: [UInt8]
        do { bytes = try read(absolute) } catch {
            return .failure(Diagnostic(file: relative, code: .unreadable, message: error.description))
        }
        switch UnicodeText.decode(bytes) {
        case .text(let text): return .success(text)
        case .invalid(let line, let column):
            return .failure(Diagnostic(file: relative, line: line, column: column, code: .notUTF8,
                                       message: "tệp không phải văn bản UTF-8 (byte lỗi đầu tiên ở dòng \(line))",
                                       suggestion: "lưu lại tệp với bảng mã UTF-8 (trong Notepad: Save As → Encoding: UTF-8)"))
        }
    }
}
