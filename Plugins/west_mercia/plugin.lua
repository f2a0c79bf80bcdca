-- West Mercia Police: worked with local domestic abuse forums, Victim Support and Women's Aid, and
-- refers to independent domestic violence advisers (IDVA) and the MARAC; each referral is recorded
-- as a step with its outcome.
local west_mercia = engine.plugin {
  name = "west_mercia", version = "1.0", extends = "dvpo", forces = { "west_mercia" },
  summary = "Referrals to the domestic abuse forum, Victim Support and Women's Aid, with outcomes",
  policies = {
    agencies = { type = "text_list", default = { "domestic_abuse_forum", "victim_support", "womens_aid", "idva", "marac" },
      summary = "The agencies the force refers victims to" },
  },
}

-- Referrals are practice under the CSA 2010 s.31 guidance, not statute.
west_mercia:event("record_referral", {
  from = { "notice_served", "hearing", "order_in_force", "breach" }, who = "constable",
  summary = "A referral to a partner agency, and its outcome",
  data = {
    agency = { "text", summary = "The agency referred to" },
    referral_outcome = { one_of = { "accepted", "declined", "no_response" }, summary = "What came of it" },
  },
})

west_mercia:guard("record_referral", "known_agency", function(case, event)
  if engine.contains(west_mercia.policy.agencies, event.data.agency) then return true end
  return false, "West Mercia refers to " .. table.concat(west_mercia.policy.agencies, ", ")
    .. "; agency must be one of them (force practice, Plugins/west_mercia/plugin.lua; the policy agencies lists them)"
end)

west_mercia:action("record_referral", "record_outcome", function(case, event)
  return { ["referral_" .. event.data.agency] = event.data.referral_outcome }
end)
