import Foundation
import Testing
import WorkflowCore

@Suite("Order periods: whole local days (Crime and Security Act 2010 s.28(10))")
struct OrderPeriodTests {
    @Test func a28DayOrderMadeOn1JuneEndsAtTheCloseOf28June() {
        let end = OrderPeriod.end(madeOn: LocalDate(iso: "2026-06-01")!, days: 28)
        #expect(Instant.format(end) == "2026-06-28T23:59:59.999+01:00")
        #expect(OrderPeriod.lastDay(madeOn: LocalDate(iso: "2026-06-01")!, days: 28) == LocalDate(iso: "2026-06-28"))
    }

    @Test func periodsAcrossTheClockChangeEndAtLocalMidnightNotAnHourOut() {
        // Made in BST, ends in GMT: 24 × 14 hours from the start would land at 22:59 or 00:59.
        let autumn = OrderPeriod.end(madeOn: LocalDate(iso: "2026-10-20")!, days: 14)
        #expect(Instant.format(autumn) == "2026-11-02T23:59:59.999Z")
        let spring = OrderPeriod.end(madeOn: LocalDate(iso: "2026-03-20")!, days: 14)
        #expect(Instant.format(spring) == "2026-04-02T23:59:59.999+01:00")
    }
}
