-- Restraining orders made by a criminal court: on conviction (Sentencing Act 2020 ss.359-360, for
-- convictions from 1 December 2020; before that the Protection from Harassment Act 1997 s.5) or on
-- acquittal (Protection from Harassment Act 1997 s.5A). The police record the order, its terms and
-- its end (a stated date, or until further order), variations and discharges on application (a
-- victim may ask for one to be lifted), and breaches, which are offences reported for charge.
-- A case may name the DVPO or DAPO case it followed (`linked_case`).

local ro = engine.workflow {
  name = "restraining_order",
  title = "Restraining order on conviction or acquittal (Sentencing Act 2020 s.360; PHA 1997 ss.5, 5A)",
}

ro:state("order_in_force", "The order is in force")
ro:state("breach", "The defendant is arrested for the offence of breaching the order")
ro:state("expired", "The order reached its end date", { final = true })
ro:state("discharged", "The court discharged the order on application", { final = true })
ro:state("closed", "The record is closed (for example, made in error)", { final = true })

-- Sentencing Act 2020 s.362 and PHA 1997 s.5(4): the prosecution, the defendant or any other
-- person mentioned in the order may apply to vary or discharge it.
local APPLICANTS = { "prosecution", "defendant", "victim", "other_named_person" }

ro:event("record_order", {
  opens = true, to = "order_in_force", who = "constable",
  summary = "Record a restraining order the court made; the event's time is when it was made",
  data = {
    basis = { one_of = { "conviction", "acquittal" }, case = true,
      summary = "Made on conviction (Sentencing Act 2020 s.360, or PHA 1997 s.5 before 1 December 2020) or on acquittal (PHA 1997 s.5A)" },
    court = { "text", summary = "The court that made the order" },
    terms = { "text", personal = true, summary = "What the order prohibits, as it states it" },
    ends_on = { "date", required = false, case = true, summary = "The order's last day; leave out for an order until further order" },
    linked_case = { "text", required = false, case = true, summary = "The id of the DVPO or DAPO case it followed, if any" },
    area = { "text", required = false, case = true, summary = "The area the order was recorded in" },
  },
})

ro:event("vary_order", {
  from = { "order_in_force", "breach" }, who = "constable",
  summary = "The court varies the order on application (Sentencing Act 2020 s.362; PHA 1997 s.5(4))",
  data = {
    applicant = { one_of = APPLICANTS, summary = "Who applied" },
    variation = { "text", personal = true, summary = "What the court changed" },
    ends_on = { "date", required = false, case = true, summary = "The order's new last day, if the court changed it" },
  },
})

ro:event("discharge_order", {
  from = { "order_in_force", "breach" }, to = "discharged", who = "constable",
  summary = "The court discharges the order on application, for example a victim asking for it to be lifted",
  data = {
    applicant = { one_of = APPLICANTS, summary = "Who applied" },
    reason = { "text", summary = "The court's reasons" },
  },
})

ro:event("report_breach", {
  from = "order_in_force", to = "breach", who = "constable",
  summary = "The defendant is arrested for breaching the order, an offence (Sentencing Act 2020 s.363; PHA 1997 s.5(5))",
})

ro:event("breach_outcome", {
  from = "breach", to = "order_in_force", who = "constable",
  summary = "The charging decision on the breach; the order stays in force",
  data = {
    result = { one_of = { "charged", "no_further_action", "released_under_investigation", "bailed" },
      summary = "The charging decision" },
  },
})

ro:event("expire_order", {
  from = { "order_in_force", "breach" }, to = "expired", who = { "constable", "engine" },
  summary = "The order reaches the end of its last day",
})

