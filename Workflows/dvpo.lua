-- The national procedure: Domestic Violence Protection Notices and Orders under the
-- Crime and Security Act 2010 (CSA 2010) ss.24-33. This is the statutory floor that every
-- force's plugin builds on. Each rule, clock and event cites the section and subsection it comes
-- from; docs/law.md is the project's short legal reference for them.
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
-- CSA 2010 s.28(10): the order ends at the end of its period whatever else is happening; a breach
-- arrested before then still goes to court (s.29(1)), so `expired` takes that breach's production
-- and outcome, and the decision on any missed deadline, without leaving the state.
dvpo:state("expired", "The order ran its full period", { final = true })
dvpo:state("refused", "The court refused the application; the notice has ended", { final = true })
dvpo:state("closed", "No further action, or withdrawn", { final = true })

-- CSA 2010 s.24(9) (by reference to the Family Law Act 1996 s.62(3)): the categories of associated
-- person, (a) to (g).
local ASSOCIATED_PERSONS = {
  "spouse", "former_spouse", "civil_partner", "former_civil_partner",     -- s.62(3)(a), (aa)
  "cohabitant", "former_cohabitant",                                     -- (b)
  "household_member",                                                    -- (c)
  "relative",                                                            -- (d)
  "engaged", "formerly_engaged",                                         -- (e)
  "civil_partnership_agreement",                                         -- (eza)
  "intimate_relationship",                                               -- (ea)
  "parent_of_same_child", "parental_responsibility",                     -- (f), with s.62(4)
  "same_family_proceedings",                                             -- (g)
}

-- When the regime began in each force: CSA 2010 ss.24-33 were commenced for the pilot forces from
-- 30 June 2011 (the pilot under s.33) and for every force in England and Wales from 8 March 2014.
-- A notice authorised before its force's date is refused. This table is data: correct a date here.
local COMMENCEMENT = {
  national = "2014-03-08",
  greater_manchester = "2011-06-30", west_mercia = "2011-06-30", wiltshire = "2011-06-30",
}

-- CSA 2010 s.28(10): an order lasts at least 14 and at most 28 days. Plugins' policies about order
-- lengths must stay within this (the statutory floor).
dvpo:limit("order_days", { min = 14, max = 28, rule = "CSA 2010 s.28(10)" })

-- Events ---------------------------------------------------------------------------------------

dvpo:event("report_incident", {
  opens = true, to = "incident", who = "constable",
  summary = "Record the incident and the facts the eligibility test needs (CSA 2010 s.24(2), (9))",
  data = {
    perpetrator_dob = { "date", personal = true, case = true,
      summary = "Perpetrator's date of birth; the age test is made on the day of authorisation" },
    relationship = { one_of = ASSOCIATED_PERSONS, case = true,
      summary = "How the victim is associated with the perpetrator (CSA 2010 s.24(9); Family Law Act 1996 s.62(3))" },
    violence = { one_of = { "used", "threatened", "none" }, case = true,
      summary = "Whether violence was used or threatened towards the victim" },
  },
})

dvpo:event("authorise_notice", {
  from = "incident", to = "notice_authorised", who = "superintendent",
  statutory = true,  -- a plugin may raise the rank, never lower it or add staff roles
  who_rule = "Crime and Security Act 2010 s.24(1)",
  summary = "A superintendent or above authorises the notice (CSA 2010 s.24(1)-(4))",
  data = {
    grounds = { "text", personal = true, summary = "Reasonable grounds for both limbs of the statutory test" },
    -- The mandatory considerations (CSA 2010 s.24(3)): each must be recorded, "none made" included.
    victim_opinion = { "text", personal = true, summary = "The victim's opinion, as sought" },
    children_welfare = { "text", personal = true,
      summary = "The welfare of any person under 18 whose interests are relevant" },
    perpetrator_representations = { "text", personal = true,
      summary = "Any representations the perpetrator made (\"none made\" is an answer)" },
    premises_conditions = { "boolean", summary = "Whether the notice includes premises conditions (CSA 2010 s.24(8))" },
    -- CSA 2010 s.24(8): premises conditions only where the perpetrator and the victim share premises.
    shares_premises = { "boolean", required_if = "premises_conditions",
      summary = "Whether the perpetrator lives in premises the victim also lives in" },
    -- CSA 2010 s.24(3)(d): with premises conditions, the other residents' opinion is required too.
    other_residents_opinion = { "text", required_if = "premises_conditions", personal = true,
      summary = "The opinion of other associated persons living in the premises" },
  },
})

