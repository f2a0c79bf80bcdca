-- The workflow declarations: `engine.workflow` and the states, events, hooks, clocks and limits
-- a workflow declares. Each is checked against the schema (schema.lua) and recorded, with the
-- file:line that made it, in the registry Swift reads as plain data.
local P = ...
local fail, where, check_spec, is_name, choice = P.fail, P.where, P.check_spec, P.is_name, P.choice
local registry, schema, RANK_ORDER, FIELD_TYPES, DAY_CATEGORIES = P.registry, P.schema, P.RANK_ORDER, P.FIELD_TYPES, P.DAY_CATEGORIES
local type, pairs, ipairs, tostring, setmetatable = type, pairs, ipairs, tostring, setmetatable
local sort, concat = table.sort, table.concat
local math_type = math.type

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
P.name_list = name_list

local function parse_who(who, what)
  if who == nil then return { rank = P.RANKS[1], staff = {} } end
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

local field_types_expected = concat(schema.field_types, ", ") .. " or one_of = {...}"

--- A field of event `event`, from its declaration: a type name, or a table of the field kind.
local function parse_field(name, spec, event, what)
  if type(spec) == "string" then spec = { type = spec } end
  if type(spec) ~= "table" then fail("%s.data.%s must be a type name or a table; got %s", what, name, type(spec)) end
  local field_what = "field " .. name .. " of " .. event
  P.check_keys(spec, "field", field_what)
  local kind = spec.type or spec[1]
  if spec.one_of ~= nil then
    if kind ~= nil and kind ~= "one_of" then fail("%s.data.%s has both a type and one_of; expected one", what, name) end
  elseif not FIELD_TYPES[kind] then
    fail("%s.data.%s has type %s; expected %s", what, name, type(kind) == "string" and kind or P.shown(kind), field_types_expected)
  end
  P.check_values(spec, "field", field_what)
  if spec.case == false and spec.case_field ~= nil then
    fail("%s says case = false but case_field = %q; expected one of them (case_field keeps it on the case)", field_what, tostring(spec.case_field))
  end
  local field = { name = name, personal = spec.personal == true, summary = spec.summary or "", case_field = spec.case_field,
    case = spec.case == true }
  if spec.one_of ~= nil then
    field.type = "one_of"
    field.one_of = name_list(spec.one_of, what .. ".data." .. name .. ".one_of")
  else
    field.type = kind
  end
  if spec.required_if ~= nil and spec.required_unless ~= nil then
    fail("%s has both required_if and required_unless; expected one", field_what)
  end
  if spec.required_if ~= nil then
    field.requirement, field.other = "required_if", spec.required_if
  elseif spec.required_unless ~= nil then
    field.requirement, field.other = "required_unless", spec.required_unless
  elseif spec.required == false then
    field.requirement = "optional"
  else
    field.requirement = "required"
  end
  return field
end
P.parse_field = parse_field

local Workflow = {}
Workflow.__index = Workflow
P.Workflow = Workflow

