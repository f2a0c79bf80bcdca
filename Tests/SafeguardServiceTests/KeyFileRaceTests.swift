import Foundation
import Synchronization
import Testing
import WorkflowCore
@testable import SafeguardService

/// Processes (here, threads) writing to a new store at once all end up with one key.
@Suite("The key file created by many writers at once")
struct KeyFileRaceTests {
    @Test func everyWriterReadsTheOneKeyThatWasCreated() throws {
        for _ in 0..<20 {
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("key-\(UUID().uuidString)").path
            let keys = Mutex<[String]>([])
            let failures = Mutex<[String]>([])
            DispatchQueue.concurrentPerform(iterations: 8) { _ in
                do throws(WorkflowError) {
                    let loaded = try KeyFile.load(path, create: true)
                    keys.withLock { $0.append(loaded?.current.hex ?? "none") }
                } catch {
                    failures.withLock { $0.append(error.message) }
                }
            }
            #expect(failures.withLock { $0 }.isEmpty, "\(failures.withLock { $0 })")
            #expect(Set(keys.withLock { $0 }).count == 1)
            let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
            #expect(mode == 0o600)
        }
    }
}
