-- Helpers hooks call: dates and times (through Swift primitives), ranks, lists and keys.
local P = ...
local fail, RANKS, RANK_ORDER, primitives = P.fail, P.RANKS, P.RANK_ORDER, P.primitives
local type, pairs, ipairs, tostring, tonumber = type, pairs, ipairs, tostring, tonumber
local match, sort = string.match, table.sort

local function check_date(value, what)
  if type(value) ~= "string" then fail("%s must be a date YYYY-MM-DD; got %s", what, type(value)) end
  local y, m, d = match(value, "^(%d%d%d%d)%-(%d%d)%-(%d%d)$")
  if not y then fail("%s must be a date YYYY-MM-DD; got text that is not one", what) end
  return tonumber(y), tonumber(m), tonumber(d)
end

--- Whole years from `birth` to `on` (both YYYY-MM-DD): the age on that day.
function engine.age_on(birth, on)
  local by, bm, bd = check_date(birth, "engine.age_on's first argument")
  local oy, om, od = check_date(on, "engine.age_on's second argument")
  local age = oy - by
  if om < bm or (om == bm and od < bd) then age = age - 1 end
  return age
end

-- An engine function taking one instant (such as `event.at`) and returning `primitive` of it.
local function instant_function(name, primitive)
  return function(instant)
    if type(instant) ~= "string" then fail("engine.%s needs an instant; got %s", name, type(instant)) end
    local result = primitive(instant)
    if not result then fail("engine.%s needs an ISO 8601 instant with an offset; got text that is not one", name) end
    return result
  end
end

--- The Europe/London calendar day (YYYY-MM-DD) of an instant such as `event.at`.
engine.local_date = instant_function("local_date", primitives.local_date)

--- An instant as an officer reads it: Europe/London time with its offset
--- ("2026-06-22T23:59:59.999+01:00"), for refusal messages.
engine.local_time = instant_function("local_time", primitives.local_time)

--- Whether `role` is a rank at or above `rank`.
function engine.rank_at_least(role, rank)
  if not RANK_ORDER[rank] then fail("engine.rank_at_least needs a rank second; got %s", tostring(rank)) end
  return RANK_ORDER[role] ~= nil and RANK_ORDER[role] >= RANK_ORDER[rank]
end

--- Whether a list holds a value: `engine.contains(policy.agencies, event.data.agency)`.
function engine.contains(list, value)
  if type(list) ~= "table" then fail("engine.contains needs a list first; got %s", type(list)) end
  for _, item in ipairs(list) do
    if item == value then return true end
  end
  return false
end

--- The keys of a table in sorted order: use it where `pairs` order would matter (it is not fixed).
function engine.sorted_keys(t)
  if type(t) ~= "table" then fail("engine.sorted_keys needs a table; got %s", type(t)) end
  local keys = {}
  for key in pairs(t) do keys[#keys + 1] = key end
  sort(keys, function(a, b) return tostring(a) < tostring(b) end)
  return keys
end

engine.ranks = RANKS
