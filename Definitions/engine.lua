---@meta
-- Editor definitions for the Safeguard engine API (LuaCATS). Not loaded by the engine: an
-- editor with the Lua language server reads it through .luarc.json to complete and check
-- Workflows/*.lua and Plugins/*/*.lua.

---@alias Rank "constable"|"sergeant"|"inspector"|"chief_inspector"|"superintendent"|"chief_superintendent"|"assistant_chief_constable"|"commander"|"deputy_chief_constable"|"deputy_assistant_commissioner"|"chief_constable"|"assistant_commissioner"|"deputy_commissioner"|"commissioner"
---@alias Instant string  # UTC, fixed width: "2026-05-23T09:00:00.000Z"; compare with <
---@alias LocalDateText string  # "YYYY-MM-DD"

---@class Deadline
---@field due Instant
---@field started_at Instant
---@field status "pending"|"met"|"missed"|"stopped"
---@field awaiting_decision boolean  # any deadline of this clock missed and awaiting a decision

---@class Case
---@field id string
---@field workflow string
---@field force string
---@field state string|nil  # nil while the opening event runs
---@field data table<string, any>
---@field deadlines table<string, Deadline>

---@class Actor
---@field id string
---@field role string

---@class Event
---@field name string
---@field at Instant
---@field actor Actor
---@field data table<string, any>

---@alias FieldType "text"|"boolean"|"integer"|"number"|"date"|"instant"|"any"

-- The declarations' tables below are checked field by field against the engine's declaration
-- schema (DeclarationSchema): a key of another type, or a key not listed, is refused at load.

---@class WorkflowSpec
---@field name string
---@field title string|nil
---@field staff_roles string|string[]|nil  # roles beside the ranks, like "legal_officer"

---@class StateOptions
---@field final boolean|nil  # a state that takes no further events

---@class FieldSpec
---@field [1] FieldType|nil
---@field type FieldType|"one_of"|nil
---@field one_of string|string[]|nil
---@field required boolean|nil  # default true
---@field required_if string|nil  # a boolean field of the same event
---@field required_unless string|nil
---@field personal boolean|nil  # names, addresses, dates of birth
---@field case boolean|nil  # the case keeps this field under its own name (the latest value); without it the field stays on the event
---@field case_field string|nil  # the case keeps this field under this other name (days as order_days); a correction corrects both
---@field summary string|nil

---@class EventSpec
---@field opens boolean|nil  # the event that opens a case
---@field from "*"|string|string[]|nil  # a state, states, or "*" for any open state
---@field to string|nil  # absent: the case stays where it is
---@field who string|string[]|nil  # the lowest rank, and staff roles; default "constable"
---@field data table<string, FieldType|FieldSpec>|nil
---@field summary string|nil
---@field statutory boolean|nil  # who may fire it is set by statute
---@field who_rule string|nil  # the provision that sets who may fire it, named when a rank is refused
---@field corrects boolean|nil  # the event corrects one item of case data (corrected_field, corrected_value, correction_reason)

---@class ClockSpec
---@field rule "order_period"|"counted_hours"|"elapsed"|"calendar_days"|"working_days"|"until_date"
---@field hours integer|PolicyReference|nil
---@field days_field string|nil  # order_period: the event's field of days
---@field days integer|nil  # calendar_days: whole days beginning with the start day; working_days: working days after it
---@field date_field string|nil  # until_date: the event's date field the deadline runs to (none: no deadline)
---@field disregard ("sunday"|"christmas_day"|"good_friday"|"bank_holiday")[]|nil
---@field unsettled_days "count"|"disregard"|nil
---@field capped_by string|nil  # a case-data instant that brings the deadline forward
---@field planned_by string|nil  # a case-data instant when the deadline is planned to be met (`due` flags one after it)
---@field started_by string|string[]
---@field met_by string|string[]|nil
---@field stopped_by string|string[]|nil
---@field fires string|nil  # what tick fires at the deadline
---@field on_missed string|nil  # what tick fires when it passes unmet
---@field decided_by string|nil  # what a person fires to record the decision
---@field summary string|nil

---@class PolicyReference
---@field policy string  # a whole-number policy of a plugin

