-- One declaration schema, defined in Swift (DeclarationSchema) and handed over as `P.schema`:
-- for each kind of declaration its keys, their types and which are required, and the engine's
-- vocabularies (ranks, field types, day categories, clock rules, policy types). Declarations
-- are checked against it strictly: an unknown key, or a key of the wrong type, is a load error
-- at the script's line, never a silent default.
local P = ...
local fail = P.fail
local schema = P.schema
local type, pairs, ipairs, tostring = type, pairs, ipairs, tostring
local match, format, sort, concat = string.match, string.format, table.sort, table.concat
local math_type = math.type

--- The words of a list joined as "a, b or c".
function P.choice(words)
  if #words == 1 then return words[1] end
  return concat(words, ", ", 1, #words - 1) .. " or " .. words[#words]
end

--- A set of the list's values.
function P.set_of(list)
  local set = {}
  for _, value in ipairs(list) do set[value] = true end
  return set
end

P.RANKS = schema.ranks
P.RANK_ORDER = {}
-- Seniority: the Metropolitan Police's ranks stand with their equivalents (commander with
-- assistant chief constable), so each rank's order is its level, not its place in the list.
for i, name in ipairs(P.RANKS) do P.RANK_ORDER[name] = schema.rank_levels[i] end
P.FIELD_TYPES = P.set_of(schema.field_types)
P.DAY_CATEGORIES = P.set_of(schema.day_categories)

local function is_name(value)
  return type(value) == "string" and match(value, "^[a-z][a-z0-9_]*$") ~= nil
end
P.is_name = is_name

-- Each kind's keys by the key a script writes (`personal`, or 1 for the positional type).
local kinds = {}
for kind_name, kind in pairs(schema.kinds) do
  local keys, expected = {}, {}
  for _, key in ipairs(kind.keys) do
    keys[key.position or key.name] = key
    if key.position == nil then expected[#expected + 1] = key.name end
  end
  sort(expected)
  kinds[kind_name] = { keys = keys, list = kind.keys, expected = concat(expected, ", ") }
end

local matches
local checks = {
  boolean = function(value) return type(value) == "boolean" end,
  text = function(value) return type(value) == "string" end,
  name = is_name,
  -- The names themselves are checked, each with its index, where the list is read.
  names = function(value) return type(value) == "string" or type(value) == "table" end,
  integer = function(value) return math_type(value) == "integer" end,
  number = function(value) return type(value) == "number" end,
  any = function(value) return value ~= nil end,
  word = function(value, t)
    if type(value) ~= "string" then return false end
    for _, word in ipairs(t.words) do
      if word == value then return true end
    end
    return false
  end,
  list = function(value, t)
    if type(value) ~= "table" then return false end
    for _, item in ipairs(value) do
      if not matches(item, t.of) then return false end
    end
    return true
  end,
  -- A map's entries and a nested declaration are checked by the code that reads them, which
  -- names them better than a path of keys would.
  map = function(value) return type(value) == "table" end,
  declaration = function(value) return type(value) == "table" end,
  either = function(value, t)
    for _, option in ipairs(t.options) do
      if matches(value, option) then return true end
    end
    return false
  end,
}
matches = function(value, t) return checks[t.kind](value, t) end

--- A value as an error message shows it: short text and numbers in full, otherwise the type.
local function shown(value)
  local kind = type(value)
  if kind == "string" then
    if #value <= 24 and not match(value, "[%c\"]") then return format("string \"%s\"", value) end
    return format("string of %d characters", #value)
  elseif kind == "number" or kind == "boolean" then
    return kind .. " " .. tostring(value)
  end
  return kind
end
P.shown = shown

--- Checks that a declaration table has no key its kind does not take. `what` names the
--- declaration in messages (`event serve_notice`).
function P.check_keys(spec, kind_name, what)
  local kind = kinds[kind_name]
  local unknown = {}
  for key in pairs(spec) do
    if kind.keys[key] == nil then unknown[#unknown + 1] = tostring(key) end
  end
  if #unknown > 0 then
    sort(unknown)
    fail("%s has unknown key %s; expected: %s", what, unknown[1], kind.expected)
  end
end

--- Checks that every key a declaration table has is of its type, and that every required key
--- is there.
function P.check_values(spec, kind_name, what)
  local kind = kinds[kind_name]
  for _, key in ipairs(kind.list) do
    local value = spec[key.position or key.name]
    if value == nil then
      if key.required then fail("%s needs %s = %s", what, key.name, key.type.expected) end
    elseif not matches(value, key.type) then
      fail("%s: key \"%s\" must be %s; got %s", what, key.name, key.type.expected, shown(value))
    end
  end
end

--- Checks a declaration table against its kind: no unknown key, every key of its type, every
--- required key present.
function P.check_spec(spec, kind_name, what)
  P.check_keys(spec, kind_name, what)
  P.check_values(spec, kind_name, what)
end
