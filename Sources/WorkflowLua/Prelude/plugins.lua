-- Plugins: a plugin extends a workflow for the forces it names. Its declarations are tagged with
-- its name; what it changes in the workflow's own pieces is recorded as a patch. The engine layers
-- plugins in a deterministic order and refuses, with file:line, a plugin that conflicts with
-- another or loosens the statute. A plugin for another force is checked but contributes nothing.
local P = ...
local fail, where, check_spec, is_name, name_list, parse_field = P.fail, P.where, P.check_spec, P.is_name, P.name_list, P.parse_field
local registry, Workflow, RANKS, RANK_ORDER = P.registry, P.Workflow, P.RANKS, P.RANK_ORDER
local type, pairs, ipairs, tostring, setmetatable = type, pairs, ipairs, tostring, setmetatable
local sort, concat = table.sort, table.concat

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
  return patch(self, { kind = "field", event = event, field = parse_field(name, spec, event, "field " .. name .. " of " .. event) })
end

--- Sets a policy's value: the plugin's own, or one another plugin declares (which this plugin
--- must then come after).
function Plugin:set(policy, value)
  if not is_name(policy) then fail("set needs a policy name first; got %s", type(policy)) end
  if value == nil then fail("set %s needs a value", policy) end
  return patch(self, { kind = "set", policy = policy, value = value })
end

--- Declares a plugin: `engine.plugin { name = "essex", forces = { "essex" }, extends = "dvpo", … }`.
function engine.plugin(spec)
  if type(spec) ~= "table" then fail("engine.plugin needs a table; got %s", type(spec)) end
  check_spec(spec, "plugin", "engine.plugin")
  for _, other in ipairs(registry.plugins) do
    if other.name == spec.name then fail("plugin %s is declared twice (first at %s:%d)", spec.name, other.file, other.line) end
  end
  local workflow = registry.workflows[spec.extends]
  local file = where()
  if file:sub(1, 8) ~= "Plugins/" then
    fail("engine.plugin declares a force's plugin, in a file under Plugins/<name>/; expected it there")
  end
  if workflow == nil and not registry.discovering then fail("plugin %s extends %s, which no workflow declares", spec.name, tostring(spec.extends)) end
  local order = spec.order or 100
  local forces = name_list(spec.forces, "plugin " .. spec.name .. ".forces")
  if #forces == 0 then fail("plugin %s needs forces = the forces it is for, like { \"essex\" }", spec.name) end
  local line
  file, line = where()
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
  for name in pairs(spec.policies or {}) do
    if not is_name(name) then fail("plugin %s has a policy whose name is not a lower_case name", spec.name) end
    names[#names + 1] = name
  end
  sort(names)
  for _, name in ipairs(names) do
    local policy = spec.policies[name]
    local what = "policy " .. name .. " of plugin " .. spec.name
    if type(policy) ~= "table" then fail("%s needs a table with type, default and summary", what) end
    check_spec(policy, "policy", what)
    if #policy.summary == 0 then fail("%s needs summary = one sentence", what) end
    info.policies[#info.policies + 1] = { name = name, type = policy.type, default = policy.default,
      summary = policy.summary, within = policy.within, file = file, line = line }
    values[name] = policy.default
  end
  registry.plugins[#registry.plugins + 1] = info
  registry.policy_tables[spec.name] = values
  if registry.discovering then
    -- The first pass only learns which forces the plugin is for: the rest of the file does not run.
    registry.discovered = true
    error("engine: plugin discovered", 0)
  end
  local policy = setmetatable({}, {
    __index = values,
    __newindex = function(_, key) fail("cannot set policy %s here; expected p:set(\"%s\", value)", tostring(key), tostring(key)) end,
    __metatable = false,
  })
  return P.handle({ name = spec.name, workflow = workflow, active = active }, Plugin, { name = spec.name, policy = policy }, "engine.plugin")
end

--- Used by the engine once layering has decided each policy's value.
function registry.apply_policy(plugin, name, value)
  registry.policy_tables[plugin][name] = value
end
