-- Wiltshire: notices served on release from custody (service before release is warned of); the pilot's usual 14, 21 and 28-day orders.
return {
  name = "Wiltshire: service on release from custody",
  force = "wiltshire",
  steps = {
    { event = "report_incident", at = "2026-06-01T22:00:00+01:00",
      data = { perpetrator_dob = "1980-01-01", relationship = "cohabitant", violence = "used" } },
    { event = "authorise_notice", at = "2026-06-02T01:00:00+01:00", role = "superintendent",
      data = { grounds = "g", victim_opinion = "v", children_welfare = "c", perpetrator_representations = "none made",
        premises_conditions = false } },
    -- Service in custody is lawful (CSA 2010 s.25(2)); serving before release is warned of, as practice.
    { event = "serve_notice", at = "2026-06-02T09:00:00+01:00",
      data = { address_refused = true, custody_suite = "Gablecross", released_at = "2026-06-02T09:30:00+01:00" },
      expect = { state = "notice_served", warning = "serves notices on release from custody", data = { custody_suite = "Gablecross" } } },
    -- Any length from 14 to 28 days is lawful (CSA 2010 s.28(10)); the pilot had 16 and 25-day orders.
    { event = "apply_for_order", at = "2026-06-02T10:00:00+01:00",
      data = { court = "Swindon", listed_for = "2026-06-03T10:00:00+01:00", days_sought = 16 },
      expect = { state = "hearing", warning = "usually applies for orders of 14, 21, 28 days" } },
    { event = "grant_order", at = "2026-06-03T11:00:00+01:00", data = { days = 21 },
      expect = { deadlines = { order_end = "2026-06-23T23:59:59.999+01:00" } } },
  },
}
