-- Domestic Abuse Protection Notices and Orders under Part 3 of the Domestic Abuse Act 2021
-- (ss.22-46), in force where the commencement regulations bring it in (SI 2024/1191 and those
-- after it; see Regimes/england-and-wales.json for where and when). A case is opened under this
-- workflow by the regime table, or by `--workflow dapo`. Section references are to the 2021 Act.
--
-- Routes: a police notice then the chief officer's application (ss.22-29), or an application with
-- no police notice at all: by the police, the person to be protected, a third party, or a court of
-- its own motion in other proceedings (s.28). The order may last for a stated period or until
-- further order, and each requirement may have its own end (s.40).

local dapo = engine.workflow {
  name = "dapo",
  title = "Domestic Abuse Protection Notice and Order (Domestic Abuse Act 2021 Part 3)",
}

dapo:state("incident", "Abuse is reported; a notice or an application is being considered")
dapo:state("notice_authorised", "An inspector or above has authorised a notice; it is not yet given")
dapo:state("notice_served", "The notice is given to the perpetrator; the court must hear the application")
dapo:state("hearing", "The application for an order is before the court")
dapo:state("order_in_force", "The court has made an order; its requirements are in force")
dapo:state("breach", "The perpetrator is arrested for the offence of breaching the order (s.39)")
dapo:state("expired", "The order reached its end date", { final = true })
dapo:state("discharged", "The court discharged the order, on application or appeal (s.44, s.46)", { final = true })
dapo:state("refused", "The court refused the application; any notice has ended", { final = true })
dapo:state("closed", "No further action, or withdrawn", { final = true })

-- s.2: the ways two people are personally connected.
local PERSONALLY_CONNECTED = {
  "married", "formerly_married", "civil_partners", "former_civil_partners", "agreed_to_marry",
  "agreed_civil_partnership", "intimate_relationship", "parent_of_same_child", "relative",
}

-- s.1(3): the forms abusive behaviour takes; any of them, by a single incident or a course of conduct.
local ABUSE_KINDS = {
  "physical_or_sexual", "violent_or_threatening", "controlling_or_coercive", "economic",
  "psychological_or_emotional", "other",
}

-- s.28: who applies. Only a police notice starts the 48-hour clock (s.29).
local ROUTES = { "police_notice", "police_application", "victim", "third_party", "court_own_motion" }

dapo:event("report_incident", {
  opens = true, to = "incident", who = "constable",
  summary = "Record the abuse reported and the facts the notice or application needs",
  data = {
    route = { one_of = ROUTES, case = true,
      summary = "police_notice, or an application with no police notice: police_application, victim, third_party, court_own_motion (s.28)" },
    perpetrator_dob = { "date", personal = true, case = true,
      summary = "Perpetrator's date of birth; a notice needs the perpetrator 18 or over" },
    victim_dob = { "date", personal = true, case = true,
      summary = "Date of birth of the person to be protected, who must be 16 or over (s.22(1))" },
    relationship = { one_of = PERSONALLY_CONNECTED, case = true,
      summary = "How the perpetrator and the person to be protected are personally connected (s.2)" },
    abuse = { "text",
      summary = "The forms of abuse, comma-separated: physical_or_sexual, violent_or_threatening, controlling_or_coercive, economic, psychological_or_emotional, other (s.1(3))" },
    area = { "text", required = false, case = true,
      summary = "The area (for example a London borough) the regime table chose the workflow by" },
  },
})

