-- Budgets inside the C library (design.md, the Lua contract): the count hook only sees VM
-- instructions, so work a library function does in C (copying, scanning, matching) is charged
-- against the same instruction budget here, before it is done. Pattern matching can backtrack
-- without bound, so a pattern whose worst case does not fit in what is left of the budget is
-- refused before it runs (Redis CVE-2024-31228).
local P = ...
local charge, fail = P.primitives.charge, P.fail
local type, select, tostring, max, pcall, error = type, select, tostring, math.max, pcall, error
local byte, raw_match = string.byte, string.match
local pack, unpack = table.pack, table.unpack

-- The library as it was, for the engine's own use.
P.raw = { find = string.find, match = string.match, gmatch = string.gmatch, gsub = string.gsub, format = string.format }

--- Calls a library function for a script: an error it raises is blamed on the script's line,
--- not on the wrapper's.
local function call(original, ...)
  local results = pack(pcall(original, ...))
  if not results[1] then
    local message = results[2]
    if type(message) == "string" and raw_match(message, "^[^:]+:%d+: ") then error(message, 0) end
    fail("%s", tostring(message))
  end
  return unpack(results, 2, results.n)
end
P.call = call

-- Bytes of C work that cost one instruction.
local BYTES = 16

local function spend(cost)
  if not charge(cost) then fail("instruction budget exhausted") end
end
P.spend = spend

local function length(value)
  if type(value) == "string" then return #value end
  if type(value) == "number" then return #tostring(value) end
  return 0
end

-- How many quantified items (`*`, `+`, `-`, `?`) a pattern has, outside escapes and sets.
local function quantifiers(pattern)
  local count, i, n = 0, 1, #pattern
  while i <= n do
    local c = byte(pattern, i)
    if c == 37 then -- %
      i = i + 2
    elseif c == 91 then -- [
      i = i + 1
      if byte(pattern, i) == 94 then i = i + 1 end
      if byte(pattern, i) == 93 then i = i + 1 end
      while i <= n and byte(pattern, i) ~= 93 do
        if byte(pattern, i) == 37 then i = i + 1 end
        i = i + 1
      end
      i = i + 1
    else
      if c == 42 or c == 43 or c == 45 or c == 63 then count = count + 1 end
      i = i + 1
    end
  end
  return count
end

-- The worst case of matching `pattern` against `subject`, in steps: q quantified items can split
-- the text in C(n + q, q) ways, and an unanchored search tries each of n starts.
local function match_cost(subject, pattern)
  local n = length(subject) + 1
  local q = quantifiers(pattern)
  local ways = 1
  for i = 1, q do ways = ways * (n + i) / i end
  if byte(pattern, 1) ~= 94 then ways = ways * n end
  return ways * max(1, #pattern) / BYTES
end

local function pattern_function(original, name)
  return function(subject, pattern, ...)
    if type(pattern) == "string" and not (name == "find" and select(2, ...)) then
      local worst = match_cost(subject, pattern)
      if not charge(worst, true) then
        fail("instruction budget exhausted: string.%s with this pattern could take %.0f steps on text of %d bytes; expected a simpler pattern or shorter text",
          name, worst, length(subject))
      end
    end
    spend(length(subject) // BYTES)
    return call(original, subject, pattern, ...)
  end
end

local s_rep, s_format, s_gsub = string.rep, string.format, string.gsub
string.find = pattern_function(string.find, "find")
string.match = pattern_function(string.match, "match")
string.gmatch = pattern_function(string.gmatch, "gmatch")
string.gsub = pattern_function(function(...)
  local result, count = call(s_gsub, ...)
  spend(#result // BYTES)
  return result, count
end, "gsub")

function string.rep(s, n, sep)
  if type(n) == "number" and n > 0 then spend((length(s) + length(sep)) * n // BYTES) end
  return call(s_rep, s, n, sep)
end

function string.format(fmt, ...)
  local total = length(fmt)
  for i = 1, select("#", ...) do total = total + length((select(i, ...))) end
  spend(total // BYTES)
  return call(s_format, fmt, ...)
end

-- Functions whose work is proportional to their first argument's length.
for _, name in ipairs({ "upper", "lower", "reverse", "sub", "byte", "len" }) do
  local original = string[name]
  string[name] = function(s, ...)
    spend(length(s) // BYTES)
    return call(original, s, ...)
  end
end
for _, name in ipairs({ "len", "codepoint", "offset", "codes" }) do
  local original = utf8[name]
  utf8[name] = function(s, ...)
    spend(length(s) // BYTES)
    return call(original, s, ...)
  end
end

local t_concat, t_unpack, t_sort, t_insert, t_remove, t_move = table.concat, table.unpack, table.sort, table.insert, table.remove, table.move
local function count(t, i, j)
  if type(t) ~= "table" then return 0 end
  i = type(i) == "number" and i or 1
  j = type(j) == "number" and j or #t
  return max(0, j - i + 1)
end

function table.concat(t, sep, i, j)
  spend(count(t, i, j))
  local result = call(t_concat, t, sep, i, j)
  spend(#result // BYTES)
  return result
end
function table.unpack(t, i, j)
  spend(count(t, i, j))
  return call(t_unpack, t, i, j)
end
function table.sort(t, less)
  local n = count(t)
  spend(n * max(1, math.ceil(math.log(n + 1, 2))))
  return call(t_sort, t, less)
end
function table.insert(t, ...)
  spend(count(t))
  return call(t_insert, t, ...)
end
function table.remove(t, ...)
  spend(count(t))
  return call(t_remove, t, ...)
end
function table.move(a, f, e, t, b)
  if type(f) == "number" and type(e) == "number" then spend(max(0, e - f + 1)) end
  return call(t_move, a, f, e, t, b)
end
