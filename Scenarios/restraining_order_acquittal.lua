-- A restraining order on acquittal (PHA 1997 s.5A), until further order: it cannot expire.
return {
  name = "Restraining order: on acquittal, until further order",
  force = "national", workflow = "restraining_order",
  steps = {
    { event = "record_order", at = "2026-02-10T15:00:00Z",
      data = { basis = "acquittal", court = "Leeds Crown Court", terms = "not to contact the complainant" },
      expect = { state = "order_in_force", data = { statute = "Protection from Harassment Act 1997 s.5A" } } },
    { event = "expire_order", at = "2027-02-10T15:00:00Z", expect = { refused = "until further order" } },
  },
}