dapo:event("authorise_notice", {
  from = "incident", to = "notice_authorised", who = "inspector",
  statutory = true,  -- a plugin may raise the rank, never lower it or add staff roles
  who_rule = "Domestic Abuse Act 2021 s.22(8)",
  summary = "An inspector or above authorises a notice (s.22)",
  data = {
    grounds = { "text", personal = true,
      summary = "Reasonable grounds that the perpetrator has been abusive and that the notice is necessary to protect" },
    victim_opinion = { "text", personal = true, summary = "The opinion of the person to be protected (s.22)" },
    children_welfare = { "text", personal = true,
      summary = "The welfare of any person under 18 whose interests are relevant (s.22)" },
    perpetrator_representations = { "text", personal = true,
      summary = "Any representations the perpetrator made (\"none made\" is an answer) (s.22)" },
    premises_conditions = { "boolean", summary = "Whether the notice has provision about premises they share (s.23)" },
    other_residents_opinion = { "text", required_if = "premises_conditions", personal = true,
      summary = "The opinion of other people living in the premises who are personally connected to the perpetrator" },
  },
})

dapo:event("serve_notice", {
  from = "notice_authorised", to = "notice_served", who = "constable",
  statutory = true,  -- given to the perpetrator in person by a constable
  who_rule = "Domestic Abuse Act 2021 s.25(3)",
  summary = "A constable serves the notice on the perpetrator personally (s.25(3))",
  data = {
    hearing_address = { "text", required_unless = "address_refused", personal = true, case = true,
      summary = "Address the perpetrator gave for notice of the hearing (s.25(4))" },
    address_refused = { "boolean", required = false, case = true,
      summary = "True when the perpetrator refused to give an address, or had none" },
    service_accommodation = { "boolean",
      summary = "Whether the perpetrator is believed subject to service law and the notice covers service living accommodation (s.25(5))" },
    commanding_officer_informed = { "text", required_if = "service_accommodation",
      summary = "The reasonable efforts made to inform the perpetrator's commanding officer (s.25(6))" },
  },
})

dapo:event("apply_for_order", {
  from = { "notice_served", "incident" }, to = "hearing", who = "constable",
  summary = "The application is made: the chief officer's after a notice (s.28), or by another route",
  data = {
    court = { "text", summary = "The court hearing the application" },
    listed_for = { "instant", case = true, summary = "When the hearing is listed" },
  },
})

dapo:event("adjourn_hearing", {
  from = "hearing", who = "constable",
  summary = "The court adjourns; a notice continues until the application is determined or withdrawn (s.29)",
  data = {
    listed_for = { "instant", case = true, summary = "When the adjourned hearing is listed" },
    reason = { "text", summary = "Why the court adjourned" },
  },
})

dapo:event("report_notice_breach", {
  from = { "notice_served", "hearing" }, who = "constable",
  summary = "The perpetrator is arrested for breaching the notice; the event's time is the arrest (s.26)",
})

dapo:event("grant_order", {
  from = "hearing", to = "order_in_force", who = "constable",
  summary = "The court makes an order, for a stated period or until further order (s.40)",
  data = {
    ends_on = { "date", required = false, case = true,
      summary = "The order's last day; leave out for an order until further order (s.40)" },
  },
})

dapo:event("refuse_order", {
  from = "hearing", to = "refused", who = "constable",
  summary = "The court refuses the application; any notice ends",
  data = { reason = { "text", summary = "The court's reasons" } },
})

dapo:event("impose_requirement", {
  from = "order_in_force", who = "constable",
  summary = "Record one of the order's requirements: a prohibition, a positive requirement or electronic monitoring (ss.35-38)",
  data = {
    requirement = { "text", summary = "A short name for the requirement, unique on the order (for example no_contact)" },
    kind = { one_of = { "prohibition", "positive", "electronic_monitoring" }, summary = "What the requirement is" },
    terms = { "text", personal = true, summary = "The requirement's terms as the order states them" },
    requirement_ends_on = { "date", required = false,
      summary = "The requirement's last day; leave out for one that lasts as long as the order (s.40)" },
    supervisor = { "text", required = false,
      summary = "The person responsible for supervising compliance; needed for positive and monitoring requirements (s.36)" },
    perpetrator_present = { "boolean", required = false,
      summary = "Electronic monitoring: whether the perpetrator was present when it was imposed (s.37)" },
    third_party_consent = { "text", required = false,
      summary = "Electronic monitoring: the consent of anyone whose co-operation is needed, or \"none needed\" (s.37)" },
    monitoring_available = { "boolean", required = false,
      summary = "Electronic monitoring: the court was notified that monitoring is available in the area (s.37)" },
  },
})

