-- Metropolitan Police under the Domestic Abuse Act 2021 pilot, which covers only the London
-- Boroughs of Croydon, Bromley and Sutton (SI 2024/1191). The Met records the borough where the
-- perpetrator lives, since that decides whether the pilot applies; a borough outside the list is
-- flagged on the case for the team to check, never refused (the regulations' scope is a question
-- for legal advice, and the list is a setting).
local met = engine.plugin {
  name = "metropolitan_dapo", version = "1.0", extends = "dapo", forces = { "metropolitan" },
  summary = "The perpetrator's home borough recorded and checked against the pilot boroughs",
  policies = {
    pilot_boroughs = { type = "text_list", default = { "croydon", "bromley", "sutton" },
      summary = "The London boroughs where the pilot runs (SI 2024/1191)" },
  },
}

met:field("report_incident", "perpetrator_borough", { "text", case = true,
  summary = "The London borough where the perpetrator lives (lower case, for example croydon)" })

met:action("report_incident", "check_pilot_borough", function(case, event)
  local borough = string.lower(event.data.perpetrator_borough)
  if engine.contains(met.policy.pilot_boroughs, borough) then
    return { pilot_borough = true }
  end
  return { pilot_borough = false,
    pilot_check = "the perpetrator lives outside the pilot boroughs (" .. table.concat(met.policy.pilot_boroughs, ", ")
      .. "); check the pilot applies before a notice is authorised" }
end)
