import WorkflowCore
import WorkflowLua

/// The attacks, by kind (issue 11's list). Lines are the plugin file's: its header is line 1.
enum HostileCorpus {
    static let evil = "Plugins/evil/plugin.lua"
    static let budget = "instruction budget exhausted"
    static let floor = "refused by the statutory floor"
    static let act = "Crime and Security Act 2010"

    static func load(_ line: Int, _ message: String) -> HostileAttack.Outcome { .refusedAtLoad("\(evil):\(line): \(message)") }

    static func run(
        after: Int, _ event: String, role: String = "constable", data: [String: Value] = [:], kind: WorkflowError.Kind = .refused, _ message: String
    ) -> HostileAttack.Outcome {
        .refusedAtRun(after: after, event: event, role: role, data: data, kind: kind, message: message)
    }

    /// `Workflows/dvpo.lua:N`, the line that starts with `start`, so the corpus follows edits to the national file.
    static func national(_ start: String) -> String {
        let text = try! String(contentsOf: Scripts.shipped.root.appendingPathComponent("Workflows/dvpo.lua"), encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return "Workflows/dvpo.lua:\(lines.firstIndex { $0.hasPrefix(start) }! + 1)"
    }
    static let authorise = national("dvpo:event(\"authorise_notice\"")
    static let serve = national("dvpo:event(\"serve_notice\"")
    static let hearingClock = national("dvpo:clock(\"hearing\"")
    static let workflowLine = national("local dvpo = engine.workflow")

    static let considerations: [String: Value] = NationalProcedure.validData["authorise_notice"]!

    static let attacks: [HostileAttack] = editing + bypassing + inactive + crashes + hangs + leaks + sandbox + crossPlugin + personalData

    /// 1. Editing the national declarations, or filing a change under another name or line.
    static let editing: [HostileAttack] = [
        HostileAttack(
            "reach the workflow through the plugin", "p.workflow.events = {}\n",
            load(2, "attempt to index a nil value (field 'workflow')")),
        HostileAttack(
            "reach the method table", "getmetatable(p).__index.state = nil\n",
            load(2, "attempt to index a boolean value")),
        HostileAttack(
            "rename the plugin", "p.name = 'essex'\n",
            load(2, "cannot set name on the value engine.plugin returned; declare through its methods")),
        HostileAttack(
            "call a method on a forged plugin", "p.state({ name = 'essex', workflow = {}, active = true }, 'forged', 'x')\n",
            load(2, "engine.plugin:state must be called with ':' on the value engine.plugin returned")),
        HostileAttack(
            "forge a chunk name with load", "load('error(\"forged\")', '@Workflows/dvpo.lua')()\n",
            .refusedAtLoad("Plugins/evil/plugin.lua (load):1: forged")),
        HostileAttack(
            "declare a workflow from a plugin", "engine.workflow { name = 'mine' }\n",
            load(2, "engine.workflow declares a national procedure, in a file under Workflows/; a force's plugin extends one with engine.plugin")),
        HostileAttack(
            "redeclare the national workflow", "engine.workflow { name = 'dvpo' }\n",
            load(2, "workflow dvpo is declared twice")),
        HostileAttack(
            "replace an engine helper", "engine.age_on = function() return 30 end\n",
            load(2, "cannot set age_on: this table is shared by every case and is read-only while hooks run; keep per-case state in the case's data")),
        HostileAttack(
            "lower the authorising rank", "p:require_rank('authorise_notice', 'inspector')\n",
            load(2, "plugin evil lets inspector fire authorise_notice; the statute requires superintendent or above (statutory floor, \(authorise))")),
        HostileAttack(
            "let a clerk serve", "p:staff_role('clerk')\np:allow('serve_notice', 'clerk')\n",
            load(3, "plugin evil lets clerk fire serve_notice; the statute allows only constable or above (statutory floor, \(serve))")),
        HostileAttack(
            "redeclare the hearing clock", "p:clock('hearing', { rule = 'elapsed', hours = 96, started_by = 'serve_notice' })\n",
            load(
                2,
                "plugin evil redeclares the statutory clock hearing (\(hearingClock)); a plugin may add clocks but not change the statute's (statutory floor)")),
        HostileAttack(
            "make grounds optional", "p:field('authorise_notice', 'grounds', { 'text', required = false })\n",
            load(
                2,
                "plugin evil redeclares field grounds of authorise_notice, which the national workflow declares (\(authorise)); a plugin may add data but not change the statute's (statutory floor)"
            )),
        HostileAttack(
            "set a policy it does not own", "p:set('order_lengths', { 30 })\n",
            load(2, "plugin evil sets unknown policy \"order_lengths\"; expected one of: ")),
        HostileAttack(
            "rawset the engine table", "rawset(engine, 'age_on', nil)\n",
            load(2, "attempt to call a nil value (global 'rawset')")),
    ]

    /// 2. The documented API used to skip or overwrite statutory steps. An event the floor would
    /// refuse on every case is refused at load (`check` names it); one that can pass on some case
    /// meets the floor by its effect at run time.
    static let bypassing: [HostileAttack] = [
        HostileAttack(
            "a constable authorises through a plugin event", "p:event('quick_authorise', { from = 'incident', to = 'notice_authorised', who = 'constable' })\n",
            load(2, "event quick_authorise lets constable or above authorise a notice; \(act) s.24(1) requires superintendent or above (statutory floor)")),
        HostileAttack(
            "a superintendent authorises without the considerations",
            "p:event('quick_authorise', { from = 'incident', to = 'notice_authorised', who = 'superintendent' })\n",
            load(2, "event quick_authorise can never enter notice_authorised: \(act) s.24(3)-(5) needs authorise_notice first, and no case is in incident after it (statutory floor); expected an event from a state a case reaches after authorise_notice")),
        HostileAttack(
            "a plugin event rewrites the date of birth",
            """
            p:event('young_authorise', { from = 'incident', to = 'notice_authorised', who = 'superintendent',
              data = { perpetrator_dob = { 'date' } } })
            """,
            load(
                2,
                "field perpetrator_dob of young_authorise is data only the national procedure records (statutory floor); expected a field name of the force's own"
            )),
        HostileAttack(
            "serve without authorisation", "p:event('serve_now', { from = 'incident', to = 'notice_served' })\n",
            load(2, "event serve_now can never enter notice_served: \(act) s.25(1) needs authorise_notice first, and no case is in incident after it (statutory floor); expected an event from a state a case reaches after authorise_notice")),
        HostileAttack(
            "a hearing without service", "p:event('to_court', { from = 'incident', to = 'hearing' })\n",
            load(2, "event to_court can never enter hearing: \(act) s.27(1) needs serve_notice first, and no case is in incident after it (statutory floor); expected an event from a state a case reaches after serve_notice")),
        HostileAttack(
            "an order with no hearing", "p:event('skip_hearing', { from = 'notice_served', to = 'order_in_force' })\n",
            load(2, "event skip_hearing can never enter order_in_force: \(act) s.28(10) needs grant_order first, and no case is in notice_served after it (statutory floor); expected an event from a state a case reaches after grant_order")),
        HostileAttack(
            "an order with no period", "p:event('grant_forever', { from = 'hearing', to = 'order_in_force' })\n",
            load(2, "event grant_forever can never enter order_in_force: \(act) s.28(10) needs grant_order first, and no case is in hearing after it (statutory floor); expected an event from a state a case reaches after grant_order")),
        HostileAttack(
            "expire an order early", "p:event('end_early', { from = { 'order_in_force', 'hearing' }, to = 'expired' })\n",
            run(after: 4, "end_early", "end_early \(floor) (\(act) s.28(10)): entering expired is allowed only at or after the end of the order's last day")),
        HostileAttack(
            "refuse with no application", "p:event('refuse_now', { from = 'notice_served', to = 'refused' })\n",
            load(2, "event refuse_now can never enter refused: \(act) s.27-28 needs apply_for_order first, and no case is in notice_served after it (statutory floor); expected an event from a state a case reaches after apply_for_order")),
        HostileAttack(
            "a breach with no order", "p:event('breach_now', { from = 'hearing', to = 'breach' })\n",
            load(2, "event breach_now can never enter breach: \(act) s.29 needs grant_order first, and no case is in hearing after it (statutory floor); expected an event from a state a case reaches after grant_order")),
        HostileAttack(
            "a second opening event into order_in_force", "p:event('open_order', { opens = true, to = 'order_in_force' })\n",
            load(2, "event open_order opens a case in order_in_force; a case opens in incident (statutory floor)")),
        HostileAttack(
            "a clerk serves through a plugin event",
            "p:staff_role('clerk')\np:event('clerk_serves', { from = 'notice_authorised', to = 'notice_served', who = 'clerk' })\n",
            load(3, "event clerk_serves lets clerk serve a notice; \(act) s.25(1) requires a constable (statutory floor)")),
        HostileAttack(
            "an action overwrites order_days", "p:action('grant_order', 'longer', function(case, event) return { order_days = 365 } end)\n",
            .stepRefused(
                step: 4, kind: .script,
                message:
                    "\(evil):2: action longer of grant_order proposed a change to order_days, which only the national procedure records (statutory floor); expected a field name of the force's own"
            )),
        HostileAttack(
            "an action overwrites authorised_by", "p:action('authorise_notice', 'blame', function(case, event) return { authorised_by = 'SUPX' } end)\n",
            .stepRefused(
                step: 1, kind: .script,
                message:
                    "\(evil):2: action blame of authorise_notice proposed a change to authorised_by, which only the national procedure records (statutory floor); expected a field name of the force's own"
            )),
        HostileAttack(
            "an action overwrites the date of birth",
            "p:action('record_visit', 'older', function(case, event) return { perpetrator_dob = '1900-01-01' } end)\n",
            .stepRefused(
                step: 5, kind: .script,
                message:
                    "\(evil):2: action older of record_visit proposed a change to perpetrator_dob, which only the national procedure records (statutory floor); expected a field name of the force's own"
            )),
        HostileAttack(
            "an action clears notice_lapsed, which the national decision records",
            """
            p:event('lapse_fix', { from = { 'notice_served', 'hearing' }, who = 'constable' })
            p:action('lapse_fix', 'unlapse', function(case, event) return { notice_lapsed = false } end)
            """,
            run(
                after: 2, "lapse_fix", kind: .script,
                "\(evil):3: action unlapse of lapse_fix proposed a change to notice_lapsed, which only the national procedure records (statutory floor); expected a field name of the force's own"
            )),
        HostileAttack(
            "an action invents breaches awaiting the court",
            """
            p:event('extra_breach', { from = 'order_in_force', who = 'constable' })
            p:action('extra_breach', 'x', function(case, event) return { breaches_awaiting_outcome = 3 } end)
            """,
            run(
                after: 4, "extra_breach", kind: .script,
                "\(evil):3: action x of extra_breach proposed a change to breaches_awaiting_outcome, which only the national procedure records (statutory floor); expected a field name of the force's own"
            )),
        HostileAttack(
            "a granted order relisted for a second hearing",
            "p:event('relist', { from = { 'order_in_force', 'notice_served' }, to = 'hearing', who = 'constable', data = { relist_court = { 'text', summary = 'c' } } })\n",
            run(
                after: 4, "relist", data: ["relist_court": "c"],
                "relist \(floor) (\(act) s.27(1)): entering hearing needs an application not yet decided; the court already made an order on this notice's application (s.28)"
            )),
        HostileAttack(
            "a plugin event carries order_days", "p:event('set_days', { from = 'order_in_force', data = { order_days = { 'integer' } } })\n",
            load(2, "field order_days of set_days is data only the national procedure records (statutory floor); expected a field name of the force's own")),
        HostileAttack(
            "a plugin event carries notice_lapsed, which a national action records",
            "p:event('unlapse', { from = '*', who = 'constable', summary = 'u', data = { notice_lapsed = { 'boolean', summary = 'v' } } })\n",
            load(2, "field notice_lapsed of unlapse is data only the national procedure records (statutory floor); expected a field name of the force's own")),
        HostileAttack(
            "a plugin event carries breaches_awaiting_outcome",
            "p:event('clear', { from = 'breach', who = 'constable', summary = 'c', data = { breaches_awaiting_outcome = { 'integer', summary = 'w' } } })\n",
            load(2, "field breaches_awaiting_outcome of clear is data only the national procedure records (statutory floor); expected a field name of the force's own")),
        HostileAttack(
            "a plugin event carries decision, a national event's field",
            "p:event('decide', { from = 'hearing', who = 'constable', summary = 'd', data = { decision = { 'text', summary = 'd' } } })\n",
            load(2, "field decision of decide is data only the national procedure records (statutory floor); expected a field name of the force's own")),
        HostileAttack(
            "a plugin field kept on the case as order_end, a national clock's name",
            "p:event('note_end', { from = 'order_in_force', who = 'constable', summary = 'n', data = { order_end = { 'instant', required = false, case = true, summary = 's' } } })\n",
            load(2, "field order_end of note_end is data only the national procedure records (statutory floor); expected a field name of the force's own")),
        HostileAttack(
            "a plugin field kept on the case as state, a name the record is read by",
            "p:event('note_state', { from = 'order_in_force', who = 'constable', summary = 'n', data = { st = { 'text', required = false, case_field = 'state', summary = 's' } } })\n",
            load(2, "field st of note_state says it is recorded as state, data only the national procedure records (statutory floor); expected a case_field of the force's own")),
        HostileAttack(
            "a plugin field recorded as notice_lapsed",
            "p:event('note_lapse', { from = 'hearing', who = 'constable', summary = 'n', data = { lapse = { 'boolean', summary = 'l', case_field = 'notice_lapsed' } } })\n",
            load(2, "field lapse of note_lapse says it is recorded as notice_lapsed, data only the national procedure records (statutory floor); expected a case_field of the force's own")),
        HostileAttack(
            "a force's state parks an order in force",
            "p:state('parked', 'p')\np:event('park', { from = 'order_in_force', to = 'parked', who = 'constable', summary = 'p' })\n",
            load(3, "event park can never leave order_in_force for parked: \(act) s.28(10) lets only the national procedure's events end an order or take a case out of its states (statutory floor); expected an event that keeps the case where it is (no `to`)")),
        HostileAttack(
            "a force's state parks an order in force or a case before service",
            "p:state('parked', 'p')\np:event('park', { from = { 'order_in_force', 'notice_authorised' }, to = 'parked', who = 'constable', summary = 'p' })\n",
            run(
                after: 4, "park",
                "park \(floor) (\(act) s.28(10)): a case leaves order_in_force only by the national procedure's events (a breach, the court's outcome, the order's expiry); the order lasts its whole period and no force's event ends, suspends or revives it"
            )),
        HostileAttack(
            "a force's final state archives an order in force",
            "p:state('archived', 'a', { final = true })\np:event('archive', { from = { 'order_in_force', 'notice_served' }, to = 'archived', who = 'constable', summary = 'a' })\n",
            run(
                after: 4, "archive",
                "archive \(floor) (\(act) s.28(10)): a case leaves order_in_force only by the national procedure's events (a breach, the court's outcome, the order's expiry); the order lasts its whole period and no force's event ends, suspends or revives it"
            )),
        HostileAttack(
            "a force's final state ends a case before its hearing",
            "p:state('archived', 'a', { final = true })\np:event('archive', { from = 'notice_served', to = 'archived', who = 'constable', summary = 'a' })\n",
            run(
                after: 2, "archive",
                "archive \(floor) (\(act) s.27(3)): a force's event ends the case in archived while the statutory clock hearing is pending; expected the national procedure's events"
            )),
        HostileAttack(
            "a force's event closes a case before its hearing, past close's guards",
            "p:event('shelve', { from = 'notice_served', to = 'closed', who = 'constable', summary = 's' })\n",
            run(
                after: 2, "shelve",
                "shelve \(floor) (\(act) s.27(3)): a force's event ends the case in closed while the statutory clock hearing is pending; expected the national procedure's events"
            )),
        HostileAttack(
            "a national event given order_days by a plugin", "p:field('record_visit', 'order_days', { 'integer', required = false })\n",
            load(2, "field order_days of record_visit is data only the national procedure records (statutory floor); expected a field name of the force's own")),
        HostileAttack(
            "a plugin event with no violence",
            """
            p:event('authorise_anyway', { from = 'incident', to = 'notice_authorised', who = 'superintendent', data = {
              g = { 'text', required = false } } })
            """,
            load(2, "event authorise_anyway can never enter notice_authorised: \(act) s.24(3)-(5) needs authorise_notice first, and no case is in incident after it (statutory floor); expected an event from a state a case reaches after authorise_notice")),
    ]

    /// 3. Plugins for other forces, and files that try to run for everyone.
    static let inactive: [HostileAttack] = [
        HostileAttack(
            "a plugin for nobody loops at the top level",
            files: [
                ScriptSource(
                    path: "Plugins/nobody/plugin.lua",
                    text: """
                        local p = engine.plugin { name = "nobody", version = "1", extends = "dvpo", forces = { "nobody" } }
                        while true do end
                        """)
            ], .harmless([:])),
        HostileAttack(
            "a plugin for nobody refuses every authorisation",
            files: [
                ScriptSource(
                    path: "Plugins/nobody/plugin.lua",
                    text: """
                        local p = engine.plugin { name = "nobody", version = "1", extends = "dvpo", forces = { "nobody" } }
                        p:guard("authorise_notice", "never", function() return false, "no" end)
                        """)
            ], .harmless(["authorised_by": "PC1"])),
        HostileAttack(
            "a plugin for nobody raises at the top level",
            files: [
                ScriptSource(
                    path: "Plugins/nobody/plugin.lua",
                    text: """
                        local p = engine.plugin { name = "nobody", version = "1", extends = "dvpo", forces = { "nobody" } }
                        error("boom")
                        """)
            ], .harmless([:])),
        HostileAttack(
            "a plugin file that declares no plugin", files: [ScriptSource(path: "Plugins/loose/helpers.lua", text: "shadow = true\n")],
            .harmless([:])),
        // A file that fails before declaring cannot say which forces it is for: it stops only the
        // forces it may serve (its folder or text names them) and `check` reports it; force x is
        // untouched, its code never reached x's interpreter.
        HostileAttack(
            "a plugin file that raises before declaring", files: [ScriptSource(path: "Plugins/loose/helpers.lua", text: "shadow = true\nerror('broken')\n")],
            .harmless([:])),
        HostileAttack(
            "a plugin file for x that raises before declaring", files: [ScriptSource(path: "Plugins/x/helpers.lua", text: "shadow = true\nerror('broken')\n")],
            .refusedAtLoad("Plugins/x/helpers.lua:2: broken")),
        // Each workflow file runs in an interpreter of its own: another file cannot change or stop
        // dvpo, it is only set aside itself (WorkflowFileIsolationTests pins its error).
        HostileAttack(
            "a second workflow file redeclares dvpo", files: [ScriptSource(path: "Workflows/aaa_shadow.lua", text: "engine.workflow { name = 'dvpo' }\n")],
            .harmless([:])),
        HostileAttack(
            "a plugin for nobody loops before declaring", files: [ScriptSource(path: "Plugins/nobody/plugin.lua", text: "while true do end\n")],
            .harmless([:])),
        HostileAttack(
            "a plugin for x loops before declaring", files: [ScriptSource(path: "Plugins/x/plugin.lua", text: "while true do end\n")],
            .refusedAtLoad("Plugins/x/plugin.lua:1: \(budget)")),
        HostileAttack(
            "a plugin declared from a workflow file",
            files: [ScriptSource(path: "Workflows/zzz.lua", text: "engine.plugin { name = 'w', version = '1', extends = 'dvpo', forces = { 'x' } }\n")],
            .harmless([:])),
    ]

    /// 4. Crashes: deep, cyclic and huge data across the bridge, memory.
    static let crashes: [HostileAttack] = [
        HostileAttack(
            "an action returns deep tables",
            "p:action('adjourn_hearing', 'deep', function() local t = {} for i = 1, 100 do t = { t } end return { deep = t } end)\n",
            run(
                after: 3, "adjourn_hearing", kind: .script,
                "\(evil):2: action deep of adjourn_hearing: returned the first result.deep[1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1]: tables nested more than 32 deep (or a cycle); expected plain data"
            )),
        HostileAttack(
            "an action returns a cycle", "p:action('adjourn_hearing', 'cycle', function() local t = {} t.me = t return { loop = t } end)\n",
            run(
                after: 3, "adjourn_hearing", kind: .script,
                "\(evil):2: action cycle of adjourn_hearing: returned the first result.loop.me.me.me.me.me.me.me.me.me.me.me.me.me.me.me.me.me.me.me.me.me.me.me.me.me.me.me.me.me.me.me: tables nested more than 32 deep (or a cycle); expected plain data"
            )),
        HostileAttack(
            "an action returns a huge string", "p:action('adjourn_hearing', 'huge', function() return { blob = string.rep('x', 5 << 20) } end)\n",
            run(
                after: 3, "adjourn_hearing", kind: .script,
                "\(evil):2: action huge of adjourn_hearing: returned the first result.blob: more than 4194304 bytes of data; expected at most that (the hook data limit)"
            )),
        HostileAttack(
            "a guard fills memory",
            "p:guard('adjourn_hearing', 'bomb', function() local s = string.rep('x', 1 << 20) for i = 1, 10 do s = s .. s end return true end)\n",
            run(after: 3, "adjourn_hearing", kind: .script, "\(evil):2: guard bomb of adjourn_hearing: memory cap of 64 MiB exceeded")),
        HostileAttack(
            "an action returns a function", "p:action('adjourn_hearing', 'fn', function() return { f = tostring } end)\n",
            run(
                after: 3, "adjourn_hearing", kind: .script,
                "\(evil):2: action fn of adjourn_hearing: returned the first result.f: a function; expected text, a number, a boolean or a table")),
        HostileAttack(
            "a guard errors with a table", "p:guard('adjourn_hearing', 'tbl', function() error({}) end)\n",
            run(
                after: 3, "adjourn_hearing", kind: .script,
                "\(evil):2: guard tbl of adjourn_hearing: error raised with a table value; expected a message string")),
        HostileAttack(
            "an action returns NaN", "p:action('adjourn_hearing', 'nan', function() return { n = 0/0 } end)\n",
            run(
                after: 3, "adjourn_hearing", kind: .script,
                "\(evil):2: action nan of adjourn_hearing: returned the first result.n: a number that is not finite; expected a finite number")),
    ]

    /// 5. Hangs: work inside C functions, load-time code, coroutines, finalizers.
    static let hangs: [HostileAttack] = [
        HostileAttack(
            "a pathological pattern", "p:guard('adjourn_hearing', 'slow', function() return string.find(string.rep('a', 5000), '.-.-.-.-.-b') == nil end)\n",
            run(
                after: 3, "adjourn_hearing", kind: .script,
                "\(evil):2: guard slow of adjourn_hearing: \(budget): string.find with this pattern could take 89894832883370672128 steps on text of 5000 bytes; expected a simpler pattern or shorter text"
            )),
        HostileAttack(
            "a pathological pattern as a method", "p:guard('adjourn_hearing', 'slow', function() return (('a'):rep(5000)):match('(.-)(.-)(.-)c') == nil end)\n",
            run(
                after: 3, "adjourn_hearing", kind: .script,
                "\(evil):2: guard slow of adjourn_hearing: \(budget): string.match with this pattern could take 84804806023441 steps on text of 5000 bytes; expected a simpler pattern or shorter text"
            )),
        HostileAttack(
            "repeated large string.rep",
            "p:guard('adjourn_hearing', 'rep', function() for i = 1, 1000 do local s = string.rep('x', 12 << 20) end return true end)\n",
            run(after: 3, "adjourn_hearing", kind: .script, "\(evil):2: guard rep of adjourn_hearing: \(budget)")),
        HostileAttack(
            "repeated concatenation of a large string",
            "p:guard('adjourn_hearing', 'cat', function() local s = string.rep('x', 1 << 20) while true do local t = s .. s end end)\n",
            run(after: 3, "adjourn_hearing", kind: .script, "\(evil):2: guard cat of adjourn_hearing: wall-clock limit of 2000 ms exceeded")),
        HostileAttack(
            "gsub that multiplies text",
            "p:guard('adjourn_hearing', 'gsub', function() local s = string.rep('x', 1 << 16) for i = 1, 100 do local t = s:gsub('x', 'yyyyyyyy') end return true end)\n",
            run(after: 3, "adjourn_hearing", kind: .script, "\(evil):2: guard gsub of adjourn_hearing: \(budget)")),
        HostileAttack(
            "a sort comparator that loops",
            "p:guard('adjourn_hearing', 'sort', function() local t = { 3, 2, 1 } table.sort(t, function() while true do end end) return true end)\n",
            run(after: 3, "adjourn_hearing", kind: .script, "\(evil):2: guard sort of adjourn_hearing: \(budget)")),
        HostileAttack(
            "a coroutine made while loading", "local co = coroutine.create(function() end)\n",
            load(2, "coroutine.create may be used only inside a hook: a coroutine made while loading would carry state from one case to the next")),
        HostileAttack(
            "coroutine.wrap while loading", "local co = coroutine.wrap(function() end)\n",
            load(2, "coroutine.wrap may be used only inside a hook: a coroutine made while loading would carry state from one case to the next")),
        HostileAttack(
            "a finalizer at load", "setmetatable({}, { __gc = function() while true do end end })\n",
            load(2, "a metatable with __gc would run script code outside any budget; expected no finalizers")),
        HostileAttack(
            "a finalizer in a hook", "p:guard('adjourn_hearing', 'gc', function() setmetatable({}, { __gc = true }) return true end)\n",
            run(
                after: 3, "adjourn_hearing", kind: .script,
                "\(evil):2: guard gc of adjourn_hearing: a metatable with __gc would run script code outside any budget; expected no finalizers")),
        HostileAttack(
            "a __newindex trap on the policy table", "setmetatable(p.policy, { __newindex = function() while true do end end })\n",
            load(2, "cannot change a protected metatable")),
        HostileAttack(
            "writing the policy table", "p.policy.anything = 1\n",
            load(2, "cannot set policy anything here; expected p:set(\"anything\", value)")),
        HostileAttack(
            "an endless loop at load", "while true do end\n",
            load(2, budget)),
        HostileAttack(
            "a coroutine that loops inside a hook", "p:guard('adjourn_hearing', 'co', function() coroutine.wrap(function() while true do end end)() end)\n",
            run(after: 3, "adjourn_hearing", kind: .script, "\(evil):2: guard co of adjourn_hearing: \(evil):2: \(budget)")),
        HostileAttack(
            "a huge chunk through load", "p:guard('adjourn_hearing', 'big', function() for i = 1, 100 do load(string.rep(' ', 1 << 22)) end return true end)\n",
            run(after: 3, "adjourn_hearing", kind: .script, "\(evil):2: guard big of adjourn_hearing: \(budget)")),
    ]

    /// 6. State between cases, addresses, iteration order.
    static let leaks: [HostileAttack] = [
        HostileAttack(
            "a counter in an upvalue",
            """
            local visits = 0
            p:guard('adjourn_hearing', 'once', function() visits = visits + 1 if visits > 1 then return false, 'again' end return true end)
            """, .harmless(["visits": 2])),
        HostileAttack(
            "the last case's data in an upvalue",
            """
            local last
            p:action('record_visit', 'remember', function(case) local previous = last last = case.data.perpetrator_dob return { seen = previous } end)
            """, .harmless(["seen": nil])),
        HostileAttack(
            "a helper table with its own counter",
            """
            local M = {}
            do local count = 0 function M.tick() count = count + 1 return count end end
            p:action('record_visit', 'tick', function() return { ticks = M.tick() } end)
            """, .harmless(["ticks": 1])),
        HostileAttack(
            "a global cache written by a hook",
            """
            cache = {}
            p:guard('adjourn_hearing', 'cache', function(case) cache.seen = true return true end)
            """,
            run(
                after: 3, "adjourn_hearing", kind: .script,
                "\(evil):3: guard cache of adjourn_hearing: cannot set seen: this table is shared by every case and is read-only while hooks run; keep per-case state in the case's data"
            )),
        HostileAttack(
            "a table address", "p:action('record_visit', 'addr', function() return { addr = tostring({}) } end)\n",
            .harmless(["addr": "table"])),
        HostileAttack(
            "a function address", "p:action('record_visit', 'addr', function() return { addr = tostring(function() end) } end)\n",
            .harmless(["addr": "function"])),
        HostileAttack(
            "an address through %s", "p:action('record_visit', 'addr', function() return { addr = string.format('%s', {}) } end)\n",
            .harmless(["addr": "table"])),
        HostileAttack(
            "an address through %p", "p:action('adjourn_hearing', 'addr', function() return { addr = string.format('%p', {}) } end)\n",
            run(
                after: 3, "adjourn_hearing", kind: .script,
                "\(evil):2: action addr of adjourn_hearing: string.format's %p prints a memory address, which changes from run to run; expected another format")
        ),
        HostileAttack(
            "an escaped percent before p is literal text, not an address",
            "p:action('record_visit', 'pct', function() return { pct = string.format('%%p %d%%', 50) } end)\n",
            .harmless(["pct": "%p 50%"])),
        HostileAttack(
            "an escaped percent then an address through %p",
            "p:action('adjourn_hearing', 'addr', function() return { addr = string.format('%%%p', {}) } end)\n",
            run(
                after: 3, "adjourn_hearing", kind: .script,
                "\(evil):2: action addr of adjourn_hearing: string.format's %p prints a memory address, which changes from run to run; expected another format")
        ),
        HostileAttack(
            "pairs order",
            """
            p:action('record_visit', 'order', function()
              local keys = {}
              for k in pairs({ zebra = 1, apple = 2, mango = 3, [2] = 4, [1] = 5 }) do keys[#keys + 1] = tostring(k) end
              return { order = table.concat(keys, ',') }
            end)
            """, .harmless(["order": "1,2,apple,mango,zebra"])),
        HostileAttack(
            "next order", "p:action('record_visit', 'first', function() return { first = next({ b = 1, a = 2, c = 3 }) } end)\n",
            .harmless(["first": "a"])),
        HostileAttack(
            "a whole double", "p:action('record_visit', 'ratio', function() return { ratio = 7 / 7, zero = -0.0, big = 2^53 } end)\n",
            .harmless(["ratio": .number(1.0), "zero": .number(-0.0), "big": .number(9_007_199_254_740_992)])),
        HostileAttack(
            "a coroutine kept in an upvalue",
            """
            local co
            p:action('record_visit', 'co', function()
              co = co or coroutine.wrap(function() local n = 0 while true do n = n + 1 coroutine.yield(n) end end)
              return { step = co() }
            end)
            """, .harmless(["step": 1])),
    ]

    /// 7. The sandbox itself.
    static let sandbox: [HostileAttack] = [
        HostileAttack("os", "os.execute('true')\n", load(2, "attempt to index a nil value (global 'os')")),
        HostileAttack("io", "io.open('/etc/passwd')\n", load(2, "attempt to index a nil value (global 'io')")),
        HostileAttack("debug", "debug.sethook()\n", load(2, "attempt to index a nil value (global 'debug')")),
        HostileAttack("require", "require('os')\n", load(2, "attempt to call a nil value (global 'require')")),
        HostileAttack("a binary chunk", "assert(load('\\27Lua'))\n", load(2, "attempt to load a binary chunk (mode is 't')")),
        HostileAttack("the string metatable", "getmetatable('').__index = {}\n", load(2, "attempt to index a boolean value")),
        HostileAttack("collectgarbage", "collectgarbage()\n", load(2, "attempt to call a nil value (global 'collectgarbage')")),
        HostileAttack(
            "replace a global function", "pairs = nil\n",
            load(2, "global pairs is already defined (by the engine or another script); expected a new name, or a local")),
        HostileAttack("string.dump", "string.dump(print)\n", load(2, "attempt to call a nil value (field 'dump')")),
        HostileAttack("math.random", "math.random()\n", load(2, "attempt to call a nil value (field 'random')")),
    ]

    /// 8. One plugin reaching another's state, or the national hooks', at run time: each plugin's
    /// hooks run in an interpreter of their own, holding the workflow file and that plugin only.
    static func plugin(_ name: String, _ body: String) -> ScriptSource {
        ScriptSource(
            path: "Plugins/\(name)/plugin.lua",
            text: "local \(name) = engine.plugin { name = '\(name)', version = '1', extends = 'dvpo', forces = { 'x' } }\n" + body)
    }

    static let crossPlugin: [HostileAttack] = [
        HostileAttack(
            "a plugin's hook reads another plugin's global table",
            files: [
                plugin("pa", "secret_of_pa = { note = 'A' }\n"),
                plugin("pb", "pb:action('record_visit', 'peek', function() return { peeked = type(secret_of_pa) } end)\n"),
            ], .harmless(["peeked": "nil"])),
        HostileAttack(
            "a plugin's hook calls another plugin's function and its upvalues",
            files: [
                plugin("pa", "local count = 0\nfunction bump_pa() count = count + 1; return count end\n"),
                plugin("pb", "pb:action('record_visit', 'call', function() return { called = type(bump_pa) } end)\n"),
            ], .harmless(["called": "nil"])),
        HostileAttack(
            "a plugin's hook reads another plugin's policy table",
            files: [
                plugin("pa", "pa_handle = pa\n"),
                plugin("pb", "pb:action('record_visit', 'policy', function() return { policy = type(pa_handle) } end)\n"),
            ], .harmless(["policy": "nil"])),
        HostileAttack(
            "a plugin's global shadows nothing the national hooks read",
            files: [
                plugin("pa", "age_of_perpetrator = function() return 30 end\nnational_marker = true\n"),
                plugin("pb", "pb:action('record_visit', 'seen', function() return { seen = tostring(national_marker) } end)\n"),
            ], .harmless(["seen": "nil"])),
    ]

    /// 9. Personal data carried into script text: a refusal, an `error(...)` or a warning that
    /// quotes a personal field is printed and stored with the value masked by the field's name.
    static let personalData: [HostileAttack] = [
        HostileAttack(
            "a guard's refusal quotes the date of birth",
            "p:guard('authorise_notice', 'leak', function(case) return false, 'dob=' .. case.data.perpetrator_dob end)\n",
            .stepRefused(
                step: 1, kind: .refused,
                message: "authorise_notice refused by rule leak (\(evil):2): dob=[perpetrator_dob]")),
        HostileAttack(
            "a hook's error quotes the hearing address",
            "p:action('apply_for_order', 'leak', function(case) error('served at ' .. case.data.hearing_address .. '!') end)\n",
            .stepRefused(
                step: 3, kind: .script,
                message: "\(evil):2: action leak of apply_for_order: served at [hearing_address]!")),
        HostileAttack(
            "a hook's error shouts the address in capitals",
            "p:action('apply_for_order', 'leak', function(case) error(string.upper(case.data.hearing_address), 0) end)\n",
            .stepRefused(
                step: 3, kind: .script,
                message: "\(evil):2: action leak of apply_for_order: [hearing_address]")),
        HostileAttack(
            "a guard's refusal writes the date of birth the British way",
            """
            p:guard('authorise_notice', 'leak', function(case)
              local y, m, d = case.data.perpetrator_dob:match('(%d+)-(%d+)-(%d+)')
              return false, 'born ' .. d .. '/' .. m .. '/' .. y
            end)

            """,
            .stepRefused(
                step: 1, kind: .refused,
                message: "authorise_notice refused by rule leak (\(evil):2): born [perpetrator_dob]")),
        HostileAttack(
            "a guard's refusal quotes the event's own personal data",
            "p:guard('authorise_notice', 'leak', function(case, event) return false, 'grounds: ' .. event.data.grounds .. '; opinion: ' .. event.data.victim_opinion end)\n",
            .stepRefused(
                step: 1, kind: .refused,
                message: "authorise_notice refused by rule leak (\(evil):2): grounds: [grounds]; opinion: [victim_opinion]")),
        HostileAttack(
            "an action makes a key of the date of birth",
            "p:action('authorise_notice', 'leak', function(case) return { [case.data.perpetrator_dob] = true } end)\n",
            .stepRefused(
                step: 1, kind: .script,
                message: "\(evil):2: action leak of authorise_notice proposed a change under a key that is not a field name (10 characters); expected names of lower-case letters, digits and _")),
        HostileAttack(
            "an action makes a key of the grounds, changed, holding a function",
            "p:action('authorise_notice', 'leak', function(case, event) return { [event.data.grounds .. 's'] = function() end } end)\n",
            .stepRefused(
                step: 1, kind: .script,
                message: "\(evil):2: action leak of authorise_notice: returned the first result.[a key of 17 characters]: a function; expected text, a number, a boolean or a table")),
    ]
}
