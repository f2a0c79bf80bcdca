-- Greater Manchester Police: victims are offered a caseworker and perpetrators a Probation-run
-- programme; a dedicated team builds evidence packs and presents applications. A constable keeps
-- the duty and the power to apply (CSA 2010 s.27(1)): the team is a preference, shown as a warning.
local gmp = engine.plugin {
  name = "greater_manchester", version = "1.0", extends = "dvpo", forces = { "greater_manchester" },
  summary = "Caseworker and programme offers with outcomes; a dedicated team presents applications",
  policies = {
    presenting_team = { type = "text", default = "GMP DAPO/DVPN team",
      summary = "The dedicated team that builds evidence packs and presents applications" },
  },
}

-- The team presents and records the court's decisions (CSA 2010 s.27(1)-(2) name no presenter).
gmp:staff_role("dedicated_team")
gmp:allow("apply_for_order", "dedicated_team")
gmp:allow("adjourn_hearing", "dedicated_team")
gmp:allow("grant_order", "dedicated_team")
gmp:allow("refuse_order", "dedicated_team")

gmp:action("apply_for_order", "dedicated_team_preferred", function(case, event)
  if event.actor.role ~= "dedicated_team" then
    return { warnings = "Greater Manchester: the " .. gmp.policy.presenting_team
      .. " usually presents applications; tell it of this one (a constable may apply: CSA 2010 s.27(1))" }
  end
  return nil
end)

-- Offers of support are practice under the CSA 2010 s.31 guidance, not statute.
gmp:event("offer_caseworker", {
  from = { "notice_served", "hearing", "order_in_force" }, who = "constable",
  summary = "The victim is offered a caseworker",
  data = { caseworker_outcome = { one_of = { "accepted", "declined", "not_reached" }, case = true,
    summary = "What the victim said" } },
})

gmp:event("offer_perpetrator_programme", {
  from = { "hearing", "order_in_force" }, who = "constable",
  summary = "The perpetrator is offered the Probation-run programme",
  data = { programme_outcome = { one_of = { "accepted", "declined" }, case = true, summary = "What the perpetrator said" } },
})

gmp:action("offer_caseworker", "record_offer", function(case, event)
  return { caseworker_offered_at = event.at }
end)

gmp:action("offer_perpetrator_programme", "record_offer", function(case, event)
  return { programme_offered_at = event.at }
end)