--- Declares a state. `options.final = true` for a state that takes no further events.
function Workflow:state(name, summary, options)
  if not is_name(name) then fail("state name must be a lower_case name; got %s", type(name)) end
  if summary ~= nil and type(summary) ~= "string" then fail("summary of state %s must be text", name) end
  options = options or {}
  if type(options) ~= "table" then fail("state %s options must be a table; got %s", name, type(options)) end
  check_spec(options, "state_options", "state " .. name .. " options")
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
  check_spec(spec, "event", what)
  local file, line = where()
  local event = { name = name, summary = spec.summary or "", file = file, line = line, fields = {},
    statutory = spec.statutory == true, who_rule = spec.who_rule, corrects = spec.corrects == true }
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
  event.to = spec.to
  event.who = parse_who(spec.who, what)
  local names = {}
  for field_name in pairs(spec.data or {}) do
    if not is_name(field_name) then fail("%s.data has a key that is not a lower_case name", what) end
    names[#names + 1] = field_name
  end
  sort(names)
  for _, field_name in ipairs(names) do
    event.fields[#event.fields + 1] = parse_field(field_name, spec.data[field_name], name, what)
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
  local what = "clock " .. name
  check_spec(spec, "clock", what)
  local file, line = where()
  local clock = { name = name, rule = spec.rule, summary = spec.summary or "", file = file, line = line,
    started_by = name_list(spec.started_by, what .. ".started_by"),
    met_by = name_list(spec.met_by or {}, what .. ".met_by"),
    stopped_by = name_list(spec.stopped_by or {}, what .. ".stopped_by"),
    fires = spec.fires, days_field = spec.days_field, capped_by = spec.capped_by, planned_by = spec.planned_by,
    days = spec.days, date_field = spec.date_field,
    on_missed = spec.on_missed, decided_by = spec.decided_by }
  if spec.rule == "order_period" then
    if not is_name(spec.days_field) then fail("clock %s (order_period) needs days_field = the event's field of days", name) end
  elseif spec.rule == "calendar_days" or spec.rule == "working_days" then
    -- calendar_days: whole local days beginning with the start day; working_days: working days
    -- after it (Saturdays, Sundays and the bank-holiday table's days not counted).
    if math_type(spec.days) ~= "integer" or spec.days < 1 then
      fail("clock %s (%s) needs days = a whole number of days, 1 or more", name, spec.rule)
    end
  elseif spec.rule == "until_date" then
    if not is_name(spec.date_field) then fail("clock %s (until_date) needs date_field = the event's date field", name) end
  else
    -- The statutes' "hours, disregarding" rule: N hours counted on local days that are not disregarded (counted_hours),
    -- or N hours of real time (elapsed). `hours = { policy = "name" }` reads a plugin policy.
    if type(spec.hours) == "table" then
      check_spec(spec.hours, "policy_reference", what .. ".hours")
      clock.hours_policy = spec.hours.policy
    elseif math_type(spec.hours) ~= "integer" or spec.hours < 1 then
      fail("clock %s (%s) needs hours = a whole number of hours, 1 or more, or { policy = \"name\" }", name, spec.rule)
    else
      clock.hours = spec.hours
    end
    clock.disregard = name_list(spec.disregard or schema.day_categories, what .. ".disregard")
    for _, category in ipairs(clock.disregard) do
      if not DAY_CATEGORIES[category] then
        fail("clock %s.disregard has %s; expected %s", name, category, choice(schema.day_categories))
      end
    end
    clock.unsettled_days = spec.unsettled_days or schema.unsettled_days[1]
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
  check_spec(spec, "limit", "limit " .. name)
  local file, line = where()
  self.limits[#self.limits + 1] = { name = name, min = spec.min, max = spec.max, rule = spec.rule or "",
    file = file, line = line }
  return self
end

-- Report figures: what `safeguard report` counts for the workflow, declared as data.
local FIGURE_MEASURES = { "count", "cases", "tally", "mean", "clock", "median_hours", "clocks_met_by", "rate" }

--- Declares the figures `safeguard report` counts, in report order:
--- `wf:figures { { "orders_granted", count = "grant_order" }, { "grant_rate", rate = "orders_granted", of = { … } } }`.
function Workflow:figures(list)
  if type(list) ~= "table" then fail("figures needs a list of figures; got %s", type(list)) end
  local file, line = where()
  local figures = {}
  for index, spec in ipairs(list) do
    if type(spec) ~= "table" or not is_name(spec[1]) then fail("figure %d needs a lower_case name first", index) end
    local what = "figure " .. spec[1]
    check_spec(spec, "figure", what)
    local figure = { name = spec[1], file = file, line = line }
    for _, key in ipairs(FIGURE_MEASURES) do
      if spec[key] ~= nil then
        if figure.measure then fail("%s has both %s and %s; expected one measure", what, figure.measure, key) end
        figure.measure = key
      end
    end
    if not figure.measure then fail("%s needs a measure: %s", what, choice(FIGURE_MEASURES)) end
    figure.subject = spec[figure.measure]
    if figure.measure == "rate" then
      figure.of = name_list(spec.of or {}, what .. ".of")
      if #figure.of == 0 then fail("%s needs of = the figures whose sum is the whole", what) end
    end
    if (figure.measure == "tally" or figure.measure == "mean") and spec.field == nil then
      fail("%s needs field = the event's field to %s", what, figure.measure)
    end
    if figure.measure == "cases" and (spec.with == nil) == (spec.without == nil) then
      fail("%s needs with = an event, or without = one", what)
    end
    if figure.measure == "clock" and spec.status == nil then
      fail("%s needs status = \"met\" or \"missed\"", what)
    end
    figure.field, figure.with, figure.without, figure.status = spec.field, spec.with, spec.without, spec.status
    figures[#figures + 1] = figure
  end
  self.figures = figures
  return self
end

-- Handles: scripts never hold a declaration table, only a handle whose methods the engine resolves
-- to the table it keeps privately. A plugin cannot reach the national workflow's declarations,
-- nor another plugin's, nor file a change under another's name (isolation by construction).
local targets = setmetatable({}, { __mode = "k" })

--- A handle for `target` with `methods` (each called on the target, returning the handle) and
--- read-only `fields`.
function P.handle(target, methods, fields, kind)
  local handle, index = {}, {}
  for name, method in pairs(methods) do
    if type(method) == "function" and name:sub(1, 2) ~= "__" then
      index[name] = function(self, ...)
        local own = targets[self]
        if own == nil then fail("%s:%s must be called with ':' on the value %s returned", kind, name, kind) end
        method(own, ...)
        return self
      end
    end
  end
  for name, value in pairs(fields or {}) do index[name] = value end
  targets[handle] = target
  return setmetatable(handle, {
    __index = index,
    __newindex = function(_, key) fail("cannot set %s on the value %s returned; declare through its methods", tostring(key), kind) end,
    __metatable = false,
  })
end

--- The script file that called into the engine, to check which folder a declaration may come from.
local function caller_file()
  local file = where()
  return file
end
P.caller_file = caller_file

engine = {}

--- Starts a workflow declaration: `engine.workflow { name = "dvpo", title = "…", staff_roles = {…} }`.
function engine.workflow(spec)
  if type(spec) ~= "table" then fail("engine.workflow needs a table; got %s", type(spec)) end
  check_spec(spec, "workflow", "engine.workflow")
  if registry.workflows[spec.name] then fail("workflow %s is declared twice", spec.name) end
  local file, line = where()
  if file:sub(1, 10) ~= "Workflows/" then
    fail("engine.workflow declares a national procedure, in a file under Workflows/; a force's plugin extends one with engine.plugin")
  end
  local wf = setmetatable({ name = spec.name, title = spec.title or "", file = file, line = line,
    staff_roles = name_list(spec.staff_roles or {}, "staff_roles"),
    states = {}, events = {}, guards = {}, actions = {}, clocks = {}, patches = {}, limits = {} }, Workflow)
  registry.workflows[spec.name] = wf
  registry.order[#registry.order + 1] = spec.name
  return P.handle(wf, Workflow, { name = spec.name }, "engine.workflow")
end