dvpo:event("serve_notice", {
  from = "notice_authorised", to = "notice_served", who = "constable",
  statutory = true,  -- served on the perpetrator personally by a constable
  who_rule = "Crime and Security Act 2010 s.25(2)",
  summary = "A constable serves the notice on the perpetrator personally (CSA 2010 s.25(2)-(3))",
  data = {
    hearing_address = { "text", required_unless = "address_refused", personal = true, case = true,
      summary = "Address the perpetrator gave for notice of the hearing" },
    address_refused = { "boolean", required = false, case = true,
      summary = "True when the perpetrator refused to give an address, or had none" },
  },
})

dvpo:event("apply_for_order", {
  from = "notice_served", to = "hearing", who = "constable", who_rule = "Crime and Security Act 2010 s.27(1)",
  summary = "A constable applies to the magistrates' court for an order (CSA 2010 s.27(1)-(2))",
  data = {
    court = { "text", summary = "The magistrates' court hearing the application" },
    listed_for = { "instant", case = true, summary = "When the hearing is listed" },
  },
})

dvpo:event("adjourn_hearing", {
  from = "hearing", who = "constable",
  summary = "The court adjourns; the notice continues (CSA 2010 s.27(8))",
  data = {
    listed_for = { "instant", case = true, summary = "When the adjourned hearing is listed" },
    reason = { "text", summary = "Why the court adjourned" },
  },
})

-- CSA 2010 s.27(3): the hearing must begin within the 48 hours; a hearing that began in time and
-- was decided after them met the clock.
dvpo:event("hearing_began", {
  from = "hearing", who = "constable",
  summary = "The court began hearing the application (CSA 2010 s.27(3))",
  data = { court = { "text", summary = "The court hearing it" } },
})

dvpo:event("report_notice_breach", {
  from = { "notice_served", "hearing" }, who = "constable",
  summary = "The perpetrator is arrested for breaching the notice; the event's time is the arrest (CSA 2010 s.26(1))",
})

dvpo:event("grant_order", {
  from = "hearing", to = "order_in_force", who = "constable",
  summary = "The court makes an order for a stated number of days (CSA 2010 s.28(1), (10))",
  data = {
    days = { "integer", case_field = "order_days", summary = "The order's period in days, 14 to 28 (kept on the case as order_days)" },
  },
})

dvpo:event("refuse_order", {
  from = "hearing", to = "refused", who = "constable",
  summary = "The court refuses the application; the notice ends (CSA 2010 s.27(8))",
  data = { reason = { "text", summary = "The court's reasons" } },
})

-- Visiting the victim is practice under the CSA 2010 s.31 guidance, not statute: it goes on while
-- the perpetrator is in custody.
dvpo:event("record_visit", {
  from = { "order_in_force", "breach" }, who = "constable",
  summary = "An officer visits the victim while the order is in force (practice; CSA 2010 s.31 guidance)",
  data = { outcome = { "text", personal = true, summary = "What the visit found and arranged" } },
})

-- CSA 2010 s.28(9): the power of arrest lasts the whole order, so a new arrest may come while an
-- earlier breach is still before the court (a new 24-hour production clock). `expired` is named
-- only so that an arrest after the order's end is refused with the Act's reason (rule order_in_force).
dvpo:event("report_breach", {
  from = { "order_in_force", "breach", "expired" }, to = "breach", who = "constable",
  summary = "The perpetrator is arrested for breaching the order; the event's time is the arrest (CSA 2010 s.28(9))",
})

-- In order_in_force too: with two arrests before the court, the first outcome returns the case to
-- order_in_force and the second is recorded there. After the order's end the case is `expired`
-- (expire_order first), and an outcome recorded there leaves it expired (CSA 2010 s.28(10)).
dvpo:event("breach_outcome", {
  from = { "breach", "order_in_force", "expired" }, to = "order_in_force", who = "constable",
  summary = "The court deals with the breach; the order still ends on its date (CSA 2010 s.29(1))",
  data = {
    result = { one_of = { "fined", "committed", "not_proved", "no_penalty", "released_out_of_time" },
      summary = "What the court decided, or release when the 24 hours ran out" },
  },
})

