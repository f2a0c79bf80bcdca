import Foundation
import Logging
import Testing
import SafeguardService
import WorkflowCore
@testable import SafeguardServer

/// A script's message never reaches the client: it may quote case data.
@Suite("safeguard serve: script errors")
struct ScriptErrorProblemTests {
    @Test func aScriptErrorGivesTheClientItsLocationAndAGenericMessage() {
        let error = WorkflowError.script("perpetrator born 1988-02-14", at: SourceLocation(file: "Plugins/essex/plugin.lua", line: 12))
        let problem = Problem(error)
        #expect(problem.status == .internalServerError)
        #expect(problem.location == "Plugins/essex/plugin.lua:12")
        #expect(
            problem.detail
                == "a script failed at Plugins/essex/plugin.lua:12; expected the scripts to run (the server's log has the location; run 'safeguard check' and the case's events at the command line for the script's message)")
        #expect(!DocumentEncoder.json(problem.document).contains("1988"))
    }
}
