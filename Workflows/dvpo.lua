-- The national procedure: Domestic Violence Protection Notices and Orders under the
-- Crime and Security Act 2010 ss.24-33 (domain.md §1). This is the statutory floor that every
-- force's plugin builds on. Section references (§) are to shared/domain.md.
--
-- Hooks receive two tables, `case` and `event`, and never change them:
--   case:  id, workflow, force, state, data, deadlines[clock] = { due, started_at, status }
--   event: name, at (UTC, "2026-05-23T09:00:00.000Z"), actor = { id, role }, data
-- A guard returns true, or false and a reason. An action returns a table of data to record.

local dvpo = engine.workflow {
  name = "dvpo",
  title = "Domestic Violence Protection Notice and Order (Crime and Security Act 2010 ss.24-33)",
}

-- States (design.md, the national vocabulary) ------------------------------------------------

dvpo:state("incident", "An incident is recorded; a notice is being considered")
dvpo:state("notice_authorised", "A superintendent has authorised a notice; it is not yet served")
dvpo:state("notice_served", "The notice is served on the perpetrator; the court must hear the application")
dvpo:state("hearing", "The application for an order is before the magistrates' court")
dvpo:state("order_in_force", "The court has made an order; it runs to the end of its last day")
dvpo:state("breach", "The perpetrator is arrested for breaching the order and awaits court")
dvpo:state("expired", "The order ran its full period", { final = true })
dvpo:state("refused", "The court refused the application; the notice has ended", { final = true })
dvpo:state("closed", "No further action, or withdrawn", { final = true })

-- Family Law Act 1996 s.62 categories of associated person (§1 step 1; §0 rule 2).
local ASSOCIATED_PERSONS = {
  "spouse", "former_spouse", "civil_partner", "former_civil_partner", "cohabitant",
  "former_cohabitant", "household_member", "relative", "engaged", "formerly_engaged",
  "intimate_relationship", "parent_of_same_child",
}

-- §0 rule 7, §2: an order lasts at least 14 and at most 28 days. Plugins' policies about order
-- lengths must stay within this (the statutory floor).
dvpo:limit("order_days", { min = 14, max = 28, rule = "CSA 2010 s.28(10)" })

-- Events ---------------------------------------------------------------------------------------

dvpo:event("report_incident", {
  opens = true, to = "incident", who = "constable",
  summary = "Record the incident and the facts the eligibility test needs (§1 step 1)",
  data = {
    perpetrator_dob = { "date", personal = true,
      summary = "Perpetrator's date of birth; the age test is made on the day of authorisation" },
    relationship = { one_of = ASSOCIATED_PERSONS,
      summary = "How the victim is associated with the perpetrator (Family Law Act 1996 s.62)" },
    violence = { one_of = { "used", "threatened", "none" },
      summary = "Whether violence was used or threatened towards the victim" },
  },
})

dvpo:event("authorise_notice", {
  from = "incident", to = "notice_authorised", who = "superintendent",  -- §0 rule 1; CSA s.24(1)
  statutory = true,  -- a plugin may raise the rank, never lower it or add staff roles
  summary = "A superintendent or above authorises the notice (§1 step 2)",
  data = {
    grounds = { "text", personal = true, summary = "Reasonable grounds for both limbs of the statutory test" },
    -- The mandatory considerations (§1 step 2): each must be recorded, "none made" included.
    victim_opinion = { "text", personal = true, summary = "The victim's opinion, as sought" },
    children_welfare = { "text", personal = true,
      summary = "The welfare of any person under 18 whose interests are relevant" },
    perpetrator_representations = { "text", personal = true,
      summary = "Any representations the perpetrator made (\"none made\" is an answer)" },
    premises_conditions = { "boolean", summary = "Whether the notice includes premises conditions" },
    -- §1 step 2 (d): with premises conditions, the other residents' opinion is required too.
    other_residents_opinion = { "text", required_if = "premises_conditions", personal = true,
      summary = "The opinion of other associated persons living in the premises" },
  },
})

