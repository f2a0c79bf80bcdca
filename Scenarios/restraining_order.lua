-- A restraining order on conviction after a DVPO: recorded with the case it followed, varied on
-- the victim's application, breached (an offence, charged), then discharged when the victim asks
-- for it to be lifted.
return {
  name = "Restraining order: on conviction, varied, breached and charged, discharged",
  force = "essex", workflow = "restraining_order",
  steps = {
    { event = "record_order", at = "2026-03-10T15:00:00Z",
      data = { basis = "conviction", court = "Chelmsford Crown Court", terms = "no contact", ends_on = "2026-03-09" },
      expect = { refused = "before the day the order is made" } },
    { event = "record_order", at = "2026-03-10T15:00:00Z",
      data = { basis = "conviction", court = "Chelmsford Crown Court", terms = "no contact", ends_on = "2027-03-09",
        linked_case = "ESX-1" },
      expect = { state = "order_in_force", data = { statute = "Sentencing Act 2020 s.360" },
        deadlines = { order_end = "2027-03-09T23:59:59.999+00:00" } } },
    { event = "vary_order", at = "2026-04-01T10:00:00+01:00",
      data = { applicant = "victim", variation = "exclusion zone widened", ends_on = "2027-06-30" },
      expect = { deadlines = { order_end = "2027-06-30T23:59:59.999+01:00" } } },
    { event = "report_breach", at = "2026-05-02T20:00:00+01:00", expect = { state = "breach", data = { breaches = 1 } } },
    { event = "breach_outcome", at = "2026-05-03T10:00:00+01:00", data = { result = "charged" },
      expect = { state = "order_in_force" } },
    { event = "discharge_order", at = "2026-09-01T10:00:00+01:00",
      data = { applicant = "victim", reason = "the victim asked for it to be lifted; the court agreed" },
      expect = { state = "discharged", deadlines = { order_end = { status = "stopped" } } } },
  },
}
