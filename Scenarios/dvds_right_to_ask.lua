-- Clare's Law, right to ask: a third party applies; initial checks, the face-to-face meeting, full
-- checks, the multi-agency decision and disclosure in person with a safety plan, all within the
-- 28-working-day target (the early May and spring bank holidays are not working days).
return {
  name = "DVDS: right to ask, through to disclosure within the working-day target",
  force = "national", workflow = "dvds",
  steps = {
    { event = "receive_request", at = "2026-04-30T10:00:00+01:00",
      data = { route = "right_to_ask", applicant = "police" },
      expect = { refused = "expected applicant=person_at_risk or third_party" } },
    { event = "receive_request", at = "2026-04-30T10:00:00+01:00",
      data = { route = "right_to_ask", applicant = "third_party" },
      expect = { state = "received", deadlines = { disclosure_target = "2026-06-11T23:59:59.999+01:00" } } },
    { event = "complete_initial_checks", at = "2026-05-01T09:00:00+01:00", data = { checks = "PNC, PND: no urgent risk" },
      expect = { state = "screened" } },
    { event = "begin_full_checks", at = "2026-05-05T09:00:00+01:00", expect = { refused = "face-to-face meeting" } },
    { event = "confirm_identity", at = "2026-05-07T14:00:00+01:00", data = { meeting_notes = "identity confirmed" } },
    { event = "begin_full_checks", at = "2026-05-07T15:00:00+01:00", expect = { state = "full_checks" } },
    { event = "refer_for_decision", at = "2026-05-20T09:00:00+01:00", data = { risk_tool = "dara", risk_level = "high" },
      expect = { state = "decision" } },
    { event = "decide_to_disclose", at = "2026-05-27T11:00:00+01:00", role = "inspector",
      data = { necessary = true, proportionate = false, reasons = "r", agencies = "police, probation, IDVA" },
      expect = { refused = "necessary and proportionate" } },
    { event = "decide_to_disclose", at = "2026-05-27T11:00:00+01:00", role = "inspector",
      data = { necessary = true, proportionate = true, reasons = "r", agencies = "police, probation, IDVA" },
      expect = { state = "disclosure_agreed" } },
    { event = "disclose", at = "2026-06-03T16:00:00+01:00",
      data = { disclosed_to = "person_at_risk", in_person = true, safety_plan = "IDVA referral; alarm fitted" },
      expect = { state = "disclosed", deadlines = { disclosure_target = { status = "met" } } } },
    { event = "close", at = "2026-06-04T09:00:00+01:00", data = { reason = "completed" }, expect = { state = "closed" } },
  },
}
