#ifndef SAFEGUARD_CLUA_SHIM_H
#define SAFEGUARD_CLUA_SHIM_H

#include <lua5.4/lua.h>
#include <lua5.4/lauxlib.h>
#include <lua5.4/lualib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

// Every function here is `static inline`: the header defines no symbol of its own.
// Swift must never be on the stack when Lua raises an error (lua_error longjmps),
// so every raise happens in this file, after Swift code has returned a status.

/// Limits and counters one interpreter carries; Lua's allocator and the count hook read it.
typedef struct sg_limits {
    size_t bytes_in_use;       // what Lua holds now
    size_t bytes_limit;        // the memory cap; 0 means none
    size_t bytes_peak;         // the most it has held
    int budget_exhausted;      // set by the count hook when a hook call ran out of instructions
    int memory_exhausted;      // set by the allocator when the cap refused a request
    long long instructions_used;    // counted across every thread (coroutines included)
    long long instructions_budget;  // what one call may use; 0 means no budget
    long long deadline_ns;     // CLOCK_MONOTONIC time the call must end by; 0 means none
    long long time_limit_ms;   // the wall-clock limit per call, for the message
    int time_exhausted;        // set by the count hook when a call ran past deadline_ns
} sg_limits;

// The count hook fires every SG_HOOK_STEP instructions in each thread and charges one shared counter,
// so coroutines cannot multiply the budget. It is set on the main thread when the state is made and
// never removed, so every coroutine (which inherits its creator's hook) is counted too.
#define SG_HOOK_STEP 100

/// Nanoseconds on the monotonic clock: the wall-clock limit is a last resort, not a measure of work.
static inline long long sg_now_ns(void) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (long long)now.tv_sec * 1000000000LL + now.tv_nsec;
}

/// lua_Alloc that counts bytes and refuses growth past the cap (Lua then raises a memory error).
static inline void *sg_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
    sg_limits *limits = (sg_limits *)ud;
    size_t old = ptr ? osize : 0;
    if (nsize == 0) {
        limits->bytes_in_use -= old;
        free(ptr);
        return NULL;
    }
    if (limits->bytes_limit != 0 && nsize > old
        && limits->bytes_in_use - old + nsize > limits->bytes_limit) {
        limits->memory_exhausted = 1;
        return NULL;
    }
    void *block = realloc(ptr, nsize);
    if (block == NULL) return NULL;
    limits->bytes_in_use = limits->bytes_in_use - old + nsize;
    if (limits->bytes_in_use > limits->bytes_peak) limits->bytes_peak = limits->bytes_in_use;
    return block;
}

/// The panic handler: an error outside any protected call (which the engine never makes: every
/// call is protected and arguments are bounded before they are pushed) ends the process with a
/// fixed line, never the error's text, which could carry case data.
static inline int sg_panic(lua_State *L) {
    (void)L;
    fputs("safeguard: internal error: a Lua error escaped every protected call\n", stderr);
    abort();
    return 0;
}

/// A new state whose allocations go through sg_alloc with the given limits, with sg_panic.
static inline lua_State *sg_newstate(sg_limits *limits) {
    lua_State *L = lua_newstate(sg_alloc, limits);
    if (L != NULL) lua_atpanic(L, sg_panic);
    return L;
}

