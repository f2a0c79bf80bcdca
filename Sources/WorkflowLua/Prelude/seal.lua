-- The seal (design.md: nothing leaks between cases). Runs last, once `engine` is complete.
-- Library tables and `engine` are read-only from the start, so no script can replace a function
-- another script relies on. Globals live behind an empty _G: a script may add new ones while
-- loading, never replace an existing one, and none at all once loading is over. After loading,
-- every table a hook reaches through its upvalues or the globals is frozen too, and every other
-- value a hook reaches through an upvalue is put back as it was after each call (`registry.reset`).
local P = ...
local getinfo, getupvalue, setupvalue, is_engine = P.getinfo, P.getupvalue, P.setupvalue, P.is_engine
local registry = P.registry
local next, setmetatable, getmetatable = P.raw_next, setmetatable, getmetatable
local type, pairs, ipairs, error, tostring = type, pairs, ipairs, error, tostring
local format = string.format

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
      return P.ordered(t, function(_, key)
        local v = t[key]
        if type(v) == "table" then return freeze(v) end
        return v
      end), proxy, nil
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

--- Ends loading: no more globals, and what hooks can reach is frozen (tables) or recorded so that
--- each call starts from it (every other upvalue).
local scalars = {}
function registry.seal()
  sealed = true
  registry.sealed = true
  local seen = {}
  local walk
  -- Functions kept in a table (a module's table of helpers) carry upvalues too.
  local function walk_table(t)
    if seen[t] then return end
    seen[t] = true
    for _, value in next, t do
      if type(value) == "function" then walk(value) elseif type(value) == "table" then walk_table(value) end
    end
  end
  walk = function(fn)
    if seen[fn] then return end
    seen[fn] = true
    local info = getinfo(fn, "S")
    if info.what == "C" or is_engine(info) then return end
    local index = 1
    while true do
      local name, value = getupvalue(fn, index)
      if name == nil then break end
      if type(value) == "table" and value ~= G and value ~= globals then
        if not is_proxy[value] then walk_table(value) end
        value = freeze(value)
        setupvalue(fn, index, value)
      elseif type(value) == "function" then
        walk(value)
      end
      scalars[#scalars + 1] = { fn, index, value }
      index = index + 1
    end
  end
  for key, value in next, globals do
    if type(value) == "table" and not is_proxy[value] then
      walk_table(value)
      globals[key] = freeze(value)
    elseif type(value) == "function" then
      walk(value)
    end
  end
  for _, fn in ipairs(registry.hooks) do walk(fn) end
end

--- Puts every recorded upvalue back as it was when loading ended; the engine calls it after each
--- hook call, so a hook's counter or cache never reaches the next case.
function registry.reset()
  for i = 1, #scalars do
    local entry = scalars[i]
    setupvalue(entry[1], entry[2], entry[3])
  end
end
