-- Order lengths a force applies for (domain.md §2, §6): the application states the period sought,
-- from the force's list. The court still decides; the national 14-to-28-day rule still holds, and
-- the policy itself must stay within it (limit order_days).
local lengths = engine.plugin {
  name = "order_lengths", version = "1.0", extends = "dvpo", order = 10,
  forces = { "essex", "wiltshire" },
  summary = "The application states the order length sought, from the force's list",
  policies = {
    order_lengths = { type = "integer_list", default = { 14, 21, 28 }, within = "order_days",
      summary = "The order lengths, in days, the force applies for" },
  },
}

lengths:field("apply_for_order", "days_sought", { "integer", summary = "The order length applied for, in days" })

lengths:guard("apply_for_order", "days_sought_in_policy", function(case, event)
  if engine.contains(lengths.policy.order_lengths, event.data.days_sought) then return true end
  return false, "force policy is to apply for orders of " .. table.concat(lengths.policy.order_lengths, ", ")
    .. " days; days_sought must be one of them"
end)