dapo:event("record_notification", {
  from = { "order_in_force", "breach" }, who = "constable",
  summary = "The perpetrator notifies the police of name(s) and home address, as the order requires (s.41)",
  data = { notified = { one_of = { "initial", "change" }, summary = "The first notification, or of a change" } },
})

dapo:event("record_change", {
  from = { "order_in_force", "breach" }, who = "constable",
  summary = "The police learn the perpetrator changed name or address, or has none: a notification is due within 3 days (s.41)",
  data = { change = { one_of = { "name", "home_address", "no_home_address" }, summary = "What changed" } },
})

dapo:event("report_breach", {
  from = "order_in_force", to = "breach", who = "constable",
  summary = "The perpetrator is arrested for the offence of breaching the order (s.39); not contempt",
  data = { requirement_breached = { "text", summary = "The requirement breached, or notification" } },
})

dapo:event("breach_outcome", {
  from = "breach", to = "order_in_force", who = "constable",
  summary = "The breach is dealt with as an offence: a charge decision; the order stays in force (s.39)",
  data = {
    result = { one_of = { "charged", "no_further_action", "released_under_investigation", "bailed" },
      summary = "The charging decision for the offence under s.39" },
  },
})

dapo:event("vary_order", {
  from = { "order_in_force", "breach" }, who = "constable",
  summary = "The court varies the order on application; a new end date may be given (s.44)",
  data = {
    variation = { "text", personal = true, summary = "What the court changed" },
    applicant = { one_of = { "chief_officer", "victim", "perpetrator", "third_party" }, summary = "Who applied" },
    ends_on = { "date", required = false, case = true, summary = "The order's new last day, if the court changed it" },
  },
})

dapo:event("record_appeal", {
  from = { "order_in_force", "breach" }, who = "constable",
  summary = "An appeal against the order, lodged or decided (s.46); an appeal that discharges it is discharge_order",
  data = {
    appeal = { one_of = { "lodged", "dismissed", "allowed_varied" }, summary = "Where the appeal stands" },
  },
})

dapo:event("discharge_order", {
  from = { "order_in_force", "breach" }, to = "discharged", who = "constable",
  summary = "The court discharges the order on application or appeal (s.44, s.46)",
  data = {
    applicant = { one_of = { "chief_officer", "victim", "perpetrator", "third_party", "appeal" }, summary = "Who applied" },
    reason = { "text", summary = "The court's reasons" },
  },
})

dapo:event("expire_order", {
  from = { "order_in_force", "breach" }, to = "expired", who = { "constable", "engine" },
  summary = "The order reaches the end of its last day",
})

dapo:event("record_production", {
  from = { "notice_served", "hearing" }, who = "constable",
  summary = "The perpetrator arrested for breaching the notice is brought before the court (s.26)",
  data = { court = { "text", summary = "The court the perpetrator was brought before" } },
})

dapo:event("record_missed_deadline", {
  from = { "notice_served", "hearing", "order_in_force", "breach" }, who = "engine",
  summary = "safeguard tick records a deadline that passed unmet (a hearing, a production, a notification)",
  data = { clock = { "text", summary = "The clock whose deadline passed" } },
})

-- A decision may be recorded on any case, ended ones included: a deadline missed before the case
-- ended still needs one.
dapo:event("record_deadline_decision", {
  from = { "notice_served", "hearing", "order_in_force", "breach", "expired", "discharged", "refused", "closed" }, who = "inspector",
  summary = "Record what was decided about a missed deadline (for a notification: whether a breach is reported)",
  data = {
    clock = { "text", summary = "The clock whose deadline was missed" },
    decision = { "text", summary = "What was decided" },
  },
})

