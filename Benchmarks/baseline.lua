-- The pure-Lua baseline for `safeguard apply` (issue 7): the same Workflows/dvpo.lua hooks on the
-- same JSON Lines, run by the stock lua5.4 interpreter with lua-cjson, cases kept in a Lua table.
-- It checks what the engine checks per line (state, rank, data types, guards), runs the actions,
-- and keeps the order's end for expire_order; it writes nothing to disk and computes no counted-time
-- clocks, so it is the floor the engine's overhead is measured against.
--
-- Usage: lua5.4 Benchmarks/baseline.lua Workflows/dvpo.lua lines.jsonl
local cjson = require("cjson")
local workflow_file, lines_file = arg[1], arg[2]

-- Civil dates and London time (BST from 01:00 UTC on the last Sunday of March to the last of October).
local function days_from_civil(y, m, d)
  if m <= 2 then y = y - 1 end
  local era = (y >= 0 and y or y - 399) // 400
  local yoe = y - era * 400
  local doy = (153 * ((m + 9) % 12) + 2) // 5 + d - 1
  return era * 146097 + yoe * 365 + yoe // 4 - yoe // 100 + doy - 719468
end

local function civil_from_days(z)
  z = z + 719468
  local era = (z >= 0 and z or z - 146096) // 146097
  local doe = z - era * 146097
  local yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
  local doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
  local mp = (5 * doy + 2) // 153
  local d = doy - (153 * mp + 2) // 5 + 1
  local m = mp < 10 and mp + 3 or mp - 9
  return yoe + era * 400 + (m <= 2 and 1 or 0), m, d
end

local function last_sunday_utc(y, m)
  local last = days_from_civil(y, m + 1, 1) - 1
  local weekday = (last + 4) % 7  -- 0 = Sunday
  return (last - weekday) * 86400 + 3600
end

