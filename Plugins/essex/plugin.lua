-- Essex Police: a team of legal officers in Essex Police Legal Services prepares and presents DVPO
-- applications; superintendents authorise; orders of 14 or 28 days are usually sought. The Act puts
-- the duty to apply on a constable (CSA 2010 s.27(1)), so the legal team is the force's preference,
-- shown as a warning: a constable can still apply, out of hours, before the 48 hours run out.
local essex = engine.plugin {
  name = "essex", version = "1.0", extends = "dvpo", order = 20, forces = { "essex" },
  after = { "order_lengths" },
  summary = "Legal officers review and present applications (preferred, not required); 14 or 28-day orders sought",
  policies = {
    legal_team = { type = "text", default = "Essex Police Legal Services",
      summary = "The team whose legal officers prepare and present applications" },
  },
}

essex:staff_role("legal_officer")
essex:set("order_lengths", { 14, 28 })

-- The legal team's step between service and the application (practice; the duty to apply stays
-- with a constable, CSA 2010 s.27(1)).
essex:event("legal_review", {
  from = "notice_served", who = "legal_officer",
  summary = "A legal officer reviews the evidence and prepares the application",
  data = {
    evidence_complete = { "boolean", case = true, summary = "Whether the evidence bundle is ready for court" },
    review_notes = { "text", required = false, personal = true, summary = "The legal officer's notes" },
  },
})

essex:action("legal_review", "record_review", function(case, event)
  return { legal_review_at = event.at, legal_reviewer = event.actor.id }
end)

-- Legal officers present the application and record the court's decisions (CSA 2010 s.27(1)-(2)
-- name no presenter).
essex:allow("apply_for_order", "legal_officer")
essex:allow("adjourn_hearing", "legal_officer")
essex:allow("grant_order", "legal_officer")
essex:allow("refuse_order", "legal_officer")

-- Force practice, not law: each departure is a warning recorded on the application.
essex:action("apply_for_order", "legal_team_preferred", function(case, event)
  local warnings = {}
  if case.data.legal_review_at == nil then
    warnings[#warnings + 1] = "Essex: no legal review (legal_review) is recorded before this application"
  elseif not case.data.evidence_complete then
    warnings[#warnings + 1] = "Essex: the legal review found the evidence incomplete"
  end
  if event.actor.role ~= "legal_officer" then
    warnings[#warnings + 1] = "Essex: " .. essex.policy.legal_team .. " usually presents applications;"
      .. " tell it of this one (a constable may apply: CSA 2010 s.27(1))"
  end
  return { warnings = warnings }
end)
