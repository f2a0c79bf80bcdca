-- Clare's Law, right to know: the police act on what they hold; the forum decides not to disclose,
-- the notice is late, and tick records the missed target for a supervisor's decision.
return {
  name = "DVDS: right to know, no disclosure, target missed",
  force = "national", workflow = "dvds",
  steps = {
    { event = "receive_request", at = "2026-01-05T10:00:00Z", data = { route = "right_to_know", applicant = "police" },
      expect = { deadlines = { disclosure_target = "2026-02-12T23:59:59.999+00:00" } } },
    { event = "complete_initial_checks", at = "2026-01-06T10:00:00Z", data = { checks = "no urgent risk" } },
    { event = "begin_full_checks", at = "2026-01-06T11:00:00Z", expect = { state = "full_checks" } },
    { event = "refer_for_decision", at = "2026-02-02T10:00:00Z", data = { risk_tool = "dash", risk_level = "medium" } },
    { event = "decide_not_to_disclose", at = "2026-02-10T10:00:00Z", role = "inspector",
      data = { reasons = "no relevant history", agencies = "police, children's services" },
      expect = { state = "disclosure_refused" } },
    { tick = "2026-02-13T08:00:00Z", expect = { deadlines = { disclosure_target = { status = "missed" } } } },
    { event = "record_deadline_decision", at = "2026-02-13T10:00:00Z", role = "inspector",
      data = { clock = "disclosure_target", decision = "forum delayed by partner checks; notice to be given today" } },
    { event = "notify_no_disclosure", at = "2026-02-13T15:00:00Z", data = { how = "in_person" },
      expect = { state = "no_disclosure_notified" } },
  },
}