/// Count hook: charges the shared counter and raises once the budget or the wall-clock limit is
/// spent. After that it fires on every instruction of any thread it reaches, so a pcall inside the
/// script cannot swallow it.
static inline void sg_budget_hook(lua_State *L, lua_Debug *ar) {
    sg_limits *limits = NULL;
    lua_getallocf(L, (void **)&limits);
    if (limits == NULL || limits->instructions_budget == 0) {
        // No call is running under a budget: a thread left at a count of 1 by an earlier call goes back.
        if (lua_gethookcount(L) != SG_HOOK_STEP) lua_sethook(L, sg_budget_hook, LUA_MASKCOUNT, SG_HOOK_STEP);
        return;
    }
    if (!limits->budget_exhausted) {
        if (lua_gethookcount(L) != SG_HOOK_STEP) {  // a coroutine left at 1 by an earlier call
            lua_sethook(L, sg_budget_hook, LUA_MASKCOUNT, SG_HOOK_STEP);
            return;
        }
        limits->instructions_used += SG_HOOK_STEP;
        int over_time = limits->deadline_ns != 0 && sg_now_ns() > limits->deadline_ns;
        if (limits->instructions_used <= limits->instructions_budget && !over_time) return;
        limits->budget_exhausted = 1;
        if (over_time) limits->time_exhausted = 1;
    }
    lua_sethook(L, sg_budget_hook, LUA_MASKCOUNT, 1);
    if (limits->time_exhausted) {
        lua_pushfstring(L, "wall-clock limit of %d ms exceeded", (int)limits->time_limit_ms);
    } else {
        lua_pushliteral(L, "instruction budget exhausted");
    }
    // Name the script line that was running: the first frame, from the running one (level 0) up,
    // that is not the engine's own (a library wrapper in `@engine/…`).
    lua_Debug frame;
    for (int level = 0; lua_getstack(L, level, &frame); level++) {
        if (lua_getinfo(L, "Sl", &frame) && frame.currentline > 0 && strncmp(frame.source, "@engine/", 8) != 0) {
            lua_pushfstring(L, "%s:%d: %s", frame.short_src, frame.currentline, lua_tostring(L, -1));
            lua_remove(L, -2);
            break;
        }
    }
    (void)ar;
    lua_error(L);
}

/// `charge(n [, probe])` from the prelude: counts work done inside a C library function (bytes
/// copied or scanned) against the budget. Returns true while the budget holds, false once it is
/// spent (and then the budget stays spent for the rest of the call). With `probe`, only checks that
/// `n` would fit.
static inline int sg_charge(lua_State *L) {
    sg_limits *limits = NULL;
    lua_getallocf(L, (void **)&limits);
    lua_Number cost = lua_tonumberx(L, 1, NULL);
    int probe = lua_toboolean(L, 2);
    if (limits == NULL || limits->instructions_budget == 0) {
        lua_pushboolean(L, 1);
        return 1;
    }
    if (limits->budget_exhausted || cost > (lua_Number)(limits->instructions_budget - limits->instructions_used)) {
        if (probe) {  // a refusal the script hears about in words; the budget is not spent by it
            lua_pushboolean(L, 0);
            return 1;
        }
        limits->budget_exhausted = 1;
        limits->instructions_used = limits->instructions_budget + 1;
        lua_pushboolean(L, 0);
        return 1;
    }
    if (!probe && cost > 0) limits->instructions_used += (long long)cost;
    lua_pushboolean(L, 1);
    return 1;
}

/// Pushes sg_charge.
static inline void sg_push_charge(lua_State *L) { lua_pushcfunction(L, sg_charge); }

/// Arms the instruction budget and the wall-clock limit for the next call (0 disarms them) and
/// resets the shared counter. The hook itself stays set on the main thread.
static inline void sg_set_budget(lua_State *L, long long instructions, long long milliseconds) {
    sg_limits *limits = NULL;
    lua_getallocf(L, (void **)&limits);
    if (limits != NULL) {
        limits->instructions_used = 0;
        limits->instructions_budget = instructions > 0 ? instructions : 0;
        limits->time_limit_ms = milliseconds;
        limits->deadline_ns = instructions > 0 && milliseconds > 0 ? sg_now_ns() + milliseconds * 1000000LL : 0;
        limits->time_exhausted = 0;
    }
    lua_sethook(L, sg_budget_hook, LUA_MASKCOUNT, SG_HOOK_STEP);
}

/// A Swift function callable from Lua. It returns the number of results it pushed,
/// or -1 after pushing an error message, which the trampoline then raises.
typedef int (*sg_swift_function)(lua_State *L);

/// Calls the Swift function kept as upvalue 1; raises its error from C once Swift has returned.
static inline int sg_trampoline(lua_State *L) {
    sg_swift_function fn = (sg_swift_function)lua_touserdata(L, lua_upvalueindex(1));
    int results = fn(L);
    if (results < 0) return lua_error(L);
    return results;
}

