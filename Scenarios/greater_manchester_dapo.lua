-- Greater Manchester under the DAPO pilot: the dedicated team presents the police application and
-- compliance checks fall due while the order is in force (the force's practice: due items only).
return {
  name = "Greater Manchester DAPO: dedicated team presents; compliance checks due",
  force = "greater_manchester", workflow = "dapo",
  steps = {
    { event = "report_incident", at = "2026-02-02T20:00:00Z",
      data = { route = "police_notice", perpetrator_dob = "1980-01-01", victim_dob = "1982-01-01",
        relationship = "parent_of_same_child", abuse = "violent_or_threatening" } },
    { event = "authorise_notice", at = "2026-02-02T22:00:00Z", role = "chief_inspector",
      data = { grounds = "g", victim_opinion = "v", children_welfare = "c", perpetrator_representations = "none made",
        premises_conditions = true, other_residents_opinion = "o" },
      expect = { state = "notice_authorised" } },
    { event = "serve_notice", at = "2026-02-03T08:00:00Z",
      data = { address_refused = true, service_accommodation = false } },
    { event = "apply_for_order", at = "2026-02-03T10:00:00Z",
      data = { court = "Manchester and Salford", listed_for = "2026-02-04T10:00:00Z" },
      expect = { refused = "the actor must be dedicated_team" } },
    { event = "apply_for_order", at = "2026-02-03T10:00:00Z", role = "dedicated_team",
      data = { court = "Manchester and Salford", listed_for = "2026-02-04T10:00:00Z" }, expect = { state = "hearing" } },
    { event = "grant_order", at = "2026-02-04T11:00:00Z", role = "dedicated_team", data = { ends_on = "2026-08-03" },
      expect = { state = "order_in_force", deadlines = { compliance_check = "2026-02-11T11:00:00Z" } } },
    { event = "record_compliance_check", at = "2026-02-10T18:00:00Z", data = { compliance = "compliant" },
      expect = { data = { compliance_checks = 1 }, deadlines = { compliance_check = "2026-02-17T18:00:00Z" } } },
  },
}
