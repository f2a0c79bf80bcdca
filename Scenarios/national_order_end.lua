-- The order's end while the perpetrator is in custody for breaching it: the order ends at its end
-- whatever the state (CSA 2010 s.28(10)), the breach still goes to court within the 24 hours
-- (s.29(1)), a breach arrest after the end is refused (s.28(9)), and the police cannot close a case
-- while the order is in force.
return {
  name = "National: the order ends while a breach is in court",
  force = "national",
  steps = {
    { event = "report_incident", at = "2026-06-01T22:00:00+01:00",
      data = { perpetrator_dob = "1980-01-01", relationship = "civil_partnership_agreement", violence = "used" } },
    { event = "authorise_notice", at = "2026-06-02T01:00:00+01:00", role = "assistant_chief_constable",
      data = { grounds = "g", victim_opinion = "v", children_welfare = "c", perpetrator_representations = "none made",
        premises_conditions = false } },
    { event = "serve_notice", at = "2026-06-02T09:00:00+01:00", data = { address_refused = true } },
    { event = "apply_for_order", at = "2026-06-02T10:00:00+01:00",
      data = { court = "Swindon", listed_for = "2026-06-05T10:00:00+01:00" },
      expect = { state = "hearing", warning = "after the 48 hours end at 2026-06-04T09:00:00+01:00" } },
    { event = "adjourn_hearing", at = "2026-06-02T15:00:00+01:00",
      data = { listed_for = "2026-06-03T10:00:00+01:00", reason = "listed sooner" }, expect = { warning = false } },
    { event = "grant_order", at = "2026-06-03T11:00:00+01:00", data = { days = 14 },
      expect = { deadlines = { order_end = "2026-06-16T23:59:59.999+01:00" } } },
    { event = "close", at = "2026-06-04T11:00:00+01:00", role = "chief_inspector", data = { reason = "victim asked" },
      expect = { refused = "the police cannot discharge it" } },
    { event = "report_breach", at = "2026-06-16T20:00:00+01:00",
      expect = { state = "breach", deadlines = { breach_production = "2026-06-17T20:00:00+01:00" } } },
    { event = "close", at = "2026-06-16T21:00:00+01:00", data = { reason = "x" }, expect = { refused = "cannot discharge" } },
    { tick = "2026-06-17T06:00:00+01:00",
      expect = { state = "expired", deadlines = { order_end = { status = "met" }, breach_production = { status = "pending" } } } },
    { event = "report_breach", at = "2026-06-17T07:00:00+01:00", expect = { refused = "there is no power of arrest for breaching it after its end (CSA 2010 s.28(9))" } },
    { event = "record_production", at = "2026-06-17T10:00:00+01:00", data = { court = "Swindon" },
      expect = { state = "expired", deadlines = { breach_production = { status = "met" } } } },
    { event = "breach_outcome", at = "2026-06-17T11:00:00+01:00", data = { result = "committed" },
      expect = { state = "expired", data = { breach_awaiting_outcome = false } } },
    { event = "breach_outcome", at = "2026-06-17T12:00:00+01:00", data = { result = "fined" },
      expect = { refused = "no breach of the order awaits" } },
  },
}
