-- Greater Manchester Police under the Domestic Abuse Act 2021 pilot: the dedicated DAPO team
-- builds the evidence and presents every police application, and the force actively monitors
-- compliance with each order (sign-on checks), most breaches it finds being missed notifications.
-- The compliance schedule is the force's practice, not the Act's: it is a due item, never a refusal.
local gmp = engine.plugin {
  name = "greater_manchester_dapo", version = "1.0", extends = "dapo", forces = { "greater_manchester" },
  summary = "The dedicated team presents applications; compliance checks on every order",
  policies = {
    presenting_team = { type = "text", default = "GMP DAPO team",
      summary = "The dedicated team that builds evidence packs and presents police applications" },
    compliance_check_hours = { type = "integer", default = 168,
      summary = "Hours after the order is made, and after each check, by which the next compliance check is due" },
  },
}

gmp:staff_role("dedicated_team")
gmp:allow("apply_for_order", "dedicated_team")
gmp:allow("adjourn_hearing", "dedicated_team")
gmp:allow("grant_order", "dedicated_team")
gmp:allow("refuse_order", "dedicated_team")
gmp:allow("impose_requirement", "dedicated_team")
gmp:allow("vary_order", "dedicated_team")

-- Police applications only: a victim's or third party's application is not the team's.
gmp:guard("apply_for_order", "presented_by_dedicated_team", function(case, event)
  local police = case.data.route == "police_notice" or case.data.route == "police_application"
  if police and event.actor.role ~= "dedicated_team" then
    return false, "Greater Manchester: the " .. gmp.policy.presenting_team
      .. " presents every police application; the actor must be dedicated_team"
  end
  return true
end)

gmp:event("record_compliance_check", {
  from = { "order_in_force", "breach" }, who = "constable",
  summary = "An officer checks the perpetrator's compliance with the order (sign-on, address, requirements)",
  data = { compliance = { one_of = { "compliant", "concern", "breach_suspected" }, summary = "What the check found" } },
})

gmp:clock("compliance_check", {
  rule = "elapsed", hours = { policy = "compliance_check_hours" },
  started_by = { "grant_order", "record_compliance_check" }, met_by = "record_compliance_check",
  summary = "The next compliance check while the order is in force",
})

gmp:action("record_compliance_check", "count_check", function(case, event)
  return { compliance_checks = (case.data.compliance_checks or 0) + 1 }
end)