dvpo:event("serve_notice", {
  from = "notice_authorised", to = "notice_served", who = "constable",
  statutory = true,  -- §0 rule 4: served on the perpetrator personally by a constable
  summary = "A constable serves the notice on the perpetrator personally (§1 step 4)",
  data = {
    hearing_address = { "text", required_unless = "address_refused", personal = true,
      summary = "Address the perpetrator gave for notice of the hearing" },
    address_refused = { "boolean", required = false,
      summary = "True when the perpetrator refused to give an address, or had none" },
  },
})

dvpo:event("apply_for_order", {
  from = "notice_served", to = "hearing", who = "constable",
  summary = "Apply to the magistrates' court for an order (§1 step 5)",
  data = {
    court = { "text", summary = "The magistrates' court hearing the application" },
    listed_for = { "instant", summary = "When the hearing is listed" },
  },
})

dvpo:event("adjourn_hearing", {
  from = "hearing", who = "constable",
  summary = "The court adjourns; the notice continues (§1 step 6)",
  data = {
    listed_for = { "instant", summary = "When the adjourned hearing is listed" },
    reason = { "text", summary = "Why the court adjourned" },
  },
})

dvpo:event("report_notice_breach", {
  from = { "notice_served", "hearing" }, who = "constable",
  summary = "The perpetrator is arrested for breaching the notice; the event's time is the arrest (§3.1)",
})

dvpo:event("grant_order", {
  from = "hearing", to = "order_in_force", who = "constable",
  summary = "The court makes an order for a stated number of days (§1 step 6, §2)",
  data = {
    days = { "integer", summary = "The order's period in days, 14 to 28" },
  },
})

dvpo:event("refuse_order", {
  from = "hearing", to = "refused", who = "constable",
  summary = "The court refuses the application; the notice ends (§1 step 6)",
  data = { reason = { "text", summary = "The court's reasons" } },
})

dvpo:event("record_visit", {
  from = "order_in_force", who = "constable",
  summary = "An officer visits the victim while the order is in force (§1 step 7)",
  data = { outcome = { "text", personal = true, summary = "What the visit found and arranged" } },
})

dvpo:event("report_breach", {
  from = "order_in_force", to = "breach", who = "constable",
  summary = "The perpetrator is arrested for breaching the order; the event's time is the arrest (§3.2)",
})

dvpo:event("breach_outcome", {
  from = "breach", to = "order_in_force", who = "constable",
  summary = "The court deals with the breach; the order still ends on its date (§3.2)",
  data = {
    result = { one_of = { "fined", "committed", "not_proved", "no_penalty", "released_out_of_time" },
      summary = "What the court decided, or release when the 24 hours ran out" },
  },
})

dvpo:event("expire_order", {
  from = "order_in_force", to = "expired", who = { "constable", "engine" },  -- tick, or an officer
  summary = "The order reaches the end of its last day (§1 step 8)",
})

dvpo:event("record_production", {
  from = { "notice_served", "hearing", "breach" }, who = "constable",
  summary = "The arrested perpetrator is brought before the court: the production milestone (§3.1, §3.2)",
  data = { court = { "text", summary = "The court the perpetrator was brought before" } },
})

-- §9.4 item 19: a missed hearing or production deadline is a compliance failure whose legal
-- effect is unsettled, so the engine records it and a person records what was decided.
dvpo:event("record_missed_deadline", {
  from = { "notice_served", "hearing", "breach" }, who = "engine",
  summary = "safeguard tick records a statutory deadline that passed unmet",
  data = { clock = { "text", summary = "The clock whose deadline passed" } },
})

dvpo:event("record_deadline_decision", {
  from = { "notice_served", "hearing", "order_in_force", "breach" }, who = "inspector",
  summary = "Record what was decided about a missed statutory deadline, and on whose advice",
  data = {
    clock = { "text", summary = "The clock whose deadline was missed" },
    decision = { "text", summary = "What was decided (for example: notice lapsed, removed from PNC)" },
  },
})