-- Corrections are new events with a reason; the original entry stays in the history, so a mistake
-- in the opening event is put right without voiding it (record-keeping, not in the Act).
ro:event("correct_record", {
  from = "*", who = "sergeant", who_rule = "record-keeping, not in the Act",
  corrects = true,  -- the engine checks the value against the field's declaration and moves the clocks it sets
  summary = "Correct an item of case data recorded wrongly, giving the reason; nothing is changed in place (record-keeping, not in the Act)",
  data = {
    corrected_field = { "text", summary = "The field to correct: data an event took (what the engine or an action recorded is corrected by voiding that event)" },
    corrected_value = { "any", personal = true, summary = "Its correct value, of the field's own type (a date for ends_on; linked_case must name a notice or order case on record)" },
    correction_reason = { "text", summary = "Why the record is corrected, and on whose authority" },
  },
})

-- Only the court ends an order (Sentencing Act 2020 s.362; PHA 1997 s.5(4)): a record of an order in
-- force is not closed; one made in error is corrected, or ends with discharge_order or expire_order.
ro:event("close", {
  from = "*", to = "closed", who = "sergeant",
  summary = "Close a record that holds no order in force (an order in force ends only by discharge or at its end)",
  data = { reason = { "text", summary = "Why the record is closed" } },
})

ro:clock("order_end", {
  rule = "until_date", date_field = "ends_on",
  started_by = { "record_order", "vary_order" }, stopped_by = "vary_order",
  met_by = "expire_order", fires = "expire_order",
  summary = "The order ends at the end of its last day, if it has one",
})

ro:guard("record_order", "end_not_before_order", function(case, event)
  local ends_on = event.data.ends_on
  if ends_on ~= nil and ends_on < engine.local_date(event.at) then
    return false, "ends_on " .. ends_on .. " is before the day the order is made; expected that day or later, or no end (until further order)"
  end
  return true
end)

ro:guard("vary_order", "end_not_in_past", function(case, event)
  local ends_on = event.data.ends_on
  if ends_on ~= nil and ends_on < engine.local_date(event.at) then
    return false, "ends_on " .. ends_on .. " is before the day of the variation; expected that day or later"
  end
  return true
end)

ro:guard("expire_order", "order_period_over", function(case, event)
  local deadline = case.deadlines.order_end
  if deadline == nil or deadline.status ~= "pending" then
    return false, "the order has no end date: it lasts until further order; expected discharge_order to end it"
  end
  if event.at < deadline.due then
    return false, "the order is in force until " .. engine.local_time(deadline.due)
      .. "; expire_order is allowed only at or after its end"
  end
  return true
end)

ro:guard("close", "no_order_in_force", function(case, event)
  if case.state == "order_in_force" or case.state == "breach" then
    return false, "an order is in force and only the court can end it (Sentencing Act 2020 s.362; PHA 1997 s.5(4));"
      .. " expected discharge_order, or expire_order at its end"
  end
  return true
end)

-- Which statute the order was made under follows from its basis and the day it was made.
ro:action("record_order", "record_statute", function(case, event)
  local made_on = engine.local_date(event.at)
  local statute
  if event.data.basis == "acquittal" then
    statute = "Protection from Harassment Act 1997 s.5A"
  elseif made_on >= "2020-12-01" then
    statute = "Sentencing Act 2020 s.360"
  else
    statute = "Protection from Harassment Act 1997 s.5"
  end
  return { made_on = made_on, statute = statute }
end)

ro:action("report_breach", "record_arrest", function(case, event)
  return { breaches = (case.data.breaches or 0) + 1, last_arrest_at = event.at }
end)

ro:action("vary_order", "count_variation", function(case, event)
  return { variations = (case.data.variations or 0) + 1 }
end)

ro:figures {
  { "restraining_orders", tally = "record_order", field = "basis" },
  { "restraining_order_variations", tally = "vary_order", field = "applicant" },
  { "restraining_orders_discharged", tally = "discharge_order", field = "applicant" },
  { "restraining_order_breaches", count = "report_breach" },
  { "restraining_order_breach_charge_decisions", tally = "breach_outcome", field = "result" },
  { "restraining_orders_expired", count = "expire_order" },
}
