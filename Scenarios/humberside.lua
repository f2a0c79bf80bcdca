-- Humberside: patrol visits while the order is in force; an overdue visit is recorded as missed.
return {
  name = "Humberside: the visit schedule runs until the order ends",
  force = "humberside",
  steps = {
    { event = "report_incident", at = "2026-06-01T22:00:00+01:00",
      data = { perpetrator_dob = "1980-01-01", relationship = "cohabitant", violence = "used" } },
    { event = "authorise_notice", at = "2026-06-02T01:00:00+01:00", role = "superintendent",
      data = { grounds = "g", victim_opinion = "v", children_welfare = "c", perpetrator_representations = "none made",
        premises_conditions = false } },
    { event = "serve_notice", at = "2026-06-02T09:00:00+01:00", data = { address_refused = true } },
    { event = "apply_for_order", at = "2026-06-02T10:00:00+01:00",
      data = { court = "Hull", listed_for = "2026-06-03T10:00:00+01:00" } },
    { event = "grant_order", at = "2026-06-03T11:00:00+01:00", data = { days = 14 },
      expect = { deadlines = { first_visit = "2026-06-04T11:00:00+01:00" } } },
    { event = "record_visit", at = "2026-06-04T09:00:00+01:00", data = { outcome = "safe", visit_kind = "patrol" },
      expect = { deadlines = { first_visit = { status = "met" }, next_visit = "2026-06-07T09:00:00+01:00" } } },
    { event = "record_visit", at = "2026-06-08T09:00:00+01:00", data = { outcome = "safe", visit_kind = "sms" },
      expect = { error = "bad input", message = "visit_kind" } },
    { event = "record_visit", at = "2026-06-08T09:00:00+01:00", data = { outcome = "safe", visit_kind = "phone" },
      expect = { deadlines = { next_visit = "2026-06-11T09:00:00+01:00" } } },
    { tick = "2026-06-17T06:00:00+01:00", expect = { state = "expired", deadlines = { next_visit = { status = "stopped" } } } },
  },
}
