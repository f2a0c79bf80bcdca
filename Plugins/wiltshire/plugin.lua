-- Wiltshire Police (domain.md §6): notices were served on release from custody (the Gablecross
-- custody suite, for example); the pilot's orders were of 14, 21 and 28 days.
local wiltshire = engine.plugin {
  name = "wiltshire", version = "1.0", extends = "dvpo", order = 20, forces = { "wiltshire" },
  after = { "order_lengths" },
  summary = "Notices served on release from custody; 14, 21 or 28-day orders sought",
}

wiltshire:set("order_lengths", { 14, 21, 28 })

wiltshire:field("serve_notice", "custody_suite", { "text", summary = "The custody suite the perpetrator left" })
wiltshire:field("serve_notice", "released_at", { "instant", summary = "When the perpetrator was released" })

-- §1 step 1: the perpetrator may not be held in custody to serve a notice, so it is served on release.
wiltshire:guard("serve_notice", "served_on_release", function(case, event)
  if event.at < event.data.released_at then
    return false, "Wiltshire serves notices on release from custody; the service is before released_at"
  end
  return true
end)
