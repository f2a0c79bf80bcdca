-- DAPO (Domestic Abuse Act 2021 s.44): varying the terms keeps the order's end; the engine expires it.
return {
  name = "DAPO: a variation without a new end keeps the end; a past end is refused", force = "national", workflow = "dapo",
  steps = {
    { event = "report_incident", at = "2026-01-20T10:00:00Z",
      data = { route = "victim", perpetrator_dob = "1970-01-01", victim_dob = "1975-01-01",
        relationship = "formerly_married", abuse = "economic" } },
    { event = "apply_for_order", at = "2026-01-21T10:00:00Z", data = { court = "c", listed_for = "2026-02-02T10:00:00Z" } },
    { event = "grant_order", at = "2026-02-02T12:00:00Z", data = { ends_on = "2026-06-30" },
      expect = { deadlines = { order_end = "2026-06-30T23:59:59.999+01:00" } } },
    { event = "vary_order", at = "2026-03-02T12:00:00Z", data = { variation = "terms", applicant = "victim" },
      expect = { deadlines = { order_end = { due = "2026-06-30T23:59:59.999+01:00", status = "pending" } } } },
    { event = "vary_order", at = "2026-03-03T12:00:00Z", data = { variation = "end", applicant = "victim", ends_on = "2026-03-01" },
      expect = { refused = "before the day of the variation" } },
    { tick = "2026-07-01T06:00:00+01:00", expect = { state = "expired" } },
  },
}
