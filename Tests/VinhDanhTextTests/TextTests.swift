import Foundation
import Testing
@testable import VinhDanhText

@Suite struct TextTests {
    @Test(arguments: [
        ("Nguyễn Đức Thắng", "nguyen-duc-thang"),
        ("Hợp tác xã Vải thiều Lục Ngạn", "hop-tac-xa-vai-thieu-luc-ngan"),
        ("  ĐOÀN   Thị  Ánh ", "doan-thi-anh"),
        ("Trường THCS số 1 (Việt Yên)", "truong-thcs-so-1-viet-yen"),
        ("Nguyễn Văn An", "nguyen-van-an"),
    ])
    func slugs(input: String, expected: String) {
        #expect(Slug.make(input) == expected)
    }

    @Test func slugOfNFDInputEqualsNFC() {
        let nfd = "Nguyễn Thị Ánh".decomposedStringWithCanonicalMapping
        #expect(Slug.make(nfd) == "nguyen-thi-anh")
    }

    @Test func foldingIgnoresCaseDiacriticsAndD() {
        #expect(Folding.fold("ĐƯỜNG Văn  Đức") == "duong van duc")
        #expect(Folding.compact("Thị xã Việt Yên") == Folding.compact("thi xa viet yen"))
        #expect(Folding.compact("bac-giang") == Folding.compact("Bắc Giang"))
    }

    /// The table-driven folding must give Foundation's result: every letter of the
    /// Vietnamese alphabet with every tone, both cases, NFD input and the ASCII slug path.
    @Test func tableFoldingEqualsFoundation() {
        let options: String.CompareOptions = [.diacriticInsensitive, .caseInsensitive, .widthInsensitive]
        var samples = ["ĐƯỜNG Văn  Đức", "Hợp tác xã Vải thiều Lục Ngạn", "Ngô Thị Ánh Tuyết", "SS æ Œ ø ı İ",
                       "Nguyễn Thị Ánh".decomposedStringWithCanonicalMapping, "MiXeD Ascii-123"]
        for vowel in ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"] {
            for tone in ["", "\u{300}", "\u{301}", "\u{303}", "\u{309}", "\u{323}"] {
                let letter = (vowel + tone).precomposedStringWithCanonicalMapping
                samples += [letter, letter.uppercased()]
            }
        }
        for text in samples {
            #expect(LatinFolding.fold(text) == text.folding(options: options, locale: nil), "\(text)")
        }
        #expect(LatinFolding.fold("Nguyễn 中文") == nil)
        #expect(Slug.make("Ho-So_2024 MOI.md") == "ho-so-2024-moi-md")
    }

    @Test func vietnameseCollationOrder() {
        let names = ["Đức", "Dung", "Ân", "Anh", "Ăn", "Bá", "Ba", "Ông", "Ơn", "Oanh", "Ánh"]
        let collator = VietnameseCollator()
        let sorted = names.sorted(by: collator.less)
        // a < ă < â, d < đ, o < ô < ơ; tones are a secondary difference.
        #expect(sorted == ["Anh", "Ánh", "Ăn", "Ân", "Ba", "Bá", "Dung", "Đức", "Oanh", "Ông", "Ơn"])
    }

    /// Foundation's locale compare says "Hoàng" = "Hồng" one way and "Hồng" > "Hoàng" the
    /// other, so a sort with it depends on input order. The ICU keys must not.
    @Test func collationIsAConsistentOrder() {
        let collator = VietnameseCollator()
        #expect(collator.less("Hoàng", "Hồng"))
        #expect(!collator.less("Hồng", "Hoàng"))
        #expect(collator.less("Trường THCS Hoàng Văn Thụ", "Trường THCS Hồng Kỳ"))
        #expect(collator.less("Trường THCS Hồng Kỳ", "Trường THCS Hồng Thái"))
        let names = ["Trường THCS Hồng Thái", "Trường THCS Hoàng Văn Thụ", "Trường THCS Hồng Kỳ", "Trường THCS Hoàng An",
                     "Trường THCS Hiệp Hòa", "Trường THCS Hồng Giang", "Trường THCS Hợp Thịnh"]
        let expected = ["Trường THCS Hiệp Hòa", "Trường THCS Hoàng An", "Trường THCS Hoàng Văn Thụ", "Trường THCS Hồng Giang",
                        "Trường THCS Hồng Kỳ", "Trường THCS Hồng Thái", "Trường THCS Hợp Thịnh"]
        #expect(names.sorted(by: collator.less) == expected)
        #expect(names.reversed().sorted(by: collator.less) == expected)
        #expect(collator.equal("Việt", "Việt".decomposedStringWithCanonicalMapping))
    }

    @Test func utf8DecodingDropsBOMAndNormalises() {
        let text = "\u{FEFF}a\r\nb\rc " + "Việt".decomposedStringWithCanonicalMapping
        guard case .text(let decoded) = UnicodeText.decode(Array(text.utf8)) else {
            Issue.record("valid UTF-8 was rejected")
            return
        }
        #expect(decoded == "a\nb\nc Việt")
        #expect(decoded.unicodeScalars.count == "a\nb\nc Việt".unicodeScalars.count)
    }

    @Test(arguments: [
        ("Nguyễn Văn Ánh – “Đường” … ơ ư ă đ", true),
        ("Việt".decomposedStringWithCanonicalMapping, false),
        ("\u{212B}ngström", false),   // Angstrom sign: NFC maps it to Å
        ("a\u{2001}b", false),         // em quad: NFC maps it to en quad
        ("汉字", false),                // outside the fast path: normalised the slow way
        ("Kết thúc…", true),           // a three-byte character as the last one
        ("cuối\u{0301}", false),       // a combining mark as the last one
    ])
    func nfcFastPath(text: String, certain: Bool) {
        #expect(UnicodeText.isCertainlyNFC(text) == certain)
        #expect(UnicodeText.nfc(text).unicodeScalars.elementsEqual(text.precomposedStringWithCanonicalMapping.unicodeScalars))
    }

    @Test func invalidUTF8ReportsLineAndColumn() {
        var bytes = Array("dòng 1\ndòng 2\nab".utf8)
        bytes.append(0xE0)  // Windows-1258 "à", not UTF-8
        bytes += Array(" c".utf8)
        guard case .invalid(let line, let column) = UnicodeText.decode(bytes) else {
            Issue.record("invalid UTF-8 was accepted")
            return
        }
        #expect(line == 3)
        #expect(column == 3)
    }

    @Test(arguments: ["2024-02-29", "2023-12-31", "2000-02-29"])
    func realDates(text: String) {
        #expect(CalendarDate(parsing: text)?.description == text)
    }

    @Test(arguments: ["2024-13-45", "2023-02-29", "1900-02-29", "2023-6-1", "01/06/2023", ""])
    func impossibleDates(text: String) {
        #expect(CalendarDate(parsing: text) == nil)
    }
}
