import ArgumentParser
import Foundation
import SafeguardService
import WorkflowCore

/// Shell completion (`safeguard --generate-completion-script bash|zsh|fish`) of forces from the
/// register, events of the national procedure and case ids from the database. Each is computed
/// when the shell asks, honouring `--db` and `--scripts` on the line being completed and the
/// environment; any failure completes nothing.
enum Completions {
    static func forces() -> CompletionKind {
        .custom { words, _, prefix in
            let ids = (try? ForceRegister.load(configuration(words)))?.ids ?? []
            return ids.filter { $0.hasPrefix(prefix) }
        }
    }

    static func events() -> CompletionKind {
        .custom { words, _, prefix in
            guard let configuration = try? configuration(words),
                let procedure = try? Casework.loadProcedure(configuration, force: nil),
                let workflow = try? procedure.workflow(DefaultWorkflow.name)
            else { return [] }
            return workflow.events.filter { !$0.isEngineOnly && $0.origin != .newCase }.map(\.name).filter { $0.hasPrefix(prefix) }
        }
    }

    static func cases() -> CompletionKind {
        .custom { words, _, prefix in
            guard let configuration = try? configuration(words), let casework = try? Casework(configuration),
                let cases = try? casework.list(state: nil, force: nil)
            else { return [] }
            return cases.map(\.id).filter { $0.hasPrefix(prefix) }
        }
    }

    /// The configuration the completed command would run with.
    static func configuration(_ words: [String]) throws(WorkflowError) -> Configuration {
        func value(_ flag: String) -> String? {
            guard let index = words.firstIndex(of: flag), index + 1 < words.count else { return nil }
            return words[index + 1]
        }
        return try Configuration(db: value("--db"), scripts: value("--scripts"), luaInstructions: nil, luaMemoryMB: nil)
    }
}