-- CSA 2010 s.28(10): the order ends at the end of its period in whatever state the case is,
-- the perpetrator's custody for a breach included.
dvpo:event("expire_order", {
  from = { "order_in_force", "breach" }, to = "expired", who = { "constable", "engine" },  -- tick, or an officer
  summary = "The order reaches the end of its last day (CSA 2010 s.28(10))",
})

-- In order_in_force too: a perpetrator produced at the hearing that made the order is recorded after it.
dvpo:event("record_production", {
  from = { "notice_served", "hearing", "order_in_force", "breach", "expired" }, who = "constable",
  summary = "The arrested perpetrator is brought before the court (CSA 2010 s.26(2), s.29(1))",
  data = { court = { "text", summary = "The court the perpetrator was brought before" } },
})

-- CSA 2010 s.27(3), s.26(2), s.29(1) say when; none says what follows a missed deadline, so the
-- engine records it and a person records what was decided.
dvpo:event("record_missed_deadline", {
  from = { "notice_served", "hearing", "order_in_force", "breach", "expired" }, who = "engine",
  summary = "safeguard tick records a statutory deadline that passed unmet (CSA 2010 s.26(2), s.27(3), s.29(1))",
  data = { clock = { "text", summary = "The clock whose deadline passed" } },
})

-- A decision may be recorded on any case, closed and expired ones included: a deadline missed
-- before the case ended still needs one. Each decision has an effect the actions below declare.
dvpo:event("record_deadline_decision", {
  from = { "notice_served", "hearing", "order_in_force", "breach", "expired", "refused", "closed" }, who = "inspector",
  summary = "Record what was decided about a missed statutory deadline (CSA 2010 s.26(2), s.27(3), s.29(1)), and on whose advice",
  data = {
    clock = { "text", summary = "The clock whose deadline was missed" },
    decision = { one_of = { "notice_continues", "notice_lapsed", "perpetrator_released" },
      summary = "notice_continues or notice_lapsed (hearing); perpetrator_released (production)" },
    advice = { "text", required = false, summary = "On whose advice, and what else was done (removed from PNC)" },
  },
})

-- Corrections are new events with a reason; the original entry stays in the history (record-keeping,
-- not in the Act).
dvpo:event("correct_record", {
  from = "*", who = "sergeant", who_rule = "record-keeping, not in the Act",
  corrects = true,  -- the engine checks the value against the field's declaration and moves the clocks it sets
  summary = "Correct an item of case data recorded wrongly, giving the reason; nothing is changed in place (record-keeping, not in the Act)",
  data = {
    corrected_field = { "text", summary = "The field to correct: data an event took (what the engine or an action recorded is corrected by voiding that event)" },
    corrected_value = { "any", personal = true, summary = "Its correct value, of the field's own type (a whole number for order_days, a date for a date)" },
    correction_reason = { "text", summary = "Why the record is corrected, and on whose authority" },
  },
})

-- The Act gives the police no power to discharge an order (CSA 2010 s.28(10)), so `close` is
-- refused while one is in force or its breach is in court; such a case ends with the order.
dvpo:event("close", {
  from = "*", to = "closed", who = "constable",
  summary = "Close the case: no further action, or withdrawn; an inspector once a notice is served (CSA 2010 s.27(1), s.28(10))",
  data = { reason = { "text", summary = "Why the case is closed" } },
})

-- Clocks ---------------------------------------------------------------------------------------
-- Counted-time clocks count real time only on Europe/London days that are not a Sunday,
-- Christmas Day, Good Friday or an England-and-Wales bank holiday (CSA 2010 s.26(3), s.27(4),
-- s.29(2)); Saturdays count. Whether Boxing Day on a Saturday is a bank holiday is unsettled:
-- unsettled_days = "count" gives the earlier deadline.

-- CSA 2010 s.27(3)-(4): the court must hear the application within 48 hours of service.
dvpo:clock("hearing", {
  rule = "counted_hours", hours = 48, unsettled_days = "count",
  started_by = "serve_notice", met_by = { "hearing_began", "adjourn_hearing", "grant_order", "refuse_order" },
  on_missed = "record_missed_deadline", decided_by = "record_deadline_decision", planned_by = "listed_for",
  summary = "The application must be heard within 48 hours of service, disregarded days not counted",
})

