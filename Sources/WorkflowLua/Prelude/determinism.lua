-- Determinism (design.md, the Lua contract): a hook's result depends only on the case, the event
-- and the procedure. No memory addresses (`tostring` of a table or function, `%p`), iteration in
-- a fixed order (Lua seeds its string hash per process, so raw `next` order changes from one run
-- to the next), no finalizers (`__gc` would run script code outside any budget, even at close),
-- and no coroutine made while loading (it would carry its state from one case to the next).
local P = ...
local fail, registry = P.fail, P.registry
local type, rawget, rawequal, raw_next, raw_pairs, raw_tostring = type, rawget, rawequal, P.raw_next, pairs, tostring
local raw_setmetatable, getmetatable, select = setmetatable, getmetatable, select
local gsub, gmatch, sort, call = P.raw.gsub, P.raw.gmatch, table.sort, P.call
local create, wrap = coroutine.create, coroutine.wrap

local ORDER = { number = 1, string = 2, boolean = 3 }

local function key_less(a, b)
  local ta, tb = type(a), type(b)
  if ta ~= tb then return ORDER[ta] < ORDER[tb] end
  if ta == "boolean" then return not a and b end
  return a < b
end

--- The keys of `t` in a fixed order: numbers, then text, then booleans.
function P.sorted_keys(t)
  local keys, n = {}, 0
  for key in raw_next, t do
    if not ORDER[type(key)] then
      fail("a table keyed by a %s has no fixed order; expected text, number or boolean keys", type(key))
    end
    n = n + 1
    keys[n] = key
  end
  sort(keys, key_less)
  return keys, n
end
local sorted_keys = P.sorted_keys

--- An iterator over `t` in key order.
function P.ordered(t, read)
  local keys, i = sorted_keys(t), 0
  return function()
    i = i + 1
    local key = keys[i]
    if key == nil then return nil end
    return key, read(t, key)
  end
end
local ordered = P.ordered

function pairs(t)
  if type(t) == "table" then
    local mt = getmetatable(t)
    if mt == nil or (type(mt) == "table" and rawget(mt, "__pairs") == nil) then
      return ordered(t, rawget), t, nil
    end
  end
  return raw_pairs(t)
end

function next(t, key)
  if type(t) ~= "table" then return raw_next(t, key) end
  local keys, n = sorted_keys(t)
  local i = 0
  if key ~= nil then
    for j = 1, n do
      if rawequal(keys[j], key) or keys[j] == key then i = j break end
    end
    if i == 0 then fail("next: the key is not in the table") end
  end
  local following = keys[i + 1]
  if following == nil then return nil end
  return following, rawget(t, following)
end

-- `table: 0x55d0c4a3e2f0` becomes `table`: an address differs from one run to the next.
local function safe_tostring(value)
  local text = raw_tostring(value)
  local kind = type(value)
  if kind == "table" or kind == "function" or kind == "thread" or kind == "userdata" then
    text = gsub(text, ":? ?0x%x+", "")
    text = gsub(text, "builtin: %x+", "builtin")
  end
  return text
end
tostring = safe_tostring

local format_with_values = string.format
string.format = function(fmt, ...)
  if type(fmt) == "string" then
    for spec in gmatch(fmt, "%%[-+ #0]*%d*%.?%d*(%a)") do
      if spec == "p" then fail("string.format's %%p prints a memory address, which changes from run to run; expected another format") end
    end
  end
  local n = select("#", ...)
  local args = { ... }
  for i = 1, n do
    local kind = type(args[i])
    if kind == "table" or kind == "function" or kind == "thread" or kind == "userdata" then args[i] = safe_tostring(args[i]) end
  end
  return format_with_values(fmt, table.unpack(args, 1, n))
end

function setmetatable(t, mt)
  if type(mt) == "table" and rawget(mt, "__gc") ~= nil then
    fail("a metatable with __gc would run script code outside any budget; expected no finalizers")
  end
  return call(raw_setmetatable, t, mt)
end

local function no_coroutines_while_loading(name)
  fail("coroutine.%s may be used only inside a hook: a coroutine made while loading would carry state from one case to the next", name)
end
coroutine.create = function(fn)
  if not registry.sealed then no_coroutines_while_loading("create") end
  return create(fn)
end
coroutine.wrap = function(fn)
  if not registry.sealed then no_coroutines_while_loading("wrap") end
  return wrap(fn)
end