dapo:event("correct_record", {
  from = "*", who = "sergeant", who_rule = "record-keeping, not in the Act",
  corrects = true,  -- the engine checks the value against the field's declaration and moves the clocks it sets
  summary = "Correct an item of case data recorded wrongly, giving the reason; nothing is changed in place",
  data = {
    corrected_field = { "text", summary = "The field to correct: data an event took (what the engine or an action recorded is corrected by voiding that event)" },
    corrected_value = { "any", personal = true, summary = "Its correct value, of the field's own type (a whole number for order_days, a date for a date)" },
    correction_reason = { "text", summary = "Why the record is corrected, and on whose authority" },
  },
})

-- Only a court ends an order (s.44 discharge, s.46 appeal), so `close` is refused while one is in
-- force or its breach is being dealt with; such a case ends with discharge_order or expire_order.
dapo:event("close", {
  from = "*", to = "closed", who = "constable",
  summary = "Close the case: no further action, or the application withdrawn; an inspector once a notice is given (s.28)",
  data = { reason = { "text", summary = "Why the case is closed" } },
})

-- Clocks -----------------------------------------------------------------------------------------

-- s.29: the hearing within 48 hours of the notice being given, disregarding Sundays, Christmas
-- Day, Good Friday and bank holidays in England and Wales.
dapo:clock("hearing", {
  rule = "counted_hours", hours = 48, unsettled_days = "count",
  started_by = "serve_notice", met_by = { "adjourn_hearing", "grant_order", "refuse_order" },
  on_missed = "record_missed_deadline", decided_by = "record_deadline_decision",
  summary = "The application must be heard within 48 hours of the notice being given (s.29)",
})

-- s.26: after arrest for breaching the notice, before the court within 24 hours (the same days
-- disregarded), or at the hearing if that is sooner.
dapo:clock("notice_breach_production", {
  rule = "counted_hours", hours = 24, capped_by = "listed_for",
  started_by = "report_notice_breach",
  met_by = { "record_production", "adjourn_hearing", "grant_order", "refuse_order" },
  on_missed = "record_missed_deadline", decided_by = "record_deadline_decision",
  summary = "Production at court within 24 hours of arrest, or at the hearing if sooner (s.26)",
})

-- s.41: the perpetrator notifies name(s) and home address within 3 days beginning with the day
-- the order is made, and each change within 3 days of it.
dapo:clock("notification", {
  rule = "calendar_days", days = 3,
  started_by = "grant_order", met_by = "record_notification",
  on_missed = "record_missed_deadline", decided_by = "record_deadline_decision",
  summary = "The perpetrator's notification within 3 days beginning with the day the order is made (s.41)",
})

dapo:clock("change_notification", {
  rule = "calendar_days", days = 3,
  started_by = "record_change", met_by = "record_notification",
  on_missed = "record_missed_deadline", decided_by = "record_deadline_decision",
  summary = "Notification of a change of name or address within 3 days of it (s.41)",
})

-- s.40: an order has effect for a specified period or until further order; no minimum or maximum.
dapo:clock("order_end", {
  rule = "until_date", date_field = "ends_on",
  started_by = { "grant_order", "vary_order" }, stopped_by = "vary_order",
  met_by = "expire_order", fires = "expire_order",
  summary = "The order ends at the end of its last day, if it has one (s.40)",
})

-- Guards -------------------------------------------------------------------------------------

local function age_guard(field, minimum, who, rule, day)
  return function(case, event)
    local today = engine.local_date(event.at)
    if engine.age_on(case.data[field], today) < minimum then
      return false, who .. " must be " .. minimum .. " or over on " .. day .. " (" .. rule .. ")"
    end
    return true
  end
end

dapo:guard("authorise_notice", "police_notice_route", function(case, event)
  if case.data.route ~= "police_notice" then
    return false, "the case was opened on the " .. case.data.route
      .. " route, which has no police notice; expected apply_for_order from incident"
  end
  return true
end)
dapo:guard("authorise_notice", "perpetrator_adult",
  age_guard("perpetrator_dob", 18, "the perpetrator", "DA 2021 s.22", "the day of authorisation"))