/// Pushes a Lua function that calls `fn` through the trampoline.
static inline void sg_push_swift_function(lua_State *L, sg_swift_function fn) {
    lua_pushlightuserdata(L, (void *)fn);
    lua_pushcclosure(L, sg_trampoline, 1);
}

/// Message handler for protected calls, in C so that the instruction budget cannot fire inside it.
/// A string message already carries its `file:line:`; any other error object (a table, nil)
/// becomes a message naming the script line that raised it.
static inline int sg_message_handler(lua_State *L) {
    if (lua_type(L, 1) == LUA_TSTRING) return 1;
    const char *kind = luaL_typename(L, 1);
    lua_Debug ar;
    for (int level = 1; lua_getstack(L, level, &ar); level++) {
        if (lua_getinfo(L, "Sl", &ar) && ar.currentline > 0) {
            lua_pushfstring(L, "%s:%d: error raised with a %s value; expected a message string",
                            ar.short_src, ar.currentline, kind);
            return 1;
        }
    }
    lua_pushfstring(L, "error raised with a %s value; expected a message string", kind);
    return 1;
}

/// Pushes sg_message_handler.
static inline void sg_push_message_handler(lua_State *L) { lua_pushcfunction(L, sg_message_handler); }

/// lua_pcall is a macro over lua_pcallk.
static inline int sg_pcall(lua_State *L, int nargs, int nresults, int msgh) {
    return lua_pcall(L, nargs, nresults, msgh);
}

/// lua_tostring is a macro over lua_tolstring.
static inline const char *sg_tostring(lua_State *L, int index, size_t *length) {
    return lua_tolstring(L, index, length);
}

/// lua_gc is variadic; runs a full collection.
static inline void sg_gc_collect(lua_State *L) { lua_gc(L, LUA_GCCOLLECT, 0); }

/// lua_pop is a macro over lua_settop.
static inline void sg_pop(lua_State *L, int n) { lua_pop(L, n); }

/// lua_newtable is a macro over lua_createtable.
static inline void sg_newtable(lua_State *L) { lua_newtable(L); }

/// lua_tonumber is a macro over lua_tonumberx.
static inline lua_Number sg_tonumber(lua_State *L, int index) { return lua_tonumber(L, index); }

/// lua_tointeger is a macro over lua_tointegerx.
static inline lua_Integer sg_tointeger(lua_State *L, int index) { return lua_tointeger(L, index); }

/// lua_isfunction is a macro over lua_type.
static inline int sg_isfunction(lua_State *L, int index) { return lua_isfunction(L, index); }

/// lua_upvalueindex is a macro.
static inline int sg_upvalueindex(int i) { return lua_upvalueindex(i); }

/// LUA_REGISTRYINDEX is a macro over LUAI_MAXSTACK.
static inline int sg_registryindex(void) { return LUA_REGISTRYINDEX; }

/// luaL_loadbuffer is a macro over luaL_loadbufferx; mode "t" refuses binary chunks.
static inline int sg_loadtext(lua_State *L, const char *buffer, size_t size, const char *chunkname) {
    return luaL_loadbufferx(L, buffer, size, chunkname, "t");
}

/// Opens one standard library through luaL_requiref, which Swift can call but whose
/// openers (luaopen_*) are easier named here, and leaves nothing on the stack.
static inline void sg_open_safe_libraries(lua_State *L) {
    luaL_requiref(L, LUA_GNAME, luaopen_base, 1);
    luaL_requiref(L, LUA_TABLIBNAME, luaopen_table, 1);
    luaL_requiref(L, LUA_STRLIBNAME, luaopen_string, 1);
    luaL_requiref(L, LUA_MATHLIBNAME, luaopen_math, 1);
    luaL_requiref(L, LUA_UTF8LIBNAME, luaopen_utf8, 1);
    luaL_requiref(L, LUA_COLIBNAME, luaopen_coroutine, 1);
    // The debug library is opened but not published: the engine's prelude keeps
    // debug.getinfo and debug.traceback privately, then the global is removed.
    luaL_requiref(L, LUA_DBLIBNAME, luaopen_debug, 1);
    lua_pop(L, 7);
}

#endif
