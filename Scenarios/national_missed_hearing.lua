-- A hearing that does not happen in time (CSA 2010 s.27(3)): the engine's clock records the missed
-- deadline, an inspector records what was decided, and a lapsed notice can no longer be enforced
-- (s.26(1)) before the case is closed.
return {
  name = "National: a missed hearing deadline, its decision, and closing the case",
  force = "national",
  steps = {
    { event = "report_incident", at = "2026-12-23T21:00:00Z",
      data = { perpetrator_dob = "1975-01-01", relationship = "former_spouse", violence = "used" } },
    { event = "authorise_notice", at = "2026-12-23T23:00:00Z", role = "chief_superintendent",
      data = { grounds = "g", victim_opinion = "v", children_welfare = "c", perpetrator_representations = "none made",
        premises_conditions = false } },
    -- Christmas Eve: Christmas Day, Sunday 27 and the Boxing Day substitute Monday 28 are not
    -- counted; Boxing Day on a Saturday is unsettled and counted (the earlier deadline).
    { event = "serve_notice", at = "2026-12-24T09:00:00Z", data = { hearing_address = "1 Station Road" },
      expect = { deadlines = { hearing = "2026-12-29T09:00:00Z" } } },
    { event = "record_deadline_decision", at = "2026-12-24T10:00:00Z", role = "inspector",
      data = { clock = "hearing", decision = "notice_lapsed" }, expect = { refused = "clock hearing has no missed deadline awaiting a decision" } },
    { tick = "2026-12-29T12:00:00Z", expect = { state = "notice_served", deadlines = { hearing = { status = "missed" } } } },
    { event = "record_deadline_decision", at = "2026-12-29T13:00:00Z", role = "sergeant",
      data = { clock = "hearing", decision = "notice_lapsed" }, expect = { refused = "needs inspector or above" } },
    { event = "record_deadline_decision", at = "2026-12-29T13:00:00Z", role = "inspector",
      data = { clock = "hearing", decision = "perpetrator_released" }, expect = { refused = "does not fit clock hearing" } },
    { event = "record_deadline_decision", at = "2026-12-29T13:00:00Z", role = "inspector",
      data = { clock = "hearing", decision = "notice_lapsed", advice = "force solicitor; removed from PNC" },
      expect = { data = { notice_lapsed = true } } },
    { event = "report_notice_breach", at = "2026-12-29T13:30:00Z", expect = { refused = "there is no power of arrest" } },
    { event = "close", at = "2026-12-29T14:00:00Z", data = { reason = "notice lapsed" },
      expect = { refused = "needs an inspector or above" } },
    { event = "close", at = "2026-12-29T14:00:00Z", role = "inspector", data = { reason = "notice lapsed" },
      expect = { state = "closed" } },
  },
}