dapo:guard("authorise_notice", "victim_16_or_over",
  age_guard("victim_dob", 16, "the person to be protected", "DA 2021 s.22(1)", "the day of authorisation"))
-- s.32: the same ages for the order itself, on every route (a notice, or an application without one).
dapo:guard("grant_order", "perpetrator_adult",
  age_guard("perpetrator_dob", 18, "the perpetrator", "DA 2021 s.32", "the day the order is made"))
dapo:guard("grant_order", "victim_16_or_over",
  age_guard("victim_dob", 16, "the person to be protected", "DA 2021 s.32", "the day the order is made"))

-- s.1(3): any form of abusive behaviour counts; the record must name which.
dapo:guard("report_incident", "abuse_named", function(case, event)
  local count = 0
  for kind in string.gmatch(event.data.abuse, "[^,%s]+") do
    if not engine.contains(ABUSE_KINDS, kind) then
      return false, "abuse " .. kind .. " is not a form of abuse the Act names (DA 2021 s.1(3)); expected "
        .. table.concat(ABUSE_KINDS, ", ")
    end
    count = count + 1
  end
  if count == 0 then return false, "abuse names no form of abuse; expected one or more of " .. table.concat(ABUSE_KINDS, ", ") end
  return true
end)

-- s.28: once a notice is given the chief officer must apply; without a notice any route may apply.
dapo:guard("apply_for_order", "route_allows_application", function(case, event)
  if case.state == "incident" and case.data.route == "police_notice" then
    return false, "the case is on the police_notice route; expected a notice authorised and given before the application (s.28)"
  end
  return true
end)

dapo:guard("grant_order", "end_not_before_order", function(case, event)
  local ends_on = event.data.ends_on
  if ends_on ~= nil and ends_on < engine.local_date(event.at) then
    return false, "ends_on " .. ends_on .. " is before the day the order is made; expected that day or later, or no end (until further order)"
  end
  return true
end)

dapo:guard("impose_requirement", "requirement_terms", function(case, event)
  local data = event.data
  local today = engine.local_date(event.at)
  local requirements = case.data.requirements or {}
  if requirements[data.requirement] ~= nil then
    return false, "the order already has a requirement " .. data.requirement .. "; expected a new name (vary_order changes one)"
  end
  local ends_on = data.requirement_ends_on
  if ends_on ~= nil then
    if ends_on < today then
      return false, "requirement_ends_on " .. ends_on .. " is before today; expected " .. today .. " or later"
    end
    if case.data.ends_on ~= nil and ends_on > case.data.ends_on then
      return false, "requirement_ends_on " .. ends_on .. " is after the order's end " .. case.data.ends_on .. "; expected a date within the order (DA 2021 s.40)"
    end
  end
  if (data.kind == "positive" or data.kind == "electronic_monitoring") and data.supervisor == nil then
    return false, "a " .. data.kind .. " requirement names the person responsible for supervising it (DA 2021 s.36); expected supervisor"
  end
  if data.kind == "electronic_monitoring" then
    if data.perpetrator_present ~= true then
      return false, "electronic monitoring cannot be imposed in the perpetrator's absence (DA 2021 s.37); expected perpetrator_present=true"
    end
    if data.monitoring_available ~= true then
      return false, "the court must have been notified that electronic monitoring is available in the area (DA 2021 s.37); expected monitoring_available=true"
    end
    if data.third_party_consent == nil then
      return false, "electronic monitoring needs the consent of anyone whose co-operation is needed (DA 2021 s.37); expected third_party_consent (\"none needed\" is an answer)"
    end
    if ends_on == nil then
      return false, "an electronic monitoring requirement has an end no more than 12 months away (DA 2021 s.38); expected requirement_ends_on"
    end
    local anniversary = string.format("%04d", tonumber(string.sub(today, 1, 4)) + 1) .. string.sub(today, 5)
    if ends_on >= anniversary then
      return false, "an electronic monitoring requirement may last at most 12 months (DA 2021 s.38); requirement_ends_on must be before " .. anniversary
    end
  end
  return true
end)

