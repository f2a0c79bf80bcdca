import Foundation
import Hummingbird
import SafeguardService
import WorkflowCore

/// `POST /apply`: a JSON Lines upload, one transition a line, as `safeguard apply` reads a file.
/// The body is streamed to a temporary file (owner-only, removed afterwards) as it arrives, never
/// held whole in memory, then applied line by line on a worker, as the authenticated person. Each
/// line's actor must be that person; the staff register then checks the line's role at its time.
struct ApplyUpload {
    let pool: CaseworkPool
    static let limit = 256 << 20

    func apply(_ request: Request, _ context: ServerContext) async throws -> Response {
        let person = try APIRoutes.person(context)
        _ = try QueryParameters(request, allowed: [])
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("safeguard-apply-\(UUID().uuidString).jsonl")
        guard FileManager.default.createFile(atPath: url.path, contents: nil, attributes: [.posixPermissions: 0o600]),
            let output = try? FileHandle(forWritingTo: url)
        else { throw Problem(WorkflowError.storage("cannot spool the upload to a temporary file; expected a writable temporary directory")) }
        defer { try? FileManager.default.removeItem(at: url) }
        var size = 0
        do {
            for try await chunk in request.body {
                size += chunk.readableBytes
                if size > Self.limit {
                    try? output.close()
                    throw Problem(status: .contentTooLarge, kind: "bad input", detail: "the upload is larger than \(Self.limit >> 20) MiB; expected it split into smaller files")
                }
                output.write(Data(chunk.readableBytesView))
            }
            try output.close()
        }
        let path = url.path
        let summary = try await pool.run(as: person.token) { casework throws(WorkflowError) in
            guard let input = FileHandle(forReadingAtPath: path) else { throw .storage("the spooled upload cannot be read back") }
            defer { try? input.close() }
            try Self.checkActors(path: path, person: person, casework: casework)
            var reader = LineReader(handle: input)
            let summary = try casework.apply(&reader, batchSize: 500, problem: { _, _, _ in }, progress: { _ in })
            return Box(summary)
        }.value
        if summary.lines > 0, summary.malformed == summary.lines {
            throw Problem(WorkflowError.badInput(
                "none of the \(summary.lines) line\(summary.lines == 1 ? " is" : "s is") a well-formed transition, so nothing was applied; expected JSON Lines, one transition a line, as 'safeguard apply' takes"))
        }
        return JSONResponse.make(.object([
            "lines": .integer(summary.lines), "applied": .integer(summary.applied), "skipped": .integer(summary.skipped),
            "refused": .integer(summary.refused), "malformed": .integer(summary.malformed),
            "problems": .array(summary.problems.map { .object(["line": .integer($0.line), "kind": .string($0.kind), "message": .string($0.message)]) }),
        ]))
    }

    /// Every well-formed line must be the authenticated person's own, on a case of their force;
    /// otherwise nothing is applied (the role each line names is checked against the register at
    /// the line's time as it is applied). Malformed lines are left for `apply` to report.
    static func checkActors(path: String, person: AuthenticatedPerson, casework: Casework) throws(WorkflowError) {
        guard let input = FileHandle(forReadingAtPath: path) else { throw .storage("the spooled upload cannot be read back") }
        defer { try? input.close() }
        var reader = LineReader(handle: input)
        var forces: [String: String] = [:]
        while let (bytes, tooLong) = reader.next() {
            guard !tooLong, case .success(let request) = ApplyLine.request(from: bytes) else { continue }
            guard request.actor.id == person.id else {
                throw .refused("line \(reader.number): the actor is not \(person.id); expected every line to be your own, so nothing was applied")
            }
            let force: String
            if let given = request.force { force = given } else if let known = forces[request.caseID] { force = known } else if let snapshot = try? casework.snapshot(request.caseID) {
                force = snapshot.force
            } else { force = DefaultWorkflow.nationalForce }
            forces[request.caseID] = force
            do throws(WorkflowError) { try APIRoutes.requireForce(person, force) } catch {
                throw .refused("line \(reader.number): \(error.message), so nothing was applied")
            }
        }
    }
}
