/// A day of the calendar (`updated: 2026-12-03`), with no time and no time zone: content says when it last
/// changed, the clock never does.
public struct CalendarDate: Sendable, Hashable, Comparable {
    /// The year, 1 to 9999.
    public var year: Int
    /// The month, 1 to 12.
    public var month: Int
    /// The day of the month, 1 to the month's length.
    public var day: Int

    /// The day `day` of `month` in `year`, taken as given (``parse(_:)`` checks a written date).
    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The date written `YYYY-MM-DD`, or nil with what is wrong with it: not that form, or no such day.
    public static func parse(_ text: String) -> Result<CalendarDate, Problem> {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) } }),
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return .failure(.notADate) }
        guard year >= 1 else { return .failure(.noSuchYear) }
        guard (1...12).contains(month) else { return .failure(.noSuchMonth(month)) }
        let length = Self.length(ofMonth: month, in: year)
        guard (1...length).contains(day) else { return .failure(.noSuchDay(days: length)) }
        return .success(CalendarDate(year: year, month: month, day: day))
    }

    /// What is wrong with a written date.
    public enum Problem: Error, Sendable, Equatable {
        case notADate, noSuchYear, noSuchMonth(Int), noSuchDay(days: Int)
    }

    /// The number of days of `month` in `year` (the Gregorian calendar).
    public static func length(ofMonth month: Int, in year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// `YYYY-MM-DD`, as written in content, in `<time datetime>` and in a sitemap's `lastmod`.
    public var iso: String {
        func padded(_ value: Int, _ width: Int) -> String {
            String(repeating: "0", count: max(0, width - String(value).count)) + String(value)
        }
        return "\(padded(year, 4))-\(padded(month, 2))-\(padded(day, 2))"
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}
