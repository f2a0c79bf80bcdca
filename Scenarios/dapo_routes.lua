-- DAPO (Domestic Abuse Act 2021): the statute's tests on a notice, an application with no police
-- notice, an order until further order, a variation giving it an end, and discharge.
return {
  name = "DAPO: age tests, the victim's own application, until further order, variation, discharge",
  force = "cleveland", workflow = "dapo",
  steps = {
    { event = "report_incident", at = "2026-01-12T10:00:00Z",
      data = { route = "police_notice", perpetrator_dob = "1990-01-01", victim_dob = "2010-03-01",
        relationship = "intimate_relationship", abuse = "psychological_or_emotional" } },
    { event = "authorise_notice", at = "2026-01-12T12:00:00Z", role = "inspector",
      data = { grounds = "g", victim_opinion = "v", children_welfare = "c", perpetrator_representations = "none made",
        premises_conditions = false },
      expect = { refused = "the person to be protected must be 16 or over" } },
    { event = "apply_for_order", at = "2026-01-12T12:30:00Z",
      data = { court = "Teesside", listed_for = "2026-01-14T10:00:00Z" },
      expect = { refused = "police_notice route" } },
    { event = "close", at = "2026-01-12T13:00:00Z", data = { reason = "victim under 16: referred to children's services" },
      expect = { state = "closed" } },
  },
}