-- CSA 2010 s.26(2)-(3): after arrest for breaching the notice, the perpetrator must be brought
-- before the court within 24 hours, or at the hearing if that is sooner; a hearing listed or
-- re-listed after the arrest moves the deadline. Only bringing the perpetrator before it meets it.
dvpo:clock("notice_breach_production", {
  rule = "counted_hours", hours = 24, capped_by = "listed_for",
  started_by = "report_notice_breach",
  met_by = { "record_production" },
  on_missed = "record_missed_deadline", decided_by = "record_deadline_decision",
  summary = "Production at court within 24 hours of arrest, or at the hearing if sooner",
})

-- CSA 2010 s.29(1)-(2): after arrest for breaching the order, court within 24 hours, the same
-- days disregarded. Change `disregard` here if legal advice differs.
dvpo:clock("breach_production", {
  rule = "counted_hours", hours = 24,
  disregard = { "sunday", "christmas_day", "good_friday", "bank_holiday" },
  started_by = "report_breach", met_by = { "record_production", "breach_outcome" },
  on_missed = "record_missed_deadline", decided_by = "record_deadline_decision",
  summary = "Production at court within 24 hours of arrest for breaching the order",
})

-- CSA 2010 s.28(10): the order's period, whole local days beginning with the day it is made.
dvpo:clock("order_end", {
  rule = "order_period", days_field = "days",
  started_by = "grant_order", met_by = "expire_order", fires = "expire_order",
  summary = "The order ends at the end of its last day",
})

-- Guards: the statute's tests (a refusal always says which rule and why) ------------------------

-- CSA 2010 s.24(1) as commenced: no notice before the regime began in the case's force.
dvpo:guard("authorise_notice", "regime_commenced", function(case, event)
  local from = COMMENCEMENT[case.force] or COMMENCEMENT.national
  if engine.local_date(event.at) < from then
    return false, "DVPNs could be authorised in force " .. case.force .. " only from " .. from
      .. " (CSA 2010 s.24(1), commencement); expected an authorisation on or after it"
  end
  return true
end)

-- CSA 2010 s.24(2): the perpetrator must be 18 or over on the day the notice is issued.
dvpo:guard("authorise_notice", "perpetrator_adult", function(case, event)
  local today = engine.local_date(event.at)
  if engine.age_on(case.data.perpetrator_dob, today) < 18 then
    return false, "the perpetrator must be 18 or over on the day of authorisation (CSA 2010 s.24(2))"
  end
  return true
end)

-- CSA 2010 s.24(8): premises conditions only where the perpetrator and the victim share premises.
dvpo:guard("authorise_notice", "premises_shared", function(case, event)
  if event.data.premises_conditions and not event.data.shares_premises then
    return false, "premises conditions need the perpetrator and the victim to live in the same premises"
      .. " (CSA 2010 s.24(8)); expected shares_premises = true, or premises_conditions = false"
  end
  return true
end)

-- CSA 2010 s.24(2): a DVPN needs violence or a threat of violence.
dvpo:guard("authorise_notice", "violence_or_threat", function(case, event)
  if case.data.violence == "none" then
    return false, "a DVPN needs violence used or threatened towards the victim (CSA 2010 s.24(2)); the incident records none"
  end
  return true
end)

-- CSA 2010 s.28(10): an order lasts at least 14 and at most 28 days.
dvpo:guard("grant_order", "order_period_14_to_28", function(case, event)
  local days = event.data.days
  if days < 14 or days > 28 then
    return false, "an order must last from 14 to 28 days (CSA 2010 s.28(10)); days must be 14 to 28"
  end
  return true
end)

-- CSA 2010 s.27(1), (3): the application is made once a notice has been given, and the hearing it
-- lists is of that application, within the 48 hours from service; a hearing listed before the
-- notice was served cannot be that hearing (a listing typed wrongly). A listing after the 48
-- hours is a warning, as the court lists it (see listing_warning).
local function listed_after_service(case, event)
  local served = case.data.served_at
  if served ~= nil and event.data.listed_for ~= nil and event.data.listed_for < served then
    return false, "the hearing is listed for " .. engine.local_time(event.data.listed_for) .. ", before the notice was served ("
      .. engine.local_time(served) .. "); the hearing is of an application made after service (CSA 2010 s.27(1), (3));"
      .. " expected the listing the court gave"
  end
  return true
