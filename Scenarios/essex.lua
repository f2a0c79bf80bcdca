-- Essex: a legal officer reviews the case and presents the application; orders of 14 or 28 days are
-- usual. Both are the force's practice: a constable may still apply (CSA 2010 s.27(1)), and any
-- length from 14 to 28 days is lawful (s.28(10)), so each departure is a warning, not a refusal.
return {
  name = "Essex: legal review, and the legal team presents (preferred, not required)",
  force = "essex",
  steps = {
    { event = "report_incident", at = "2026-06-01T22:00:00+01:00",
      data = { perpetrator_dob = "1980-01-01", relationship = "spouse", violence = "used" } },
    { event = "authorise_notice", at = "2026-06-02T01:00:00+01:00", role = "superintendent",
      data = { grounds = "g", victim_opinion = "v", children_welfare = "c", perpetrator_representations = "none made",
        premises_conditions = false } },
    { event = "serve_notice", at = "2026-06-02T09:00:00+01:00", data = { address_refused = true } },
    { event = "apply_for_order", at = "2026-06-02T10:00:00+01:00", role = "legal_officer",
      data = { court = "Chelmsford", listed_for = "2026-06-03T10:00:00+01:00", days_sought = 30 },
      expect = { refused = "days_sought must be 14 to 28" } },
    { event = "legal_review", at = "2026-06-02T10:00:00+01:00", role = "constable",
      data = { evidence_complete = true }, expect = { refused = "needs legal_officer" } },
    { event = "legal_review", at = "2026-06-02T10:30:00+01:00", actor = "LO12", role = "legal_officer",
      data = { evidence_complete = true }, expect = { data = { legal_reviewer = "LO12" } } },
    { event = "apply_for_order", at = "2026-06-02T11:00:00+01:00", role = "legal_officer",
      data = { court = "Chelmsford", listed_for = "2026-06-03T10:00:00+01:00", days_sought = 28 },
      expect = { state = "hearing", warning = false } },
    { event = "grant_order", at = "2026-06-03T11:00:00+01:00", role = "legal_officer", data = { days = 28 },
      expect = { state = "order_in_force" } },
  },
}