-- Corrections are new events with a reason; the original entry stays in the history.
dvpo:event("correct_record", {
  from = "*", who = "sergeant",
  summary = "Correct an item of case data recorded wrongly, giving the reason; nothing is changed in place",
  data = {
    corrected_field = { "text", summary = "The case data field to correct" },
    corrected_value = { "text", personal = true, summary = "Its correct value" },
    correction_reason = { "text", summary = "Why the record is corrected, and on whose authority" },
  },
})

dvpo:event("close", {
  from = "*", to = "closed", who = "constable",
  summary = "Close the case: no further action, or withdrawn",
  data = { reason = { "text", summary = "Why the case is closed" } },
})

-- Clocks ---------------------------------------------------------------------------------------
-- Counted-time clocks count real time only on Europe/London days that are not a Sunday,
-- Christmas Day, Good Friday or an England-and-Wales bank holiday (§9.1); Saturdays count.
-- Whether Boxing Day on a Saturday is a bank holiday is unsettled (§9.2): unsettled_days = "count"
-- gives the earlier deadline.

-- §0 rule 5, §1 step 5: the court must hear the application within 48 hours of service.
dvpo:clock("hearing", {
  rule = "counted_hours", hours = 48, unsettled_days = "count",
  started_by = "serve_notice", met_by = { "adjourn_hearing", "grant_order", "refuse_order" },
  on_missed = "record_missed_deadline", decided_by = "record_deadline_decision",
  summary = "The application must be heard within 48 hours of service, disregarded days not counted",
})

-- §3.1, §9.4 item 23: after arrest for breaching the notice, the perpetrator must be brought
-- before the court within 24 hours, or at the hearing if that is sooner.
dvpo:clock("notice_breach_production", {
  rule = "counted_hours", hours = 24, capped_by = "listed_for",
  started_by = "report_notice_breach",
  met_by = { "record_production", "adjourn_hearing", "grant_order", "refuse_order" },
  on_missed = "record_missed_deadline", decided_by = "record_deadline_decision",
  summary = "Production at court within 24 hours of arrest, or at the hearing if sooner",
})

-- §3.2: after arrest for breaching the order, court within 24 hours. Which days are disregarded
-- is recalled, not confirmed [R, U]: change `disregard` here if legal advice differs.
dvpo:clock("breach_production", {
  rule = "counted_hours", hours = 24,
  disregard = { "sunday", "christmas_day", "good_friday", "bank_holiday" },
  started_by = "report_breach", met_by = { "record_production", "breach_outcome" },
  on_missed = "record_missed_deadline", decided_by = "record_deadline_decision",
  summary = "Production at court within 24 hours of arrest for breaching the order",
})

-- The order's period: whole local days from the day it is made (§2 engine rules).
dvpo:clock("order_end", {
  rule = "order_period", days_field = "days",
  started_by = "grant_order", met_by = "expire_order", fires = "expire_order",
  summary = "The order ends at the end of its last day",
})

-- Guards: the statute's tests (a refusal always says which rule and why) ------------------------

-- §0 rule 2, §9.4 item 1: the perpetrator must be 18 or over on the day the notice is issued.
dvpo:guard("authorise_notice", "perpetrator_adult", function(case, event)
  local today = engine.local_date(event.at)
  if engine.age_on(case.data.perpetrator_dob, today) < 18 then
    return false, "the perpetrator must be 18 or over on the day of authorisation (CSA 2010 s.24(1))"
  end
  return true
end)

-- §0 rule 3, §9.4 item 4: a DVPN needs violence or a threat of violence.
dvpo:guard("authorise_notice", "violence_or_threat", function(case, event)
  if case.data.violence == "none" then
    return false, "a DVPN needs violence used or threatened towards the victim (CSA 2010 s.24(2)); the incident records none"
  end
  return true
end)