end
dvpo:guard("apply_for_order", "listed_after_service", listed_after_service)
dvpo:guard("adjourn_hearing", "listed_after_service", listed_after_service)

-- CSA 2010 s.28(10): the order ends at the end of its stated period, not before.
dvpo:guard("expire_order", "order_period_over", function(case, event)
  local deadline = case.deadlines.order_end
  if deadline == nil then
    return false, "the case has no order end recorded (CSA 2010 s.28(10)); expected a grant_order first"
  end
  if event.at < deadline.due then
    return false, "the order is in force until " .. engine.local_time(deadline.due)
      .. " (CSA 2010 s.28(10)); expire_order is allowed only at or after its end"
  end
  return true
end)

-- CSA 2010 s.26(1): a lapsed notice gives no power of arrest.
dvpo:guard("report_notice_breach", "notice_in_effect", function(case, event)
  if case.data.notice_lapsed then
    return false, "the notice lapsed (decision recorded " .. engine.local_time(case.data.notice_lapsed_at)
      .. "); there is no power of arrest for breaching it (CSA 2010 s.26(1))"
  end
  return true
end)

-- CSA 2010 s.28(10): the order ends at the end of its period whatever state the case is in. An
-- event that presupposes a live order, dated after that end, is refused until expire_order is
-- recorded, so that `tick` can always record the end at its true time. (What the Act lets proceed
-- after the end, the breach's production and outcome and decisions on missed deadlines, comes
-- after expire_order, in `expired`.)
local function order_ended(case, event)
  local deadline = case.deadlines.order_end
  if deadline ~= nil and (case.state == "order_in_force" or case.state == "breach") and event.at > deadline.due then
    return "the order ended at " .. engine.local_time(deadline.due) .. " (CSA 2010 s.28(10)); expected expire_order first"
      .. " — safeguard tick records it at the end"
  end
  return nil
end

local function order_not_ended(case, event)
  local ended = order_ended(case, event)
  if ended then return false, ended end
  return true
end
dvpo:guard("record_visit", "order_not_ended", order_not_ended)
dvpo:guard("breach_outcome", "order_not_ended", order_not_ended)

-- CSA 2010 s.28(9): the power of arrest lasts while the order is in force, and no longer.
dvpo:guard("report_breach", "order_in_force", function(case, event)
  local deadline = case.deadlines.order_end
  if case.state == "expired" or (deadline ~= nil and event.at > deadline.due) then
    return false, "the order ended at " .. engine.local_time(deadline.due)
      .. "; there is no power of arrest for breaching it after its end (CSA 2010 s.28(9))"
  end
  return true
end)

-- CSA 2010 s.29(1): after the order ends, `expired` takes only the outcome of a breach arrested
-- while it was in force.
dvpo:guard("breach_outcome", "breach_in_court", function(case, event)
  if (case.data.breaches_awaiting_outcome or (case.data.breach_awaiting_outcome and 1 or 0)) < 1 then
    return false, "no breach of the order awaits the court's outcome (CSA 2010 s.29(1)); expected a report_breach first"
  end
  return true
end)

-- CSA 2010 s.29(1): the perpetrator must be brought before the court within 24 hours of the arrest;
-- when that passes, the perpetrator is released and the breach cannot proceed to a penalty.
dvpo:guard("breach_outcome", "produced_in_time", function(case, event)
  local deadline = case.deadlines.breach_production
  local result = event.data.result
  if deadline == nil or result == "released_out_of_time" or result == "not_proved" then return true end
  -- Production after the deadline is recorded as missed, so a met deadline was met in time.
  if deadline.status == "missed" or (deadline.status == "pending" and event.at > deadline.due) then
    return false, "the 24 hours to bring the perpetrator before the court ended at " .. engine.local_time(deadline.due)
      .. " (CSA 2010 s.29(1)); expected result released_out_of_time, not " .. result
  end
  return true
end)

-- A decision suits the clock it is about: a notice continues or lapses after a missed hearing
-- (CSA 2010 s.27(3)); a perpetrator is released after a missed production deadline (s.26(2), s.29(1)).
-- The clocks a decision may be about: those whose deadline the Act sets and tick records missed.
local DECIDED_CLOCKS = { hearing = "s.27(3)", notice_breach_production = "s.26(2)", breach_production = "s.29(1)" }