---@class LimitSpec
---@field min number
---@field max number
---@field rule string|nil  # the statute, like "CSA 2010 s.28(10)"

---@alias Guard fun(case: Case, event: Event): boolean, string?
---@alias Action fun(case: Case, event: Event): table<string, any>|nil

---@class Workflow
local Workflow = {}
---@param name string
---@param summary string|nil
---@param options StateOptions|nil
---@return Workflow
function Workflow:state(name, summary, options) end
---@param name string
---@param spec EventSpec
---@return Workflow
function Workflow:event(name, spec) end
---@param event string
---@param name string
---@param fn Guard  # true to allow; false and a reason to refuse
---@return Workflow
function Workflow:guard(event, name, fn) end
---@param event string
---@param name string
---@param fn Action  # a table of data to record on the case, or nil; its `warnings` (a text or a list of texts) are recorded on the event and shown, never refused
---@return Workflow
function Workflow:action(event, name, fn) end
---@param name string
---@param spec ClockSpec
---@return Workflow
function Workflow:clock(name, spec) end
---@param name string
---@param spec LimitSpec
---@return Workflow
function Workflow:limit(name, spec) end
---@param list FigureSpec[]  # in report order
---@return Workflow
function Workflow:figures(list) end

--- A figure: `{ "name", count = "event" }` with one measure of: count, cases (with/without),
--- tally (field), mean (field), clock (status), median_hours, clocks_met_by, rate (of).
---@class FigureSpec
---@field [1] string  # the figure's name
---@field count string|nil  # each time this event happened
---@field cases string|nil  # cases where this event happened, once, at its last time; with `with` or `without`
---@field with string|nil
---@field without string|nil
---@field tally string|nil  # the values of `field` of this event, counted
---@field mean string|nil  # the mean of `field` of this event, to one decimal place
---@field field string|nil
---@field clock string|nil  # deadlines of this clock that ended `status` ("met" or "missed")
---@field status "met"|"missed"|nil
---@field median_hours string|nil  # the median hours from this clock's start to its end
---@field clocks_met_by string|nil  # deadlines of the clocks this event meets (visit schedules)
---@field rate string|nil  # this figure over the sum of `of`, as a percentage
---@field of string|string[]|nil

---@class PolicySpec
---@field type "integer"|"number"|"text"|"boolean"|"integer_list"|"text_list"
---@field default any
---@field summary string
---@field within string|nil  # a statutory limit of the workflow

---@class PluginSpec
---@field name string
---@field version string
---@field extends string
---@field forces string|string[]
---@field order integer|nil  # default 100; ties break by name
---@field after string|string[]|nil  # plugins this one comes after (and wins over)
---@field summary string|nil
---@field policies table<string, PolicySpec>|nil

---@class Plugin: Workflow
---@field policy table<string, any>  # the policies' values after layering
local Plugin = {}
---@param name string
function Plugin:staff_role(name) end
---@param event string
---@param roles string|string[]
function Plugin:allow(event, roles) end
---@param event string
---@param rank Rank  # may only raise the rank
function Plugin:require_rank(event, rank) end
---@param event string
---@param name string
---@param spec FieldType|FieldSpec
function Plugin:field(event, name, spec) end
---@param policy string
---@param value any
function Plugin:set(policy, value) end

---@class Engine
engine = {}
---@param spec WorkflowSpec
---@return Workflow
function engine.workflow(spec) end
---@param spec PluginSpec
---@return Plugin
function engine.plugin(spec) end
---@param birth LocalDateText
---@param on LocalDateText
---@return integer
function engine.age_on(birth, on) end
---@param instant Instant
---@return LocalDateText
function engine.local_date(instant) end
---@param instant Instant
---@return string  # Europe/London time with its offset, for messages
function engine.local_time(instant) end
---@param role string
---@param rank Rank
---@return boolean
function engine.rank_at_least(role, rank) end
---@param list any[]
---@param value any
---@return boolean
function engine.contains(list, value) end
---@param t table
---@return any[]  # pairs() order is not fixed; use this where order matters
function engine.sorted_keys(t) end
---@type Rank[]
engine.ranks = {}
