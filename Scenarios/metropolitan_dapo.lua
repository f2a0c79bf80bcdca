-- The Metropolitan Police under the DAPO pilot (Croydon, Bromley and Sutton): the perpetrator's
-- home borough is recorded; one outside the pilot boroughs is flagged for a check, not refused.
return {
  name = "Metropolitan DAPO: home borough recorded and checked against the pilot boroughs",
  force = "metropolitan", workflow = "dapo",
  steps = {
    { event = "report_incident", at = "2026-02-10T21:00:00Z",
      data = { route = "police_notice", perpetrator_dob = "1985-03-02", victim_dob = "1990-07-09",
        relationship = "intimate_relationship", abuse = "controlling_or_coercive", area = "croydon" },
      expect = { error = "bad input", message = "perpetrator_borough" } },
    { event = "report_incident", at = "2026-02-10T21:00:00Z",
      data = { route = "police_notice", perpetrator_dob = "1985-03-02", victim_dob = "1990-07-09",
        relationship = "intimate_relationship", abuse = "controlling_or_coercive", area = "croydon",
        perpetrator_borough = "Lambeth" },
      expect = { state = "incident", data = { pilot_borough = false } } },
    { event = "correct_record", at = "2026-02-10T21:30:00Z", role = "sergeant",
      data = { corrected_field = "perpetrator_borough", corrected_value = "sutton", correction_reason = "address checked" },
      expect = { data = { perpetrator_borough = "sutton" } } },
    { event = "authorise_notice", at = "2026-02-10T23:00:00Z", role = "inspector",
      data = { grounds = "g", victim_opinion = "v", children_welfare = "c", perpetrator_representations = "none made",
        premises_conditions = false },
      expect = { state = "notice_authorised" } },
  },
}