-- §0 rule 7, §2: an order lasts at least 14 and at most 28 days.
dvpo:guard("grant_order", "order_period_14_to_28", function(case, event)
  local days = event.data.days
  if days < 14 or days > 28 then
    return false, "an order must last from 14 to 28 days (CSA 2010 s.28(10)); days must be 14 to 28"
  end
  return true
end)

-- §1 step 8: the order ends at the end of its stated period, not before.
dvpo:guard("expire_order", "order_period_over", function(case, event)
  local deadline = case.deadlines.order_end
  if deadline == nil then
    return false, "the case has no order end recorded"
  end
  if event.at < deadline.due then
    return false, "the order is in force until " .. engine.local_time(deadline.due)
      .. "; expire_order is allowed only at or after its end"
  end
  return true
end)

dvpo:guard("correct_record", "field_recorded", function(case, event)
  if case.data[event.data.corrected_field] == nil then
    return false, "the case has no field " .. event.data.corrected_field .. " to correct; expected a field already recorded"
  end
  return true
end)

-- Actions: what each event records on the case ----------------------------------------------

dvpo:action("authorise_notice", "record_authorisation", function(case, event)
  return { authorised_at = event.at, authorised_by = event.actor.id }
end)

-- §1 step 4: store served_at separately from authorised_at; the hearing clock runs from service.
dvpo:action("serve_notice", "record_service", function(case, event)
  return { served_at = event.at, served_by = event.actor.id }
end)

dvpo:action("apply_for_order", "record_application", function(case, event)
  return { applied_at = event.at }
end)

dvpo:action("adjourn_hearing", "count_adjournment", function(case, event)
  return { adjournments = (case.data.adjournments or 0) + 1 }
end)

dvpo:action("report_notice_breach", "record_notice_arrest", function(case, event)
  return { notice_breaches = (case.data.notice_breaches or 0) + 1, last_arrest_at = event.at }
end)

-- §2: store the day the order was made as a local date, and its period.
dvpo:action("grant_order", "record_order", function(case, event)
  return { order_made_on = engine.local_date(event.at), order_days = event.data.days }
end)

dvpo:action("record_visit", "count_visit", function(case, event)
  return { visits = (case.data.visits or 0) + 1, last_visit_at = event.at }
end)

dvpo:action("correct_record", "apply_correction", function(case, event)
  return { [event.data.corrected_field] = event.data.corrected_value }
end)

dvpo:action("report_breach", "record_arrest", function(case, event)
  return { order_breaches = (case.data.order_breaches or 0) + 1, last_arrest_at = event.at }
end)

-- Report figures (safeguard report), in report order: what forces and the Home Office count.
-- Each names what it counts; the engine does the counting.
dvpo:figures {
  { "notices_authorised", count = "authorise_notice" },
  { "notices_served", count = "serve_notice" },
  { "notices_never_served", cases = "authorise_notice", without = "serve_notice" },
  { "applications", count = "apply_for_order" },
  { "orders_granted", count = "grant_order" },
  { "orders_refused", count = "refuse_order" },
  { "grant_rate", rate = "orders_granted", of = { "orders_granted", "orders_refused" } },
  { "order_days", tally = "grant_order", field = "days" },
  { "mean_order_days", mean = "grant_order", field = "days" },
  { "hearings_within_deadline", clock = "hearing", status = "met" },
  { "hearings_missed", clock = "hearing", status = "missed" },
  { "median_hours_service_to_hearing", median_hours = "hearing" },
  { "notice_breaches", count = "report_notice_breach" },
  { "order_breaches", count = "report_breach" },
  { "orders_breached", cases = "grant_order", with = "report_breach" },
  { "order_breach_rate", rate = "orders_breached", of = { "orders_granted" } },
  { "breach_outcomes", tally = "breach_outcome", field = "result" },
  { "visits_made", count = "record_visit" },
  { "visits_scheduled", clocks_met_by = "record_visit" },
  { "visits_missed", clocks_met_by = "record_visit", status = "missed" },
  { "orders_expired", count = "expire_order" },
  { "cases_closed", count = "close" },
  { "close_reasons", tally = "close", field = "reason" },
}
