-- Humberside: a breach arrest two hours before the order ends (CSA 2010 s.28(9)). Nothing that
-- presupposes a live order is recorded after its end (s.28(10)) until expire_order is, so tick
-- records the end at its true time; the breach then goes to court and the case stays ended
-- (s.29(1)); a second arrest while a breach is before the court is allowed during the order.
return {
  name = "Humberside: a breach at the order's end, and the order ends on time",
  force = "humberside",
  steps = {
    { event = "report_incident", at = "2026-06-01T22:00:00+01:00",
      data = { perpetrator_dob = "1980-01-01", relationship = "cohabitant", violence = "used" } },
    { event = "authorise_notice", at = "2026-06-02T01:00:00+01:00", role = "superintendent",
      data = { grounds = "g", victim_opinion = "v", children_welfare = "c", perpetrator_representations = "none made",
        premises_conditions = false } },
    { event = "serve_notice", at = "2026-06-02T09:00:00+01:00", data = { address_refused = true } },
    { event = "apply_for_order", at = "2026-06-02T10:00:00+01:00",
      data = { court = "Hull", listed_for = "2026-06-02T14:00:00+01:00" } },
    { event = "grant_order", at = "2026-06-02T15:00:00+01:00", data = { days = 14 },
      expect = { deadlines = { order_end = "2026-06-15T23:59:59.999+01:00" } } },
    { event = "report_breach", at = "2026-06-10T20:00:00+01:00", expect = { state = "breach" } },
    { event = "record_production", at = "2026-06-11T10:00:00+01:00", data = { court = "Hull" },
      expect = { deadlines = { breach_production = { status = "met" } } } },
    { event = "report_breach", at = "2026-06-15T22:00:00+01:00",
      expect = { state = "breach", data = { breaches_awaiting_outcome = 2 },
        deadlines = { breach_production = "2026-06-16T22:00:00+01:00" } } },
    { event = "breach_outcome", at = "2026-06-16T10:00:00+01:00", data = { result = "fined" },
      expect = { refused = "the order ended at 2026-06-15T23:59:59.999+01:00 (CSA 2010 s.28(10)); expected expire_order first" } },
    { event = "record_visit", at = "2026-06-17T09:00:00+01:00", data = { outcome = "safe", visit_kind = "patrol" },
      expect = { refused = "expected expire_order first" } },
    { event = "close", at = "2026-06-17T09:00:00+01:00", role = "inspector", data = { reason = "x" },
      expect = { refused = "the order ended at 2026-06-15T23:59:59.999+01:00" } },
    { tick = "2026-06-17T10:00:00+01:00",
      expect = { state = "expired", deadlines = { order_end = { status = "met" }, breach_production = { status = "missed" } } } },
    { event = "breach_outcome", at = "2026-06-17T11:00:00+01:00", data = { result = "released_out_of_time" },
      expect = { state = "expired", data = { breaches_awaiting_outcome = 1 } } },
    { event = "breach_outcome", at = "2026-06-17T12:00:00+01:00", data = { result = "not_proved" },
      expect = { state = "expired", data = { breaches_awaiting_outcome = 0, breach_awaiting_outcome = false } } },
  },
}
