import Foundation
import Logging
import SafeguardService
import ServiceLifecycle
import WorkflowCore

/// The engine's clock while serving: every `interval`, fires what the clocks make due — the same
/// `Casework.tick` as `safeguard tick`, idempotent (each clock's event id is made from its case,
/// clock and start), so several servers on one store fire each deadline once. A missed statutory
/// deadline is logged at `warning` with its case id, clock and due time, and nothing personal,
/// so a force can alert on `missed statutory deadline`.
public struct ClockTimer: Service {
    let pool: CaseworkPool
    let interval: Duration
    let clock: @Sendable () -> Date
    let logger: Logger

    public init(pool: CaseworkPool, interval: Duration = .seconds(60), clock: @escaping @Sendable () -> Date, logger: Logger) {
        self.pool = pool
        self.interval = interval
        self.clock = clock
        self.logger = logger
    }

    public func run() async throws {
        try await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                await tickOnce()
                try? await Task.sleep(for: interval)
            }
        }
    }

    /// One tick at the clock's time; returns how many events it recorded.
    @discardableResult
    public func tickOnce() async -> Int {
        let now = clock()
        let results: Box<[Casework.TickResult]>
        do {
            results = try await pool.run { casework throws(WorkflowError) in Box(try casework.tick(at: now, force: nil)) }
        } catch {
            logger.error("tick failed", metadata: ["kind": "\(error.kind.rawValue)"])
            return 0
        }
        var fired = 0
        for result in results.value {
            let deadline = result.deadline
            let where_: Logger.Metadata = ["case": "\(deadline.caseID)", "clock": "\(deadline.clock)", "due": "\(Instant.formatUTC(deadline.due))"]
            switch result.outcome {
            case .success(.recorded(let event, let snapshot)):
                fired += 1
                let missed = snapshot.deadlines.contains { $0.clock == deadline.clock && $0.startedAt == deadline.startedAt && $0.status == .missed }
                if missed {
                    logger.warning("missed statutory deadline", metadata: where_.merging(["event": "\(event.event)"]) { a, _ in a })
                } else {
                    logger.info("clock fired", metadata: where_.merging(["event": "\(event.event)"]) { a, _ in a })
                }
            case .success(.alreadyRecorded):
                continue
            case .failure where result.skipped != nil:
                continue
            case .failure(let error):
                logger.error("clock could not fire", metadata: where_.merging(["kind": "\(error.kind.rawValue)"]) { a, _ in a })
            }
        }
        return fired
    }
}
