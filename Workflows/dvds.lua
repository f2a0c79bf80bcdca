-- The Domestic Violence Disclosure Scheme (Clare's Law): the police's common-law power to disclose
-- a person's history of abuse, exercised under the statutory guidance issued under section 77 of
-- the Domestic Abuse Act 2021. Two routes: the right to ask (the person at risk, or a third party,
-- applies) and the right to know (the police act on information they hold).
--
-- The steps follow the guidance: initial checks (with an exit for urgent risk), a face-to-face
-- meeting to confirm the applicant's identity on the right to ask, full checks and a risk
-- assessment, a multi-agency decision on whether disclosure is necessary and proportionate, then
-- disclosure in person with a safety plan, or notice that there will be no disclosure, and closure.
--
-- The target for the whole process is a setting: `days` on the disclosure_target clock below,
-- counted in working days (no Saturdays, Sundays or bank holidays) after the day the request is
-- received. 28 follows the current guidance; a force whose legal advice differs changes it here.

local dvds = engine.workflow {
  name = "dvds",
  title = "Domestic Violence Disclosure Scheme (Clare's Law; guidance under Domestic Abuse Act 2021 s.77)",
}

dvds:state("received", "A request (right to ask) or information (right to know) is received")
dvds:state("screened", "Initial checks are done; no urgent risk found")
dvds:state("urgent", "Initial checks found an urgent risk: safeguarding action taken at once")
dvds:state("full_checks", "Full checks and a risk assessment are under way")
dvds:state("decision", "The case is before the multi-agency decision-making forum")
dvds:state("disclosure_agreed", "The forum decided disclosure is necessary and proportionate")
dvds:state("disclosure_refused", "The forum decided not to disclose")
dvds:state("disclosed", "Disclosure made in person, with a safety plan")
dvds:state("no_disclosure_notified", "The applicant was told there will be no disclosure")
dvds:state("closed", "The request is closed", { final = true })

dvds:event("receive_request", {
  opens = true, to = "received", who = "constable",
  summary = "Record a right-to-ask application or right-to-know information",
  data = {
    route = { one_of = { "right_to_ask", "right_to_know" }, case = true, summary = "The route the request came by" },
    applicant = { one_of = { "person_at_risk", "third_party", "police" }, case = true,
      summary = "Who applied: the person at risk or a third party (right to ask), or the police (right to know)" },
    linked_case = { "text", required = false, case = true,
      summary = "The id of a protection notice or order case this request follows, if any" },
    area = { "text", required = false, case = true, summary = "The area the request was received in" },
  },
})

dvds:event("complete_initial_checks", {
  from = "received", to = "screened", who = "constable",
  summary = "Initial checks (police systems) found no urgent risk",
  data = { checks = { "text", personal = true, summary = "What was checked and found" } },
})

dvds:event("take_urgent_action", {
  from = { "received", "screened", "full_checks" }, to = "urgent", who = "constable",
  summary = "Initial or later checks found an urgent risk: immediate safeguarding, which may include urgent disclosure",
  data = { action = { "text", personal = true, summary = "The safeguarding action taken" } },
})

dvds:event("confirm_identity", {
  from = "screened", who = "constable",
  summary = "A face-to-face meeting confirms the applicant's identity and takes the full details (right to ask)",
  data = { meeting_notes = { "text", personal = true, summary = "What the meeting established" } },
})

dvds:event("begin_full_checks", {
  from = { "screened", "urgent" }, to = "full_checks", who = "constable",
  summary = "Full checks with partner agencies and a risk assessment begin",
})

dvds:event("refer_for_decision", {
  from = { "full_checks", "urgent" }, to = "decision", who = "constable",
  summary = "The checks and risk assessment go to the multi-agency decision-making forum",
  data = {
    risk_tool = { one_of = { "dash", "dara", "other" }, summary = "The risk assessment used" },
    risk_level = { one_of = { "standard", "medium", "high" }, summary = "The assessed risk" },
  },
})

dvds:event("decide_to_disclose", {
  from = "decision", to = "disclosure_agreed", who = "inspector",
  summary = "The forum decides disclosure is lawful, necessary and proportionate, with reasons",
  data = {
    necessary = { "boolean", summary = "Disclosure is necessary to protect the person at risk" },
    proportionate = { "boolean", summary = "Disclosure is proportionate" },
    reasons = { "text", personal = true, summary = "The forum's reasons" },
    agencies = { "text", summary = "The agencies that took part in the decision" },
  },
})

dvds:event("decide_not_to_disclose", {
  from = "decision", to = "disclosure_refused", who = "inspector",
  summary = "The forum decides not to disclose, with reasons",
  data = {
    reasons = { "text", personal = true, summary = "The forum's reasons" },
    agencies = { "text", summary = "The agencies that took part in the decision" },
  },
})

dvds:event("disclose", {
  from = "disclosure_agreed", to = "disclosed", who = "constable",
  summary = "Disclosure made in person to the person best placed to protect the person at risk, with a safety plan",
  data = {
    disclosed_to = { one_of = { "person_at_risk", "third_party" }, summary = "Who received the disclosure" },
    in_person = { "boolean", summary = "Whether the disclosure was made in person" },
    safety_plan = { "text", personal = true, summary = "The safety plan agreed at the disclosure" },
  },
})

dvds:event("notify_no_disclosure", {
  from = "disclosure_refused", to = "no_disclosure_notified", who = "constable",
  summary = "The applicant is told there will be no disclosure, with safety advice",
  data = { how = { one_of = { "in_person", "letter", "telephone" }, summary = "How the applicant was told" } },
})

dvds:event("record_missed_deadline", {
  from = { "received", "screened", "urgent", "full_checks", "decision", "disclosure_agreed", "disclosure_refused" },
  who = "engine",
  summary = "safeguard tick records that the target passed with no disclosure or notice",
  data = { clock = { "text", summary = "The clock whose deadline passed" } },
})

dvds:event("record_deadline_decision", {
  from = { "received", "screened", "urgent", "full_checks", "decision", "disclosure_agreed", "disclosure_refused",
    "disclosed", "no_disclosure_notified" },
  who = "inspector",
  summary = "Record why the target was missed and what was decided",
  data = {
    clock = { "text", summary = "The clock whose deadline was missed" },
    decision = { "text", summary = "What was decided" },
  },
})

-- Corrections are new events with a reason; the original entry stays in the history, so a mistake
-- in the opening event is put right without voiding it (record-keeping, not in the Act).
dvds:event("correct_record", {
  from = "*", who = "sergeant", who_rule = "record-keeping, not in the Act",
  corrects = true,  -- the engine checks the value against the field's declaration and moves the clocks it sets
  summary = "Correct an item of case data recorded wrongly, giving the reason; nothing is changed in place (record-keeping, not in the Act)",
  data = {
    corrected_field = { "text", summary = "The field to correct: data an event took (what the engine or an action recorded is corrected by voiding that event)" },
    corrected_value = { "any", personal = true, summary = "Its correct value, of the field's own type (linked_case must name a notice or order case on record)" },
    correction_reason = { "text", summary = "Why the record is corrected, and on whose authority" },
  },
})

dvds:event("close", {
  from = "*", to = "closed", who = "constable",
  summary = "Close the request: completed, withdrawn, or no further action",
  data = { reason = { "text", summary = "Why the request is closed" } },
})

-- The overall target: from receipt to disclosure or notice of no disclosure. The length is a
-- setting (see the top of this file); missing it is recorded for a supervisor, never a refusal.
dvds:clock("disclosure_target", {
  rule = "working_days", days = 28,
  started_by = "receive_request", met_by = { "disclose", "notify_no_disclosure" },
  on_missed = "record_missed_deadline", decided_by = "record_deadline_decision",
  summary = "Disclosure, or notice of no disclosure, within the target in working days of receipt",
})

dvds:guard("receive_request", "applicant_fits_route", function(case, event)
  local route, applicant = event.data.route, event.data.applicant
  if route == "right_to_know" and applicant ~= "police" then
    return false, "a right-to-know request is the police's own; expected applicant=police"
  end
  if route == "right_to_ask" and applicant == "police" then
    return false, "a right-to-ask application comes from the person at risk or a third party; expected applicant=person_at_risk or third_party"
  end
  return true
end)

-- The right to ask needs the applicant's identity confirmed face to face before full checks.
dvds:guard("begin_full_checks", "identity_confirmed", function(case, event)
  if case.data.route == "right_to_ask" and case.data.identity_confirmed_at == nil and case.state ~= "urgent" then
    return false, "a right-to-ask application needs the face-to-face meeting first; expected confirm_identity"
  end
  return true
end)

dvds:guard("decide_to_disclose", "necessary_and_proportionate", function(case, event)
  if event.data.necessary ~= true or event.data.proportionate ~= true then
    return false, "disclosure must be both necessary and proportionate; expected necessary=true and proportionate=true, or decide_not_to_disclose"
  end
  return true
end)

dvds:guard("disclose", "in_person", function(case, event)
  if event.data.in_person ~= true then
    return false, "a disclosure is made in person; expected in_person=true"
  end
  return true
end)

dvds:action("confirm_identity", "record_meeting", function(case, event)
  return { identity_confirmed_at = event.at }
end)

dvds:action("decide_to_disclose", "record_decision", function(case, event)
  return { decided_at = event.at, decision = "disclose" }
end)

dvds:action("decide_not_to_disclose", "record_decision", function(case, event)
  return { decided_at = event.at, decision = "no_disclosure" }
end)

dvds:action("disclose", "record_disclosure", function(case, event)
  return { disclosed_at = event.at }
end)

dvds:figures {
  { "dvds_requests", tally = "receive_request", field = "route" },
  { "dvds_urgent_actions", count = "take_urgent_action" },
  { "dvds_identity_meetings", count = "confirm_identity" },
  { "dvds_decisions_to_disclose", count = "decide_to_disclose" },
  { "dvds_decisions_not_to_disclose", count = "decide_not_to_disclose" },
  { "dvds_disclosure_rate", rate = "dvds_decisions_to_disclose", of = { "dvds_decisions_to_disclose", "dvds_decisions_not_to_disclose" } },
  { "dvds_disclosures_made", count = "disclose" },
  { "dvds_no_disclosure_notices", count = "notify_no_disclosure" },
  { "dvds_within_target", clock = "disclosure_target", status = "met" },
  { "dvds_target_missed", clock = "disclosure_target", status = "missed" },
  { "dvds_closed", count = "close" },
}
