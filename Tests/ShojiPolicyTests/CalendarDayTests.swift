import Foundation
import ShojiPolicy
import Testing

@Suite("CalendarDay")
struct CalendarDayTests {
    @Test("Parses only real days in YYYY-MM-DD", arguments: ["2026-02-30", "2026-13-01", "26-01-01", "2026-1-1", "x"])
    func invalid(text: String) {
        #expect(CalendarDay(text) == nil)
    }

    @Test("Adds days across months and years")
    func arithmetic() throws {
        let day = try #require(CalendarDay("2026-12-10"))
        #expect(day.adding(days: 60).description == "2027-02-08")
        #expect(day.days(until: day.adding(days: 30)) == 30)
        #expect(try #require(CalendarDay("2028-02-28")).adding(days: 1).description == "2028-02-29")
    }
}
