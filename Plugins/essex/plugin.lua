-- Essex Police (domain.md §6): a team of legal officers in Essex Police Legal Services prepares and
-- presents every DVPO application; superintendents authorise; orders are usually 14 or 28 days.
local essex = engine.plugin {
  name = "essex", version = "1.0", extends = "dvpo", order = 20, forces = { "essex" },
  after = { "order_lengths" },
  summary = "Legal officers review and present every application; orders of 14 or 28 days are sought",
  policies = {
    legal_team = { type = "text", default = "Essex Police Legal Services",
      summary = "The team whose legal officers prepare and present applications" },
  },
}

essex:staff_role("legal_officer")
essex:set("order_lengths", { 14, 28 })

-- The legal team's step between service and the application.
essex:event("legal_review", {
  from = "notice_served", who = "legal_officer",
  summary = "A legal officer reviews the evidence and prepares the application",
  data = {
    evidence_complete = { "boolean", summary = "Whether the evidence bundle is ready for court" },
    review_notes = { "text", required = false, personal = true, summary = "The legal officer's notes" },
  },
})

essex:action("legal_review", "record_review", function(case, event)
  return { legal_review_at = event.at, legal_reviewer = event.actor.id }
end)

-- Legal officers present the application and record the court's decisions.
essex:allow("apply_for_order", "legal_officer")
essex:allow("adjourn_hearing", "legal_officer")
essex:allow("grant_order", "legal_officer")
essex:allow("refuse_order", "legal_officer")

essex:guard("apply_for_order", "legal_review_first", function(case, event)
  if case.data.legal_review_at == nil then
    return false, "Essex: a legal officer must review the case (legal_review) before the application is made"
  end
  if not case.data.evidence_complete then
    return false, "Essex: the legal review found the evidence incomplete; review again once it is complete"
  end
  return true
end)

essex:guard("apply_for_order", "presented_by_legal_team", function(case, event)
  if event.actor.role ~= "legal_officer" then
    return false, "Essex: " .. essex.policy.legal_team .. " presents every application; the actor must be a legal_officer"
  end
  return true
end)