local function london_offset(t)
  local y = civil_from_days(t // 86400)
  if t >= last_sunday_utc(y, 3) and t < last_sunday_utc(y, 10) then return 3600 end
  return 0
end

local function parse_instant(s)
  if type(s) ~= "string" then return nil end
  local y, mo, d, h, mi, se, rest = s:match("^(%d%d%d%d)%-(%d%d)%-(%d%d)T(%d%d):(%d%d):(%d%d)(.*)$")
  if not y then return nil end
  local frac, zone = rest:match("^(%.%d+)(.*)$")
  if not frac then frac, zone = "", rest end
  local offset = 0
  if zone ~= "Z" then
    local sign, oh, om = zone:match("^([+-])(%d%d):(%d%d)$")
    if not sign then return nil end
    offset = (tonumber(oh) * 3600 + tonumber(om) * 60) * (sign == "+" and 1 or -1)
  end
  local t = days_from_civil(tonumber(y), tonumber(mo), tonumber(d)) * 86400 + tonumber(h) * 3600 + tonumber(mi) * 60 + tonumber(se) - offset
  return t + (frac ~= "" and tonumber("0" .. frac) or 0)
end

local function format_utc(t)
  local whole = math.floor(t)
  local millis = math.floor((t - whole) * 1000 + 0.5)
  local y, m, d = civil_from_days(whole // 86400)
  local s = whole % 86400
  return string.format("%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", y, m, d, s // 3600, s % 3600 // 60, s % 60, millis)
end

local function local_date(t)
  local y, m, d = civil_from_days((math.floor(t) + london_offset(t)) // 86400)
  return string.format("%04d-%02d-%02d", y, m, d)
end

-- The engine API the scripts use.
local RANKS = { "constable", "sergeant", "inspector", "chief_inspector", "superintendent", "chief_superintendent" }
local RANK = {}
for i, r in ipairs(RANKS) do RANK[r] = i end
local workflows = {}
local Workflow = {}
Workflow.__index = Workflow

engine = { ranks = RANKS }
function engine.workflow(spec)
  local wf = setmetatable({ name = spec.name, states = {}, events = {}, guards = {}, actions = {}, clocks = {} }, Workflow)
  workflows[spec.name] = wf
  return wf
end
function Workflow:state(name, _, options) self.states[name] = { final = options and options.final } end
function Workflow:event(name, spec)
  local fields = {}
  for field, f in pairs(spec.data or {}) do
    if type(f) == "string" then f = { f } end
    fields[field] = { type = f.type or f[1] or "one_of", one_of = f.one_of, required = f.required ~= false,
      required_if = f.required_if, required_unless = f.required_unless }
  end
  local who = spec.who or "constable"
  if type(who) == "string" then who = { who } end
  local min, staff = nil, {}
  for _, r in ipairs(who) do if RANK[r] then min = RANK[r] else staff[r] = true end end
  local from = spec.from
  if type(from) == "string" and from ~= "*" then from = { from } end
  local set
  if type(from) == "table" then set = {} for _, s in ipairs(from) do set[s] = true end end
  self.events[name] = { to = spec.to, opens = spec.opens, any = from == "*", from = set, min = min, staff = staff, fields = fields }
  self.guards[name], self.actions[name] = {}, {}
end
function Workflow:guard(event, _, fn) table.insert(self.guards[event], fn) end
function Workflow:action(event, _, fn) table.insert(self.actions[event], fn) end
function Workflow:clock(name, spec) self.clocks[name] = spec end
function Workflow:limit() end
-- Declarations the baseline has no use for (figures for report, and any added later) are taken and
-- ignored, so the scripts load as they are; guards, actions, events and states are what it runs.
setmetatable(Workflow, { __index = function() return function() end end })
function engine.age_on(birth, on)
  local by, bm, bd = birth:match("^(%d+)%-(%d+)%-(%d+)$")
  local oy, om, od = on:match("^(%d+)%-(%d+)%-(%d+)$")
  local age = tonumber(oy) - tonumber(by)
  if tonumber(om) < tonumber(bm) or (tonumber(om) == tonumber(bm) and tonumber(od) < tonumber(bd)) then age = age - 1 end
  return age
end
function engine.local_date(instant) return local_date(parse_instant(instant)) end
function engine.local_time(instant) return instant end
function engine.rank_at_least(role, rank) return RANK[role] ~= nil and RANK[role] >= RANK[rank] end
function engine.contains(list, value) for _, v in ipairs(list) do if v == value then return true end end return false end

dofile(workflow_file)
local wf = workflows.dvpo

-- Whether a value fits its field, and its stored form.
local function check_field(spec, value)
  local t = spec.type
  if t == "text" then return type(value) == "string" and value:find("%S") ~= nil, value end
  if t == "boolean" then return type(value) == "boolean", value end
  if t == "integer" then local i = math.tointeger(value) return i ~= nil, i end
  if t == "date" then return type(value) == "string" and value:match("^%d%d%d%d%-%d%d%-%d%d$") ~= nil, value end
  if t == "instant" then local p = parse_instant(value) return p ~= nil, p and format_utc(p) end
  if t == "one_of" then return engine.contains(spec.one_of, value), value end
  return true, value
end

local cases = {}
local applied, refused, malformed = 0, 0, 0
for line in io.lines(lines_file) do
  local ok, t = pcall(cjson.decode, line)
  local at = ok and type(t) == "table" and parse_instant(t.at)
  local ev = at and wf.events[t.event]
  if not ev then
    malformed = malformed + 1
  else
    local case = cases[t.case]
    local allowed = (case == nil and ev.opens) or (case ~= nil and not wf.states[case.state].final and (ev.any or (ev.from and ev.from[case.state])))
    local role = t.actor.role
    local data, bad = {}, false
    if allowed and ((ev.min and RANK[role] and RANK[role] >= ev.min) or ev.staff[role]) then
      local given = t.data or {}
      for name, spec in pairs(ev.fields) do
        local v = given[name]
        if v == nil then
          local need = spec.required
          if spec.required_if then need = given[spec.required_if] == true end
          if spec.required_unless then need = given[spec.required_unless] ~= true end
          if need then bad = true end
        else
          local fits, stored = check_field(spec, v)
          if fits then data[name] = stored else bad = true end
        end
      end
      if bad then
        malformed = malformed + 1
      else
        local view = case or { id = t.case, state = nil, data = {}, deadlines = {} }
        local event = { name = t.event, at = format_utc(at), actor = t.actor, data = data }
        local pass = true
        for _, g in ipairs(wf.guards[t.event]) do
          if not g(view, event) then pass = false break end
        end
        if pass then
          if case == nil then case = { id = t.case, data = {}, deadlines = {} } cases[t.case] = case end
          for k, v in pairs(data) do case.data[k] = v end
          for _, a in ipairs(wf.actions[t.event]) do
            local changes = a(case, event)
            if changes then for k, v in pairs(changes) do case.data[k] = v end end
          end
          if t.event == "grant_order" then
            local y, m, d = local_date(at):match("^(%d+)%-(%d+)%-(%d+)$")
            local next_day = (days_from_civil(tonumber(y), tonumber(m), tonumber(d)) + data.days) * 86400
            case.deadlines.order_end = { due = format_utc(next_day - london_offset(next_day) - 0.001), status = "pending" }
          end
          case.state = ev.to or case.state
          applied = applied + 1
        else
          refused = refused + 1
        end
      end
    else
      refused = refused + 1
    end
  end
end
print(string.format("applied %d, refused %d, malformed %d", applied, refused, malformed))
