-- Humberside Police: while an order is in force, patrol officers visit the victim to check on
-- welfare and arrange support, the perpetrator's custody for a breach included. The schedule is
-- practice (CSA 2010 s.31 guidance); each visit is a due date that 'safeguard due' shows and flags
-- when overdue. Visits stop when the order ends.
local humberside = engine.plugin {
  name = "humberside", version = "1.0", extends = "dvpo", forces = { "humberside" },
  summary = "Scheduled patrol visits to the victim while the order is in force",
  policies = {
    first_visit_hours = { type = "integer", default = 24,
      summary = "Hours after the order is made by which the first visit is due" },
    visit_interval_hours = { type = "integer", default = 72,
      summary = "Hours after each visit by which the next is due" },
  },
}

-- A visit not made by its time is recorded missed by 'safeguard tick', like a statutory deadline,
-- so it is counted (report's visits_missed) and shown missed by 'safeguard show'. The Act asks no
-- decision about a force's own schedule, so the clocks have no decided_by: once tick has recorded
-- the miss it leaves 'due'. Force practice, not law: nothing is refused because of it.
humberside:event("record_missed_visit", {
  from = "order_in_force", who = "engine",
  summary = "safeguard tick records a scheduled visit that passed unmade",
  data = { clock = { "text", summary = "The visit clock whose deadline passed" } },
})

humberside:clock("first_visit", {
  rule = "elapsed", hours = { policy = "first_visit_hours" },
  started_by = "grant_order", met_by = "record_visit", stopped_by = { "expire_order", "close" },
  on_missed = "record_missed_visit",
  summary = "The first patrol visit after the order is made",
})

-- Each visit meets the one due and starts the next; the order's end stops the schedule.
humberside:clock("next_visit", {
  rule = "elapsed", hours = { policy = "visit_interval_hours" },
  started_by = "record_visit", met_by = "record_visit", stopped_by = { "expire_order", "close" },
  on_missed = "record_missed_visit",
  summary = "The next patrol visit while the order is in force",
})

humberside:field("record_visit", "visit_kind", { one_of = { "patrol", "phone", "joint_with_idva" },
  summary = "How the victim was seen" })
