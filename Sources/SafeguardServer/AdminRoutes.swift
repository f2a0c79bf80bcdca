import Foundation
import Hummingbird
import SafeguardService
import WorkflowCore

/// For administrators (a person holding the `administrator` role): `check` the scripts folder and
/// describe a force's effective `procedure`. Neither touches a case.
struct AdminRoutes: Sendable {
    let configuration: Configuration
    let pool: CaseworkPool
    static let role = "administrator"

    func add(to group: RouterGroup<ServerContext>) {
        group.get("check") { request, context in
            try Self.requireAdministrator(context)
            _ = try QueryParameters(request, allowed: [])
            let configuration = configuration
            let findings = try await pool.run { _ throws(WorkflowError) in Box(try ScriptsReview.check(configuration)) }.value
            func item(_ error: WorkflowError) -> Value {
                .object(["location": error.location.map { .string($0.description) } ?? .null, "message": .string(error.reason)])
            }
            return JSONResponse.make(.object([
                "errors": .array(findings.errors.map(item)), "warnings": .array(findings.warnings.map(item)),
                "forces": .array(findings.forces.map(Value.string)),
            ]))
        }
        group.get("procedure") { request, context in
            try Self.requireAdministrator(context)
            let query = try QueryParameters(request, allowed: ["force", "workflow"])
            let force = query["force"]
            let workflow = query["workflow"] ?? DefaultWorkflow.name
            let configuration = configuration
            let described = try await pool.run { _ throws(WorkflowError) in
                let version = try ProcedureVersion(try Casework.loadProcedure(configuration, force: force), workflow: workflow)
                return Box((try version.procedure.workflow(workflow), version.hash))
            }.value
            return JSONResponse.make(Self.describe(described.0, hash: described.1))
        }
    }

    static func requireAdministrator(_ context: ServerContext) throws {
        let person = try APIRoutes.person(context)
        guard person.roles.contains(role) else {
            throw Problem.forbidden("\(person.id) is not an administrator; expected a person holding the \(role) role")
        }
    }

    static func describe(_ definition: WorkflowDefinition, hash: String) -> Value {
        .object([
            "workflow": .string(definition.name), "title": .string(definition.title), "force": definition.force.map(Value.string) ?? .null,
            "procedure": .string(hash),
            "plugins": .array(definition.plugins.map { .object(["name": .string($0.name), "version": .string($0.version), "source": .string($0.location.description)]) }),
            "states": .array(definition.states.map { .object(["name": .string($0.name), "final": .bool($0.isFinal), "source": .string($0.location.description)]) }),
            "events": .array(definition.events.map { event in
                .object([
                    "name": .string(event.name), "to": event.target.map(Value.string) ?? .null, "summary": .string(event.summary),
                    "fields": .array(event.fields.map { .string($0.name) }), "source": .string(event.location.description),
                ])
            }),
            "clocks": .array(definition.clocks.map { .string($0.name) }),
        ])
    }
}
