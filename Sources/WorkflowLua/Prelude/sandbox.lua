-- The sandbox (design.md, the Lua contract): no files, no processes, no native loaders,
-- no binary chunks, no randomness, no wall clock, no debug access, no printing to stdout.
-- This file runs first, with the debug library still open; it keeps debug.getinfo and the
-- upvalue functions in the engine's private table, then removes everything scripts must not reach.
--
-- Every prelude file is a chunk named `@engine/<file>.lua` that receives the private table `P`,
-- which the engine shares between its files and never gives to a script.
local P = ...
local getinfo = debug.getinfo
local type, error, format, sub = type, error, string.format, string.sub
local original_load = load

P.getinfo, P.getupvalue, P.setupvalue = debug.getinfo, debug.getupvalue, debug.setupvalue
P.raw_next = next

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
-- `load` takes text only, and the engine names the chunk after the file that loaded it: a script
-- cannot file its declarations under another file's name or line.
local charge = P.primitives.charge
load = function(...)
  local chunk, _, _, env = ...
  if type(chunk) ~= "string" then
    error("load takes source text only in Safeguard scripts; expected a string", 2)
  end
  if not charge(#chunk // 16) then P.fail("instruction budget exhausted") end
  local caller = getinfo(2, "S")
  local label = "=" .. (caller and caller.short_src or "?") .. " (load)"
  if env == nil and select("#", ...) < 4 then return original_load(chunk, label, "t") end
  return original_load(chunk, label, "t", env)
end

P.registry = { discovering = false, discovered = false, sealed = false, workflows = {}, order = {}, hooks = {}, plugins = {}, policy_tables = {}, force = nil }

--- Whether a function or stack level's `getinfo` describes one of the engine's own files.
function P.is_engine(info)
  return sub(info.source, 1, 8) == "@engine/"
end
local is_engine = P.is_engine

-- The first stack level (counted from the caller of this function's caller) that is a
-- script's, not the engine's: declarations are blamed on the line that made them.
local function script_level()
  for level = 3, 40 do
    local info = getinfo(level, "S")
    if info == nil then return nil end
    if info.what ~= "C" and not is_engine(info) then return level - 1 end
  end
  return nil
end

--- The script file and line that called into the engine.
function P.where()
  local level = script_level()
  if level == nil then return "engine", 0 end
  local info = getinfo(level, "Sl")
  return info.short_src, info.currentline
end

--- Raises an error blamed on the script line that called into the engine.
function P.fail(message, ...)
  error(format(message, ...), script_level() or 1)
end
