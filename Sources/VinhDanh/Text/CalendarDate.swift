/// A calendar day as written in front matter (`2023-06-01`), validated by hand because
/// Yams silently rolls impossible dates over (2024-13-45 becomes a date in 2025).
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Year, month (1–12) and day (1–31).
    public let year: Int, month: Int, day: Int

    /// Parses `YYYY-MM-DD`; `nil` for anything else or a day that does not exist.
    public init?(parsing text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// Parses a date as Vietnamese texts write it, day first: `D/M/YYYY`, `D-M-YYYY` or
    /// `D.M.YYYY`; `nil` for anything else or a day that does not exist.
    public init?(dayFirst text: some StringProtocol) {
        let parts = text.split(whereSeparator: { $0 == "/" || $0 == "-" || $0 == "." })
        guard parts.count == 3, parts[0].count <= 2, parts[1].count <= 2, parts[2].count == 4,
              let d = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// A date from its parts; `nil` when the day does not exist.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= CalendarDate.days(inMonth: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// A date known to exist (31 December, 1 January), skipping the check.
    package init(validYear year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The day after.
    public var next: CalendarDate {
        if day < Self.days(inMonth: month, year: year) { return CalendarDate(validYear: year, month: month, day: day + 1) }
        return month < 12 ? CalendarDate(validYear: year, month: month + 1, day: 1) : CalendarDate(validYear: year + 1, month: 1, day: 1)
    }

    /// ISO form, `2023-06-01`.
    public var description: String {
        Digits.pad(year, to: 4) + "-" + Digits.pad(month, to: 2) + "-" + Digits.pad(day, to: 2)
    }

    /// Vietnamese display form, `01/06/2023`.
    public var vietnamese: String {
        Digits.pad(day, to: 2) + "/" + Digits.pad(month, to: 2) + "/" + "\(year)"
    }

    /// RFC 3339 timestamp at midnight UTC, for feeds and sitemaps.
    public var rfc3339: String { description + "T00:00:00Z" }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}

/// Zero-padding for dates.
enum Digits {
    static func pad(_ value: Int, to width: Int) -> String {
        let digits = "\(value)"
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