dapo:guard("record_notification", "initial_once", function(case, event)
  if event.data.notified == "initial" and case.data.initial_notification_at ~= nil then
    return false, "the initial notification is already recorded; expected notified=change"
  end
  return true
end)

-- s.41: only the first notification meets the 3 days from the order; a change cannot stand in for it.
dapo:guard("record_notification", "initial_before_change", function(case, event)
  local initial = case.deadlines.notification
  if event.data.notified == "change" and initial ~= nil and initial.status == "pending" then
    return false, "the initial notification (DA 2021 s.41) is due by " .. engine.local_time(initial.due)
      .. " and is not recorded; expected notified=initial"
  end
  return true
end)

-- s.44, s.46: only the court ends an order, by discharge (on application or appeal) or at its end.
dapo:guard("close", "no_order_in_force", function(case, event)
  if case.state == "order_in_force" or case.state == "breach" then
    return false, "an order is in force and only the court can end it (DA 2021 s.44, s.46);"
      .. " expected discharge_order, or expire_order at its end"
  end
  return true
end)

-- s.26: a perpetrator arrested for breaching the notice must be brought before the court; closing
-- the case would record that production missed before its time.
dapo:guard("close", "no_one_awaiting_production", function(case, event)
  local deadline = case.deadlines.notice_breach_production
  if deadline ~= nil and deadline.status == "pending" then
    return false, "the perpetrator arrested for breaching the notice must be brought before the court by "
      .. engine.local_time(deadline.due) .. " (DA 2021 s.26); expected record_production, or safeguard tick"
      .. " recording the deadline missed, before close"
  end
  return true
end)

-- s.28: once a notice is given the chief officer must apply; ending without an application is a
-- decision for an inspector or above.
dapo:guard("close", "inspector_after_service", function(case, event)
  if case.state == "notice_served" and not engine.rank_at_least(event.actor.role, "inspector") then
    return false, "closing a given notice without an application needs an inspector or above (DA 2021 s.28);"
      .. " the actor's role is " .. event.actor.role
  end
  return true
end)

dapo:guard("vary_order", "end_not_in_past", function(case, event)
  local ends_on = event.data.ends_on
  if ends_on ~= nil and ends_on < engine.local_date(event.at) then
    return false, "ends_on " .. ends_on .. " is before the day of the variation; expected that day or later"
  end
  return true
end)