-- A decision names a clock of this case whose deadline was recorded missed and awaits a decision.
dvpo:guard("record_deadline_decision", "decision_awaited", function(case, event)
  local clock = event.data.clock
  local deadline = case.deadlines[clock]
  if DECIDED_CLOCKS[clock] == nil or deadline == nil or not deadline.awaiting_decision then
    local awaiting = {}
    for _, name in ipairs({ "hearing", "notice_breach_production", "breach_production" }) do
      local each = case.deadlines[name]
      if each ~= nil and each.awaiting_decision then awaiting[#awaiting + 1] = name end
    end
    return false, "clock " .. clock .. " has no missed deadline awaiting a decision on this case"
      .. " (CSA 2010 s.26(2), s.27(3), s.29(1) set the deadlines); expected "
      .. (#awaiting > 0 and ("one of: " .. table.concat(awaiting, ", ")) or "none: no deadline awaits a decision")
  end
  return true
end)

dvpo:guard("record_deadline_decision", "decision_fits_clock", function(case, event)
  local hearing = event.data.clock == "hearing"
  local about_notice = event.data.decision == "notice_continues" or event.data.decision == "notice_lapsed"
  if hearing ~= about_notice then
    return false, "decision " .. event.data.decision .. " does not fit clock " .. event.data.clock
      .. " (CSA 2010 " .. DECIDED_CLOCKS[event.data.clock] .. "); expected notice_continues or notice_lapsed for hearing,"
      .. " perpetrator_released for a production clock"
  end
  return true
end)

-- CSA 2010 s.28(10): the Act gives the police no power to discharge an order; it ends at the end of its period.
dvpo:guard("close", "no_order_in_force", function(case, event)
  local ended = order_ended(case, event)
  if ended then return false, ended end
  if case.state == "order_in_force" or case.state == "breach" then
    return false, "an order is in force until " .. engine.local_time(case.deadlines.order_end.due)
      .. " and the police cannot discharge it (CSA 2010 s.28(10)); expected the case to end with expire_order"
  end
  return true
end)

-- CSA 2010 s.26(2), s.29(1): a perpetrator arrested for a breach must be brought before the court;
-- closing the case would record that production missed before its time.
dvpo:guard("close", "no_one_awaiting_production", function(case, event)
  for _, clock in ipairs({ "notice_breach_production", "breach_production" }) do
    local deadline = case.deadlines[clock]
    if deadline ~= nil and deadline.status == "pending" then
      return false, "the perpetrator arrested for a breach must be brought before the court by "
        .. engine.local_time(deadline.due) .. " (CSA 2010 " .. DECIDED_CLOCKS[clock] .. "); expected record_production, or safeguard tick"
        .. " recording the deadline missed, before close"
    end
  end
  return true
end)

-- CSA 2010 s.27(1): once a notice is served a constable must apply; ending without an application
-- is a decision for an inspector, and the hearing deadline is recorded missed, not stopped.
dvpo:guard("close", "inspector_after_service", function(case, event)
  if case.state == "notice_served" and not engine.rank_at_least(event.actor.role, "inspector") then
    return false, "closing a served notice without an application needs an inspector or above (CSA 2010 s.27(1));"
      .. " the actor's role is " .. event.actor.role
  end
  return true
end)

-- Actions: what each event records on the case ----------------------------------------------

-- CSA 2010 s.24(1): who authorised, and when.
dvpo:action("authorise_notice", "record_authorisation", function(case, event)
  return { authorised_at = event.at, authorised_by = event.actor.id }
end)

-- CSA 2010 s.27(3): the hearing clock runs from service, so served_at is kept apart from authorised_at.
dvpo:action("serve_notice", "record_service", function(case, event)
  return { served_at = event.at, served_by = event.actor.id }
end)

-- CSA 2010 s.27(3): a hearing listed after the 48 hours is allowed (the court lists it), but the
-- officer is warned and the listing is kept beside the deadline.
local function listing_warning(case, event)
  local deadline = case.deadlines.hearing
  local warnings = {}
  if deadline ~= nil and deadline.status == "pending" and event.data.listed_for > deadline.due then
    warnings[#warnings + 1] = "the hearing is listed for " .. engine.local_time(event.data.listed_for)
      .. ", after the 48 hours end at " .. engine.local_time(deadline.due) .. " (CSA 2010 s.27(3))"
  elseif deadline ~= nil and deadline.status == "missed" then
    warnings[#warnings + 1] = "the hearing is listed for " .. engine.local_time(event.data.listed_for)
      .. "; the 48 hours ended at " .. engine.local_time(deadline.due) .. " and were recorded missed (CSA 2010 s.27(3))"
  end
  return warnings
end

-- The court lists the hearing when the application is made or the hearing adjourned, so a listing
-- before that event is most likely a typing slip. The Act sets when the hearing must be held, not
-- what a listing may say (CSA 2010 s.27(3)), so it is recorded with a warning, never refused.
local function listing_before_event(event, warnings)
  if event.data.listed_for < event.at then
    warnings[#warnings + 1] = "listed_for " .. engine.local_time(event.data.listed_for) .. " is before this " .. event.name
      .. " (" .. engine.local_time(event.at) .. "); check the listing the court gave"
  end
  return warnings
end

-- The force recorded that the notice lapsed; the Act does not say the court then cannot hear the
-- application (s.27(3) sets the time but no consequence; s.27(1)'s duty to apply stands), so the
-- court's hearing and order are recorded, with a warning (docs/law.md, "A lapsed notice").
local function lapsed_warning(case, warnings)
  if case.data.notice_lapsed then
    warnings[#warnings + 1] = "the notice was recorded as lapsed (decision recorded " .. engine.local_time(case.data.notice_lapsed_at)
      .. "); the court decides whether it can still hear the application (CSA 2010 s.27(1), (3))"
  end
  return warnings
end

local function none_if_empty(warnings)
  if #warnings == 0 then return nil end
  return warnings
end

-- CSA 2010 s.27(1)-(3): when the application was made.
dvpo:action("apply_for_order", "record_application", function(case, event)
  return { applied_at = event.at,
    warnings = none_if_empty(lapsed_warning(case, listing_before_event(event, listing_warning(case, event)))) }
end)

-- CSA 2010 s.27(8): the notice continues through each adjournment.
dvpo:action("adjourn_hearing", "count_adjournment", function(case, event)
  return { adjournments = (case.data.adjournments or 0) + 1,
    warnings = none_if_empty(listing_before_event(event, listing_warning(case, event))) }
end)

-- CSA 2010 s.26(1): each arrest for breaching the notice.
dvpo:action("report_notice_breach", "record_notice_arrest", function(case, event)
  return { notice_breaches = (case.data.notice_breaches or 0) + 1, last_arrest_at = event.at }
end)

-- CSA 2010 s.28(10): the day the order was made, as a local date, and its period.
dvpo:action("grant_order", "record_order", function(case, event)
  return { order_made_on = engine.local_date(event.at), order_days = event.data.days,
    warnings = none_if_empty(lapsed_warning(case, {})) }
end)

-- Practice under the CSA 2010 s.31 guidance: each visit to the victim.
dvpo:action("record_visit", "count_visit", function(case, event)
  return { visits = (case.data.visits or 0) + 1, last_visit_at = event.at }
end)

-- CSA 2010 s.28(9), s.29(1): each arrest for breaching the order, awaiting the court.
dvpo:action("report_breach", "record_arrest", function(case, event)
  local awaiting = (case.data.breaches_awaiting_outcome or (case.data.breach_awaiting_outcome and 1 or 0)) + 1
  return { order_breaches = (case.data.order_breaches or 0) + 1, last_arrest_at = event.at,
    breach_awaiting_outcome = true, breaches_awaiting_outcome = awaiting }
end)

-- CSA 2010 s.29(1): the court has dealt with the breach.
dvpo:action("breach_outcome", "record_breach_outcome", function(case, event)
  local awaiting = (case.data.breaches_awaiting_outcome or 1) - 1
  return { breach_awaiting_outcome = awaiting > 0, breaches_awaiting_outcome = awaiting }
end)

-- The effect of each decision on a missed deadline: a lapsed notice can no longer be enforced (CSA 2010 s.26(1)).
dvpo:action("record_deadline_decision", "apply_decision", function(case, event)
  if event.data.decision == "notice_lapsed" then
    return { notice_lapsed = true, notice_lapsed_at = event.at }
  end
  return nil
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
}
