import ArgumentParser
import Foundation
import SafeguardServer
import SafeguardService
import WorkflowCore

/// `safeguard serve`: the HTTP API, the pages and the engine's clock, until SIGTERM or SIGINT.
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the JSON API (/openapi.json), the pages (/ui) and the engine's clock over the store.",
        discussion: """
            Who may act is the store's staff register, as for every other command: every request but /health and /openapi.json needs the person's own token from 'safeguard staff token' (Authorization: Bearer TOKEN for the API; the sign-in page for /ui). The actor of every write is the token's holder, in a role the register gave them at the event's time (a request body may name a role they held, never an actor); a retired person's token, or one since replaced, is refused. Five bad tokens from one address lock it out for 15 minutes (behind a reverse proxy, name it with --trusted-proxy so the client's own address is counted). A store with no staff register is refused: set it up first with 'safeguard init' and 'safeguard staff add'.

            While serving, what the clocks make due is fired every --tick-interval seconds (the same work as 'safeguard tick', safe with several servers on one store); a missed statutory deadline is logged as "missed statutory deadline" with its case id, clock and due time.

            Listens on 127.0.0.1 by default and speaks plain HTTP: put TLS in a reverse proxy in front of it (the session cookie is Secure, so the pages need HTTPS, or a browser on the same machine).

            Example:  safeguard serve --db cases.sqlite --port 8080
            """)

    @OptionGroup var global: GlobalOptions

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on (0 picks a free one, printed at start).")
    var port = 8080

    @Option(
        name: .customLong("trusted-proxy"),
        help: ArgumentHelp(
            "The address of a reverse proxy in front of the server, whose X-Forwarded-For names the client bad tokens are counted against; repeat for each.",
            valueName: "address"))
    var trustedProxies: [String] = []

    @Option(help: "Worker threads for case work, each with its own Lua interpreters (default: the processor count, at least 2).")
    var workers: Int?

    @Option(help: ArgumentHelp("Seconds between the engine clock's ticks; 0 for none.", valueName: "seconds"))
    var tickInterval = 60

    func run() throws {
        let server = try Self.reportingValue { () throws(WorkflowError) in
            guard (0...65535).contains(port) else { throw .badInput("--port \(port) is not a port; expected 0 to 65535") }
            guard tickInterval >= 0 else { throw .badInput("--tick-interval \(tickInterval) is negative; expected seconds, or 0 for none") }
            var options = ServerOptions(
                host: host, port: port, tickInterval: tickInterval == 0 ? nil : .seconds(tickInterval), trustedProxies: Set(trustedProxies))
            if let workers {
                guard (1...256).contains(workers) else { throw .badInput("--workers \(workers) is out of range; expected 1 to 256") }
                options.workers = workers
            }
            return try SafeguardServer(try global.configuration(), options: options)
        }
        let done = DispatchSemaphore(value: 0)
        let failure = FailureBox()
        Task {
            do {
                try await server.run { port in
                    FileHandle.standardOutput.write(Data("safeguard serving on http://\(server.options.host):\(port) (API: /openapi.json, pages: /ui)\n".utf8))
                }
            } catch {
                failure.error = error
            }
            done.signal()
        }
        done.wait()
        if let error = failure.error {
            // Most often the address: a port already in use, or a host this machine does not have.
            FileHandle.standardError.write(Data("safeguard: bad input: cannot serve on \(host):\(port) (\(error)); expected a free --port and a --host of this machine\n".utf8))
            throw ExitCode(ExitStatus.code(for: .badInput))
        }
    }

    static func reportingValue<T>(_ body: () throws(WorkflowError) -> T) throws -> T {
        do throws(WorkflowError) { return try body() } catch { throw Failure.report(error) }
    }

    /// The server task's error, read after it has finished.
    final class FailureBox: @unchecked Sendable {
        var error: (any Error)?
    }
}