dapo:guard("expire_order", "order_period_over", function(case, event)
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

-- Actions ------------------------------------------------------------------------------------

dapo:action("authorise_notice", "record_authorisation", function(case, event)
  return { authorised_at = event.at, authorised_by = event.actor.id }
end)

dapo:action("serve_notice", "record_service", function(case, event)
  return { served_at = event.at, served_by = event.actor.id }
end)

-- The court lists the hearing when the application is made or the hearing adjourned, so a listing
-- before that event is most likely a typing slip. The Act sets when the hearing must be held, not
-- what a listing may say (DA 2021 s.29(2)-(3)), so it is recorded with a warning, never refused.
local function listing_before_event(event, warnings)
  if event.data.listed_for < event.at then
    warnings[#warnings + 1] = "listed_for " .. engine.local_time(event.data.listed_for) .. " is before this " .. event.name
      .. " (" .. engine.local_time(event.at) .. "); check the listing the court gave"
  end
  return warnings
end

dapo:action("apply_for_order", "record_application", function(case, event)
  local warnings = listing_before_event(event, {})
  return { applied_at = event.at, warnings = #warnings > 0 and warnings or nil }
end)

dapo:action("adjourn_hearing", "count_adjournment", function(case, event)
  local warnings = listing_before_event(event, {})
  return { adjournments = (case.data.adjournments or 0) + 1, warnings = #warnings > 0 and warnings or nil }
end)

dapo:action("report_notice_breach", "record_notice_arrest", function(case, event)
  return { notice_breaches = (case.data.notice_breaches or 0) + 1, last_arrest_at = event.at }
end)

dapo:action("grant_order", "record_order", function(case, event)
  return { order_made_on = engine.local_date(event.at), order_length = event.data.ends_on and "stated" or "until_further_order" }
end)

dapo:action("impose_requirement", "add_requirement", function(case, event)
  local requirements = {}
  for name, item in pairs(case.data.requirements or {}) do requirements[name] = item end
  requirements[event.data.requirement] = {
    kind = event.data.kind, imposed_on = engine.local_date(event.at),
    ends_on = event.data.requirement_ends_on or case.data.ends_on or "until_further_order",
    supervisor = event.data.supervisor,
  }
  return { requirements = requirements, requirements_imposed = (case.data.requirements_imposed or 0) + 1 }
end)

dapo:action("record_notification", "record_notified", function(case, event)
  if event.data.notified == "initial" then return { initial_notification_at = event.at } end
  return { notifications = (case.data.notifications or 0) + 1, last_notification_at = event.at }
end)

dapo:action("report_breach", "record_arrest", function(case, event)
  return { order_breaches = (case.data.order_breaches or 0) + 1, last_arrest_at = event.at }
end)

-- DA 2021 s.40: a requirement is part of the order and ends when the order does. A variation that
-- gives the order an earlier last day ends, with it, each requirement that would have run on: the
-- court's decision, recorded with a warning naming those requirements, never refused.
dapo:action("vary_order", "count_variation", function(case, event)
  local changes = { variations = (case.data.variations or 0) + 1 }
  local ends_on = event.data.ends_on
  if ends_on == nil or case.data.requirements == nil then return changes end
  local requirements, cut = {}, {}
  for name, item in pairs(case.data.requirements) do
    local copy = {}
    for key, value in pairs(item) do copy[key] = value end
    if copy.ends_on == "until_further_order" or copy.ends_on > ends_on then
      copy.ends_on = ends_on
      cut[#cut + 1] = name
    end
    requirements[name] = copy
  end
  if #cut == 0 then return changes end
  table.sort(cut)
  changes.requirements = requirements
  changes.warnings = { "requirements " .. table.concat(cut, ", ") .. " ran past the order's new last day " .. ends_on
    .. " and end with it (DA 2021 s.40: a requirement of the order ends when the order does)" }
  return changes
end)

-- Report figures (safeguard report); names distinct from dvpo's so each regime has its own rows.
dapo:figures {
  { "dapo_routes", tally = "report_incident", field = "route" },
  { "dapns_authorised", count = "authorise_notice" },
  { "dapns_given", count = "serve_notice" },
  { "dapns_never_given", cases = "authorise_notice", without = "serve_notice" },
  { "dapo_applications", count = "apply_for_order" },
  { "dapos_granted", count = "grant_order" },
  { "dapos_refused", count = "refuse_order" },
  { "dapo_grant_rate", rate = "dapos_granted", of = { "dapos_granted", "dapos_refused" } },
  { "dapo_hearings_within_deadline", clock = "hearing", status = "met" },
  { "dapo_hearings_missed", clock = "hearing", status = "missed" },
  { "dapo_requirements", tally = "impose_requirement", field = "kind" },
  { "dapo_notifications_on_time", clock = "notification", status = "met" },
  { "dapo_notifications_missed", clock = "notification", status = "missed" },
  { "dapo_change_notifications_missed", clock = "change_notification", status = "missed" },
  { "dapn_breaches", count = "report_notice_breach" },
  { "dapo_breaches", count = "report_breach" },
  { "dapo_breach_charge_decisions", tally = "breach_outcome", field = "result" },
  { "dapo_variations", count = "vary_order" },
  { "dapo_appeals", tally = "record_appeal", field = "appeal" },
  { "dapos_discharged", count = "discharge_order" },
  { "dapos_expired", count = "expire_order" },
  { "dapo_cases_closed", count = "close" },
}
