-- Wiltshire Police: notices were served on release from custody (the Gablecross custody suite, for
-- example); the pilot's orders were mostly of 14, 21 and 28 days (16 and 25 days too). A perpetrator
-- who was never arrested is served where found (CSA 2010 s.25(2)), so the custody data is optional.
local wiltshire = engine.plugin {
  name = "wiltshire", version = "1.0", extends = "dvpo", order = 20, forces = { "wiltshire" },
  after = { "order_lengths" },
  summary = "Notices served on release from custody; 14, 21 or 28-day orders sought",
}

wiltshire:set("order_lengths", { 14, 21, 28 })

wiltshire:field("serve_notice", "custody_suite", { "text", required = false, case = true,
  summary = "The custody suite the perpetrator left, when served on release" })
wiltshire:field("serve_notice", "released_at", { "instant", required = false, case = true,
  summary = "When the perpetrator was released, when served on release" })

-- Service is personal, by a constable (CSA 2010 s.25(2)), and the Act allows it in custody; the s.31
-- guidance says a perpetrator may not be held in custody to serve a notice, and Wiltshire's practice
-- is to serve on release. Service before released_at is lawful: a warning (force practice), never a refusal.
wiltshire:action("serve_notice", "served_on_release", function(case, event)
  if event.data.released_at ~= nil and event.at < event.data.released_at then
    return { warnings = { "Wiltshire serves notices on release from custody; this service is before released_at"
      .. " (force practice, Plugins/wiltshire/plugin.lua; service in custody is lawful, CSA 2010 s.25(2))" } }
  end
  return nil
end)
