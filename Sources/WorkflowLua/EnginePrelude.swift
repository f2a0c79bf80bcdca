/// The Lua half of the engine API: the `engine` table scripts declare procedures with, and the
/// sandbox around them. It runs first in every interpreter, with the debug library still open;
/// it keeps `debug.getinfo` privately (to record the `file:line` of each declaration) and then
/// removes everything scripts must not reach. Declarations check their arguments here and raise
/// with level 2, so a mistake is reported at the script's own line.
///
/// The chunk returns the registry of declarations; Swift reads it as plain data, and calls hooks
/// through its `hooks` list. `__primitives` holds the Swift functions it wraps.
enum EnginePrelude {
    static let chunkName = "=engine"

    static let source = #"""
local primitives = ...
local getinfo, getupvalue, setupvalue = debug.getinfo, debug.getupvalue, debug.setupvalue
local next, rawget, setmetatable = next, rawget, setmetatable
local type, pairs, ipairs, error, tostring, select = type, pairs, ipairs, error, tostring, select
local format, match, sort, concat = string.format, string.match, table.sort, table.concat
local original_load = load

-- The sandbox (design.md, the Lua contract): no files, no processes, no native loaders,
-- no binary chunks, no randomness, no wall clock, no debug access, no printing to stdout.
debug = nil
dofile = nil
loadfile = nil
require = nil
package = nil
print = nil
collectgarbage = nil
math.random = nil
math.randomseed = nil
string.dump = nil
load = function(chunk, name, mode, env)
  if type(chunk) ~= "string" then
    error("load takes source text only in Safeguard scripts; expected a string", 2)
  end
  return original_load(chunk, name, "t", env)
end

local registry = { workflows = {}, order = {}, hooks = {}, plugins = {}, policy_tables = {}, force = nil }

-- The first stack level (counted from the caller of this function's caller) that is a
-- script's, not this prelude's: declarations are blamed on the line that made them.
local function script_level()
  for level = 3, 40 do
    local info = getinfo(level, "S")
    if info == nil then return nil end
    if info.what ~= "C" and info.short_src ~= "engine" then return level - 1 end
  end
  return nil
end

local function where()
  local level = script_level()
  if level == nil then return "engine", 0 end
  local info = getinfo(level, "Sl")
  return info.short_src, info.currentline
end

local function fail(message, ...)
  error(format(message, ...), script_level() or 1)
end

local RANKS = { "constable", "sergeant", "inspector", "chief_inspector", "superintendent", "chief_superintendent",
  "assistant_chief_constable", "commander", "deputy_chief_constable", "deputy_assistant_commissioner",
  "chief_constable", "assistant_commissioner", "deputy_commissioner", "commissioner" }
-- Seniority (WorkflowCore's Rank.level): the Metropolitan Police's ranks stand with their equivalents.
local RANK_LEVELS = { 1, 2, 3, 4, 5, 6, 7, 7, 8, 8, 9, 9, 10, 11 }
local RANK_ORDER = {}
for i, name in ipairs(RANKS) do RANK_ORDER[name] = RANK_LEVELS[i] end
local FIELD_TYPES = { text = true, boolean = true, integer = true, number = true, date = true, instant = true }

local function is_name(value)
  return type(value) == "string" and match(value, "^[a-z][a-z0-9_]*$") ~= nil
end

local function name_list(value, what)
  if type(value) == "string" then value = { value } end
  if type(value) ~= "table" then fail("%s must be a name or a list of names; got %s", what, type(value)) end
  local names = {}
  for i, name in ipairs(value) do
    if not is_name(name) then fail("%s[%d] must be a lower_case name; got %s", what, i, type(name)) end
    names[#names + 1] = name
  end
  return names
end

local function check_keys(spec, allowed, what)
  local unknown = {}
  for key in pairs(spec) do
    if not allowed[key] then unknown[#unknown + 1] = tostring(key) end
  end
  if #unknown > 0 then
    sort(unknown)
    local expected = {}
    for key in pairs(allowed) do
      if type(key) == "string" then expected[#expected + 1] = key end
    end
    sort(expected)
    fail("%s has unknown key %s; expected: %s", what, unknown[1], concat(expected, ", "))
  end
end

local function parse_who(who, what)
  if who == nil then return { rank = "constable", staff = {} } end
  local names = name_list(who, what .. ".who")
  local result = { staff = {} }
  for _, name in ipairs(names) do
    if RANK_ORDER[name] then
      if result.rank then fail("%s.who names two ranks (%s and %s); expected the lowest rank allowed", what, result.rank, name) end
      result.rank = name
    else
      result.staff[#result.staff + 1] = name
    end
  end
  return result
end

local FIELD_KEYS = { type = true, [1] = true, one_of = true, required = true, required_if = true,
  required_unless = true, personal = true, summary = true }

local function parse_field(name, spec, what)
  if type(spec) == "string" then spec = { type = spec } end
  if type(spec) ~= "table" then fail("%s.data.%s must be a type name or a table; got %s", what, name, type(spec)) end
  check_keys(spec, FIELD_KEYS, what .. ".data." .. name)
  local field = { name = name, personal = spec.personal == true, summary = spec.summary or "" }
  local kind = spec.type or spec[1]
  if spec.one_of ~= nil then
    if kind ~= nil and kind ~= "one_of" then fail("%s.data.%s has both a type and one_of; expected one", what, name) end
    field.type = "one_of"
    field.one_of = name_list(spec.one_of, what .. ".data." .. name .. ".one_of")
  elseif FIELD_TYPES[kind] then
    field.type = kind
  else
    fail("%s.data.%s has type %s; expected text, boolean, integer, number, date, instant or one_of = {...}",
      what, name, tostring(kind))
  end
  if spec.required_if ~= nil then
    if not is_name(spec.required_if) then fail("%s.data.%s.required_if must name a boolean field", what, name) end
    field.requirement, field.other = "required_if", spec.required_if
  elseif spec.required_unless ~= nil then
    if not is_name(spec.required_unless) then fail("%s.data.%s.required_unless must name a boolean field", what, name) end
    field.requirement, field.other = "required_unless", spec.required_unless
  elseif spec.required == false then
    field.requirement = "optional"
  else
    field.requirement = "required"
  end
  return field
end

local EVENT_KEYS = { from = true, to = true, opens = true, who = true, data = true, summary = true, statutory = true }
local CLOCK_KEYS = { rule = true, days_field = true, hours = true, disregard = true, unsettled_days = true,
  capped_by = true, started_by = true, met_by = true, stopped_by = true, fires = true, on_missed = true,
  decided_by = true, summary = true }
local DAY_CATEGORIES = { sunday = true, christmas_day = true, good_friday = true, bank_holiday = true }

local Workflow = {}
Workflow.__index = Workflow

--- Declares a state. `options.final = true` for a state that takes no further events.
function Workflow:state(name, summary, options)
  if not is_name(name) then fail("state name must be a lower_case name; got %s", type(name)) end
  if summary ~= nil and type(summary) ~= "string" then fail("summary of state %s must be text", name) end
  options = options or {}
  check_keys(options, { final = true }, "state " .. name .. " options")
  local file, line = where()
  self.states[#self.states + 1] = { name = name, summary = summary or "", final = options.final == true,
    file = file, line = line }
  return self
end

--- Declares an event: where it may be fired (`from`, or `opens = true`), where it leads (`to`;
--- absent keeps the state), who may fire it, and the data it takes.
function Workflow:event(name, spec)
  if not is_name(name) then fail("event name must be a lower_case name; got %s", type(name)) end
  if type(spec) ~= "table" then fail("event %s needs a table; got %s", name, type(spec)) end
  local what = "event " .. name
  check_keys(spec, EVENT_KEYS, what)
  local file, line = where()
  local event = { name = name, summary = spec.summary or "", file = file, line = line, fields = {},
    statutory = spec.statutory == true }
  if spec.opens then
    if spec.from ~= nil then fail("%s has both opens and from; expected one", what) end
    event.origin = "new"
  elseif spec.from == "*" then
    event.origin = "any"
  elseif spec.from ~= nil then
    event.origin = "states"
    event.from = name_list(spec.from, what .. ".from")
  else
    fail("%s needs from = a state, a list of states or \"*\" (or opens = true)", what)
  end
  if spec.to ~= nil and not is_name(spec.to) then fail("%s.to must be a state name", what) end
  event.to = spec.to
  event.who = parse_who(spec.who, what)
  if spec.data ~= nil and type(spec.data) ~= "table" then fail("%s.data must be a table", what) end
  local names = {}
  for field_name in pairs(spec.data or {}) do
    if not is_name(field_name) then fail("%s.data has a key that is not a lower_case name", what) end
    names[#names + 1] = field_name
  end
  sort(names)
  for _, field_name in ipairs(names) do
    event.fields[#event.fields + 1] = parse_field(field_name, spec.data[field_name], what)
  end
  self.events[#self.events + 1] = event
  return self
end

local function add_hook(self, list, kind, event, name, fn)
  if not is_name(event) then fail("%s needs an event name first; got %s", kind, type(event)) end
  if not is_name(name) then fail("%s on %s needs a lower_case name second; got %s", kind, event, type(name)) end
  if type(fn) ~= "function" then fail("%s %s on %s needs a function third; got %s", kind, name, event, type(fn)) end
  local file, line = where()
  registry.hooks[#registry.hooks + 1] = fn
  list[#list + 1] = { event = event, name = name, hook = #registry.hooks, file = file, line = line }
  return self
end

--- A check on an event: `fn(case, event)` returns true to allow, or false and a reason to refuse.
function Workflow:guard(event, name, fn) return add_hook(self, self.guards, "guard", event, name, fn) end

--- A step on an allowed event: `fn(case, event)` returns a table of data to set on the case, or nil.
function Workflow:action(event, name, fn) return add_hook(self, self.actions, "action", event, name, fn) end

--- Declares a clock the engine keeps for the case.
function Workflow:clock(name, spec)
  if not is_name(name) then fail("clock name must be a lower_case name; got %s", type(name)) end
  if type(spec) ~= "table" then fail("clock %s needs a table; got %s", name, type(spec)) end
  check_keys(spec, CLOCK_KEYS, "clock " .. name)
  local file, line = where()
  local clock = { name = name, rule = spec.rule, summary = spec.summary or "", file = file, line = line,
    started_by = name_list(spec.started_by or {}, "clock " .. name .. ".started_by"),
    met_by = name_list(spec.met_by or {}, "clock " .. name .. ".met_by"),
    stopped_by = name_list(spec.stopped_by or {}, "clock " .. name .. ".stopped_by"),
    fires = spec.fires, days_field = spec.days_field, capped_by = spec.capped_by,
    on_missed = spec.on_missed, decided_by = spec.decided_by }
  for _, key in ipairs({ "fires", "capped_by", "on_missed", "decided_by" }) do
    if spec[key] ~= nil and not is_name(spec[key]) then fail("clock %s.%s must be a lower_case name", name, key) end
  end
  if spec.rule == "order_period" then
    if not is_name(spec.days_field) then fail("clock %s (order_period) needs days_field = the event's field of days", name) end
  elseif spec.rule == "counted_hours" or spec.rule == "elapsed" then
    -- domain.md §9.1: N hours counted on local days that are not disregarded (counted_hours),
    -- or N hours of real time (elapsed). `hours = { policy = "name" }` reads a plugin policy.
    if type(spec.hours) == "table" and is_name(spec.hours.policy) then
      clock.hours_policy = spec.hours.policy
    elseif math.type(spec.hours) ~= "integer" or spec.hours < 1 then
      fail("clock %s (%s) needs hours = a whole number of hours, 1 or more, or { policy = \"name\" }", name, spec.rule)
    else
      clock.hours = spec.hours
    end
    clock.disregard = name_list(spec.disregard or { "sunday", "christmas_day", "good_friday", "bank_holiday" },
      "clock " .. name .. ".disregard")
    for _, category in ipairs(clock.disregard) do
      if not DAY_CATEGORIES[category] then
        fail("clock %s.disregard has %s; expected sunday, christmas_day, good_friday or bank_holiday", name, category)
      end
    end
    clock.unsettled_days = spec.unsettled_days or "count"
    if clock.unsettled_days ~= "count" and clock.unsettled_days ~= "disregard" then
      fail("clock %s.unsettled_days must be \"count\" or \"disregard\"", name)
    end
  else
    fail("clock %s has rule %s; expected order_period, counted_hours or elapsed", name, tostring(spec.rule))
  end
  if #clock.started_by == 0 then fail("clock %s needs started_by = an event", name) end
  self.clocks[#self.clocks + 1] = clock
  return self
end

--- Declares a statutory limit plugins' policies must stay within:
--- `wf:limit("order_days", { min = 14, max = 28, rule = "CSA 2010 s.28(10)" })`.
function Workflow:limit(name, spec)
  if not is_name(name) then fail("limit name must be a lower_case name; got %s", type(name)) end
  if type(spec) ~= "table" then fail("limit %s needs a table; got %s", name, type(spec)) end
  check_keys(spec, { min = true, max = true, rule = true }, "limit " .. name)
  if type(spec.min) ~= "number" or type(spec.max) ~= "number" then fail("limit %s needs min and max numbers", name) end
  local file, line = where()
  self.limits[#self.limits + 1] = { name = name, min = spec.min, max = spec.max, rule = spec.rule or "",
    file = file, line = line }
  return self
end

engine = {}

--- Starts a workflow declaration: `engine.workflow { name = "dvpo", title = "…", staff_roles = {…} }`.
function engine.workflow(spec)
  if type(spec) ~= "table" then fail("engine.workflow needs a table; got %s", type(spec)) end
  check_keys(spec, { name = true, title = true, staff_roles = true }, "engine.workflow")
  if not is_name(spec.name) then fail("engine.workflow needs name = a lower_case name") end
  if registry.workflows[spec.name] then fail("workflow %s is declared twice", spec.name) end
  local file, line = where()
  local wf = setmetatable({ name = spec.name, title = spec.title or "", file = file, line = line,
    staff_roles = name_list(spec.staff_roles or {}, "staff_roles"),
    states = {}, events = {}, guards = {}, actions = {}, clocks = {}, patches = {}, limits = {} }, Workflow)
  registry.workflows[spec.name] = wf
  registry.order[#registry.order + 1] = spec.name
  return wf
end

local function check_date(value, what)
  if type(value) ~= "string" then fail("%s must be a date YYYY-MM-DD; got %s", what, type(value)) end
  local y, m, d = match(value, "^(%d%d%d%d)%-(%d%d)%-(%d%d)$")
  if not y then fail("%s must be a date YYYY-MM-DD; got text that is not one", what) end
  return tonumber(y), tonumber(m), tonumber(d)
end


-- Plugins ------------------------------------------------------------------------------------
-- A plugin extends a workflow for the forces it names. Its declarations are tagged with its
-- name; what it changes in the workflow's own pieces is recorded as a patch. The engine layers
-- plugins in a deterministic order and refuses, with file:line, a plugin that conflicts with
-- another or loosens the statute. A plugin for another force is checked but contributes nothing.

local POLICY_TYPES = { integer = true, number = true, text = true, boolean = true, integer_list = true, text_list = true }

local Plugin = {}
Plugin.__index = Plugin

-- Runs a workflow declaration on the plugin's behalf: the new pieces are tagged with the plugin,
-- or dropped again when the plugin is not for the force being loaded.
local function delegate(method, list_name)
  return function(self, ...)
    local list = self.workflow[list_name]
    local before = #list
    Workflow[method](self.workflow, ...)
    for i = before + 1, #list do
      if self.active then list[i].plugin = self.name else list[i] = nil end
    end
    return self
  end
end

Plugin.state = delegate("state", "states")
Plugin.event = delegate("event", "events")
Plugin.clock = delegate("clock", "clocks")
Plugin.guard = delegate("guard", "guards")
Plugin.action = delegate("action", "actions")

local function patch(self, entry)
  local file, line = where()
  entry.plugin, entry.file, entry.line = self.name, file, line
  if self.active then self.workflow.patches[#self.workflow.patches + 1] = entry end
  return self
end

--- Adds a staff role (`legal_officer`) the plugin's events and `allow` may name.
function Plugin:staff_role(name)
  if not is_name(name) then fail("staff_role needs a lower_case name; got %s", type(name)) end
  if RANK_ORDER[name] then fail("staff_role %s is a rank; expected a staff role name", name) end
  return patch(self, { kind = "staff_role", role = name })
end

--- Lets a staff role fire an existing event as well as the ranks it already allows.
function Plugin:allow(event, roles)
  if not is_name(event) then fail("allow needs an event name first; got %s", type(event)) end
  return patch(self, { kind = "allow", event = event, roles = name_list(roles, "allow's roles") })
end

--- Raises the rank an existing event needs (tighter policy); it may never lower it.
function Plugin:require_rank(event, rank)
  if not is_name(event) then fail("require_rank needs an event name first; got %s", type(event)) end
  if not RANK_ORDER[rank] then fail("require_rank needs a rank second (%s); got %s", concat(RANKS, ", "), tostring(rank)) end
  return patch(self, { kind = "require_rank", event = event, rank = rank })
end

--- Asks for one more item of data on an existing event.
function Plugin:field(event, name, spec)
  if not is_name(event) then fail("field needs an event name first; got %s", type(event)) end
  if not is_name(name) then fail("field on %s needs a lower_case field name second; got %s", event, type(name)) end
  return patch(self, { kind = "field", event = event, field = parse_field(name, spec, "field " .. name .. " of " .. event) })
end

--- Sets a policy's value: the plugin's own, or one another plugin declares (which this plugin
--- must then come after).
function Plugin:set(policy, value)
  if not is_name(policy) then fail("set needs a policy name first; got %s", type(policy)) end
  if value == nil then fail("set %s needs a value", policy) end
  return patch(self, { kind = "set", policy = policy, value = value })
end

local PLUGIN_KEYS = { name = true, version = true, forces = true, extends = true, order = true, after = true,
  summary = true, policies = true }
local POLICY_KEYS = { type = true, default = true, summary = true, within = true }

--- Declares a plugin: `engine.plugin { name = "essex", forces = { "essex" }, extends = "dvpo", … }`.
function engine.plugin(spec)
  if type(spec) ~= "table" then fail("engine.plugin needs a table; got %s", type(spec)) end
  check_keys(spec, PLUGIN_KEYS, "engine.plugin")
  if not is_name(spec.name) then fail("engine.plugin needs name = a lower_case name") end
  for _, other in ipairs(registry.plugins) do
    if other.name == spec.name then fail("plugin %s is declared twice (first at %s:%d)", spec.name, other.file, other.line) end
  end
  if type(spec.version) ~= "string" then fail("plugin %s needs version = text, like \"1.0\"", spec.name) end
  local workflow = registry.workflows[spec.extends]
  if workflow == nil then fail("plugin %s extends %s, which no workflow declares", spec.name, tostring(spec.extends)) end
  local order = spec.order or 100
  if math.type(order) ~= "integer" then fail("plugin %s.order must be a whole number", spec.name) end
  local forces = name_list(spec.forces or {}, "plugin " .. spec.name .. ".forces")
  if #forces == 0 then fail("plugin %s needs forces = the forces it is for, like { \"essex\" }", spec.name) end
  local file, line = where()
  local info = { name = spec.name, version = spec.version, extends = spec.extends, order = order, forces = forces,
    after = name_list(spec.after or {}, "plugin " .. spec.name .. ".after"), summary = spec.summary or "",
    file = file, line = line, policies = {} }
  local active = false
  for _, force in ipairs(forces) do
    if force == registry.force then active = true end
  end
  info.active = active
  local values = {}
  local names = {}
  for name in pairs(spec.policies or {}) do names[#names + 1] = name end
  sort(names)
  for _, name in ipairs(names) do
    local policy = spec.policies[name]
    local what = "policy " .. name .. " of plugin " .. spec.name
    if not is_name(name) then fail("plugin %s has a policy whose name is not a lower_case name", spec.name) end
    if type(policy) ~= "table" then fail("%s needs a table with type, default and summary", what) end
    check_keys(policy, POLICY_KEYS, what)
    if not POLICY_TYPES[policy.type] then
      fail("%s has type %s; expected integer, number, text, boolean, integer_list or text_list", what, tostring(policy.type))
    end
    if type(policy.summary) ~= "string" or #policy.summary == 0 then fail("%s needs summary = one sentence", what) end
    if policy.default == nil then fail("%s needs default = its value unless a force sets another", what) end
    if policy.within ~= nil and not is_name(policy.within) then fail("%s.within must name a limit of %s", what, spec.extends) end
    info.policies[#info.policies + 1] = { name = name, type = policy.type, default = policy.default,
      summary = policy.summary, within = policy.within, file = file, line = line }
    values[name] = policy.default
  end
  registry.plugins[#registry.plugins + 1] = info
  registry.policy_tables[spec.name] = values
  return setmetatable({ name = spec.name, workflow = workflow, active = active, policy = values }, Plugin)
end

--- Used by the engine once layering has decided each policy's value.
function registry.apply_policy(plugin, name, value)
  registry.policy_tables[plugin][name] = value
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

-- The seal (design.md: nothing leaks between cases) ------------------------------------------
-- Library tables and `engine` are read-only from the start, so no script can replace a function
-- another script relies on. Globals live behind an empty _G: a script may add new ones while
-- loading, never replace an existing one, and none at all once loading is over. After loading,
-- every table a hook reaches through its upvalues is frozen too.

local proxies = setmetatable({}, { __mode = "k" })
local is_proxy = setmetatable({}, { __mode = "k" })

local function freeze(t)
  if is_proxy[t] then return t end
  if proxies[t] then return proxies[t] end
  local proxy = {}
  setmetatable(proxy, {
    __index = function(_, key)
      local value = t[key]
      if type(value) == "table" then return freeze(value) end
      return value
    end,
    __newindex = function(_, key)
      error(format("cannot set %s: this table is shared by every case and is read-only while hooks run; keep per-case state in the case's data",
        tostring(key)), 2)
    end,
    __len = function() return #t end,
    __pairs = function()
      return function(_, key)
        local k, v = next(t, key)
        if type(v) == "table" then v = freeze(v) end
        return k, v
      end, proxy, nil
    end,
    __metatable = false,
  })
  proxies[t], is_proxy[proxy] = proxy, true
  return proxy
end

getmetatable("").__metatable = false
rawset = nil
for _, name in ipairs({ "string", "table", "math", "utf8", "coroutine", "engine" }) do
  _G[name] = freeze(_G[name])
end

local G = _G
local globals = {}
for key, value in pairs(G) do globals[key] = value end
for key in pairs(globals) do G[key] = nil end
local sealed = false
setmetatable(G, {
  __index = globals,
  __newindex = function(_, key, value)
    if sealed then
      error(format("cannot set global %s while a hook runs: globals would carry state from one case to the next; use a local or the case's data",
        tostring(key)), 2)
    end
    if globals[key] ~= nil then
      error(format("global %s is already defined (by the engine or another script); expected a new name, or a local", tostring(key)), 2)
    end
    globals[key] = value
  end,
  __metatable = false,
})

--- Ends loading: no more globals, and the tables hooks can reach are frozen.
function registry.seal()
  sealed = true
  local seen = {}
  local function walk(fn)
    if seen[fn] then return end
    seen[fn] = true
    local info = getinfo(fn, "S")
    if info.what == "C" or info.short_src == "engine" then return end
    local index = 1
    while true do
      local name, value = getupvalue(fn, index)
      if name == nil then break end
      if type(value) == "table" and value ~= G and value ~= globals then
        setupvalue(fn, index, freeze(value))
      elseif type(value) == "function" then
        walk(value)
      end
      index = index + 1
    end
  end
  for _, fn in ipairs(registry.hooks) do walk(fn) end
end

return registry
"""#
}
