-- West Mercia: referrals to the domestic abuse forum, Victim Support and Women's Aid, with outcomes.
return {
  name = "West Mercia: referrals with outcomes",
  force = "west_mercia",
  steps = {
    { event = "report_incident", at = "2026-06-01T22:00:00+01:00",
      data = { perpetrator_dob = "1980-01-01", relationship = "household_member", violence = "threatened" } },
    { event = "authorise_notice", at = "2026-06-02T01:00:00+01:00", role = "superintendent",
      data = { grounds = "g", victim_opinion = "v", children_welfare = "c", perpetrator_representations = "none made",
        premises_conditions = false } },
    { event = "serve_notice", at = "2026-06-02T09:00:00+01:00", data = { address_refused = true } },
    { event = "record_referral", at = "2026-06-02T10:00:00+01:00",
      data = { agency = "domestic_abuse_forum", referral_outcome = "accepted" },
      expect = { data = { referral_domestic_abuse_forum = "accepted" } } },
    { event = "record_referral", at = "2026-06-02T10:30:00+01:00", data = { agency = "samaritans", referral_outcome = "accepted" },
      expect = { refused = "agency must be one of them" } },
    { event = "record_referral", at = "2026-06-02T11:00:00+01:00", data = { agency = "womens_aid", referral_outcome = "no_response" },
      expect = { data = { referral_womens_aid = "no_response" } } },
  },
}
