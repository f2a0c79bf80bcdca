import Foundation
import SafeguardService
import WorkflowCore

/// A bounded pool of worker threads, each owning one `Casework` (and so its own Lua interpreters,
/// loaded per procedure version), over one shared store. Case work never runs on the server's event
/// loops: a request waits, without blocking a thread, for a free worker, whose thread then does the
/// blocking store and script work. No interpreter is ever used by two requests at once.
///
///     let pool = CaseworkPool(sharing: try Casework(configuration), workers: 4)
///     let document = try await pool.run { casework throws(WorkflowError) in try casework.show("C1") }
public final class CaseworkPool: @unchecked Sendable {
    /// One worker: a serial queue and the `Casework` only that queue touches.
    private final class Worker: @unchecked Sendable {
        let queue: DispatchQueue
        let casework: Casework
        init(index: Int, casework: Casework) {
            queue = DispatchQueue(label: "safeguard.worker.\(index)")
            self.casework = casework
        }
    }

    private let lock = NSLock()
    private var idle: [Worker]
    private var waiting: [CheckedContinuation<Worker, Never>] = []
    public let size: Int

    /// Workers sharing `first`'s store, record keys and key file; `first` is the first worker.
    public init(sharing first: Casework, workers: Int) {
        size = max(1, workers)
        idle = (0..<size).map { Worker(index: $0, casework: $0 == 0 ? first : Casework(sharing: first)) }
    }

    /// Runs `body` on a free worker's thread with that worker's `Casework`, as the holder of `token`
    /// when one is given (see `Casework.acting(as:_:)`): every write it makes is checked against the
    /// staff register as that person's.
    public func run<T: Sendable>(
        as token: String? = nil, _ body: @escaping @Sendable (Casework) throws(WorkflowError) -> T
    ) async throws(WorkflowError) -> T {
        let worker = await acquire()
        defer { release(worker) }
        let result: Result<T, WorkflowError> = await withCheckedContinuation { continuation in
            worker.queue.async {
                do throws(WorkflowError) {
                    let casework = worker.casework
                    let value = try casework.acting(as: token) { () throws(WorkflowError) in try body(casework) }
                    continuation.resume(returning: .success(value))
                } catch {
                    continuation.resume(returning: .failure(error))
                }
            }
        }
        return try result.get()
    }

    private func acquire() async -> Worker {
        await withCheckedContinuation { continuation in
            lock.lock()
            if let worker = idle.popLast() {
                lock.unlock()
                continuation.resume(returning: worker)
            } else {
                waiting.append(continuation)
                lock.unlock()
            }
        }
    }

    private func release(_ worker: Worker) {
        lock.lock()
        if waiting.isEmpty {
            idle.append(worker)
            lock.unlock()
        } else {
            let next = waiting.removeFirst()
            lock.unlock()
            next.resume(returning: worker)
        }
    }
}
