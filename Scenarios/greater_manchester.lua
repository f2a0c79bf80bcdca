-- Greater Manchester: caseworker and programme offers with outcomes; the dedicated team usually
-- presents, but a constable may apply (CSA 2010 s.27(1)): a warning, not a refusal.
return {
  name = "Greater Manchester: offers recorded, the dedicated team presents",
  force = "greater_manchester",
  steps = {
    { event = "report_incident", at = "2026-06-01T22:00:00+01:00",
      data = { perpetrator_dob = "1980-01-01", relationship = "parent_of_same_child", violence = "used" } },
    { event = "authorise_notice", at = "2026-06-02T01:00:00+01:00", role = "superintendent",
      data = { grounds = "g", victim_opinion = "v", children_welfare = "c", perpetrator_representations = "none made",
        premises_conditions = false } },
    { event = "serve_notice", at = "2026-06-02T09:00:00+01:00", data = { address_refused = true } },
    { event = "offer_caseworker", at = "2026-06-02T09:30:00+01:00", data = { caseworker_outcome = "accepted" },
      expect = { data = { caseworker_outcome = "accepted" } } },
    { event = "apply_for_order", at = "2026-06-02T10:00:00+01:00",
      data = { court = "Manchester and Salford", listed_for = "2026-06-03T10:00:00+01:00" },
      expect = { state = "hearing", warning = "usually presents applications" } },
    { event = "offer_perpetrator_programme", at = "2026-06-02T12:00:00+01:00", data = { programme_outcome = "declined" } },
    { event = "grant_order", at = "2026-06-03T11:00:00+01:00", role = "dedicated_team", data = { days = 28 },
      expect = { state = "order_in_force", data = { programme_outcome = "declined" } } },
  },
}
