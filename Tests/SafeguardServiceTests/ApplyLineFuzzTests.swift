import Foundation
import PropertyBased
import Testing
import WorkflowCore

@testable import SafeguardService

/// The JSON Lines decoder on arbitrary input: a request or one line of error, never a crash.
@Suite("Fuzz: the JSON Lines decoder")
struct ApplyLineFuzzTests {
    static let valid =
        #"{"id":"E1","case":"C1","workflow":"dvpo","force":"durham","event":"report_incident","at":"2026-01-05T22:10:00Z","actor":{"id":"PC1","role":"constable"},"data":{"violence":"used"}}"#

    @Test func arbitraryBytesGiveARequestOrOneLineOfError() async {
        await propertyCheck(count: 2000, input: Gen<UInt8>.uint8().array(of: 0...200)) { bytes in
            switch ApplyLine.request(from: Data(bytes)) {
            case .success(let request): #expect(Instant.parse(Instant.formatUTC(request.at)) != nil)
            case .failure(let error):
                #expect(error.kind == .badInput)
                #expect(!error.message.contains("\n"))
            }
        }
    }

    @Test func mutatedValidLinesGiveARequestOrOneLineOfError() async {
        let base = Array(Self.valid.utf8)
        await propertyCheck(count: 2000, input: Gen<Int>.int(in: 0...(base.count - 1)).array(of: 1...4), Gen<UInt8>.uint8()) { positions, byte in
            var bytes = base
            for position in positions { bytes[position] = byte }
            if case .failure(let error) = ApplyLine.request(from: Data(bytes)) {
                #expect(!error.message.contains("\n"))
                // The line's content never appears in the message (it may hold personal data).
                #expect(!error.message.contains("PC1"))
            }
        }
    }

    @Test func theValidLineDecodes() throws {
        let request = try ApplyLine.request(from: Data(Self.valid.utf8)).get()
        #expect(request.caseID == "C1")
        #expect(request.eventID == "E1")
        #expect(request.force == "durham")
        #expect(request.data == ["violence": "used"])
        #expect(request.at == Instant.parse("2026-01-05T22:10:00Z"))
    }
}
