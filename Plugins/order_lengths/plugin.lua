-- Order lengths a force applies for: the application may state the period sought. Any whole number
-- of days from 14 to 28 is lawful (CSA 2010 s.28(10)); the force's list is its usual practice, so a
-- length outside it is a warning, not a refusal. The policy itself must stay within the law
-- (limit order_days), and the court still decides.
local lengths = engine.plugin {
  name = "order_lengths", version = "1.0", extends = "dvpo", order = 10,
  forces = { "essex", "wiltshire" },
  summary = "The application may state the order length sought; the force's usual lengths are a warning",
  policies = {
    order_lengths = { type = "integer_list", default = { 14, 21, 28 }, within = "order_days",
      summary = "The order lengths, in days, the force usually applies for" },
  },
}

lengths:field("apply_for_order", "days_sought", { "integer", required = false,
  summary = "The order length applied for, in days (14 to 28)" })

-- CSA 2010 s.28(10): the law's range is a refusal.
lengths:guard("apply_for_order", "days_sought_lawful", function(case, event)
  local days = event.data.days_sought
  if days == nil or (days >= 14 and days <= 28) then return true end
  return false, "an order lasts from 14 to 28 days (CSA 2010 s.28(10)); days_sought must be 14 to 28"
end)

-- The force's usual lengths are practice within CSA 2010 s.28(10): a warning.
lengths:action("apply_for_order", "days_sought_usual", function(case, event)
  local days = event.data.days_sought
  if days == nil or engine.contains(lengths.policy.order_lengths, days) then return nil end
  return { warnings = "the force usually applies for orders of " .. table.concat(lengths.policy.order_lengths, ", ")
    .. " days; " .. days .. " days is lawful (CSA 2010 s.28(10))" }
end)
