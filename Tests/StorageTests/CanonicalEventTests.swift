import Foundation
import Ledger
import PropertyBased
import Testing
import WorkflowCore

/// The event encoded once (`CanonicalEvent`) is byte for byte the canonical JSON of the whole
/// event, its columns are the canonical JSON of each part, and hashes and MACs keep their form:
/// the stored record must not change when the writer gets faster.
@Suite("Canonical event and hex digits")
struct CanonicalEventTests {
    static let fixed = RecordedEvent(
        sequence: 3, caseID: "C1", event: "grant_order", eventID: "E-1", from: "hearing", to: "order_in_force",
        at: Instant.parse("2026-05-23T09:00:00Z")!, recordedAt: Instant.parse("2026-05-23T09:00:01.5Z")!,
        actor: Actor(id: "PC1", role: "constable", authentication: "token", registerVersion: "v3"),
        data: ["violence": .string("used"), "note": .string("a \"quoted\" line\n")], changes: ["days": .integer(14)],
        guardsPassed: ["length", "s28"], procedure: "abc", tableVersion: "t1", engineVersion: "e1")

    /// Written out by hand, and its hash (SHA-256 of "prev", a newline and this text) by another tool.
    static let fixedText =
        #"{"actor":{"authentication":"token","id":"PC1","registerVersion":"v3","role":"constable"},"at":"2026-05-23T09:00:00.000Z","caseID":"C1","changes":{"days":14},"data":{"note":"a \"quoted\" line\n","violence":"used"},"engineVersion":"e1","event":"grant_order","eventID":"E-1","from":"hearing","guardsPassed":["length","s28"],"procedure":"abc","recordedAt":"2026-05-23T09:00:01.500Z","sequence":3,"tableVersion":"t1","to":"order_in_force"}"#

    @Test func aFixedEventEncodesAndHashesAsBefore() {
        let canonical = CanonicalEvent(Self.fixed)
        #expect(String(decoding: canonical.bytes, as: UTF8.self) == Self.fixedText)
        #expect(canonical.data == #"{"note":"a \"quoted\" line\n","violence":"used"}"#)
        #expect(canonical.changes == #"{"days":14}"#)
        #expect(canonical.guards == #"["length","s28"]"#)
        #expect(EventHash.of(Self.fixed, after: "prev") == "3fa053db90967bafd0c9667d86b974371a51021227b912ded1198f62aea43f65")
    }

    @Test func everyEventEncodesAsItsCanonicalValue() async {
        let text = CanonicalJSONProperties.text
        let optional = zip(Gen<Bool>.bool, text).map { present, text in present ? text : nil }
        let data = zip(text, CanonicalJSONProperties.scalars).array(of: 0...4).map { Dictionary($0, uniquingKeysWith: { first, _ in first }) }
        let instants = Gen<Int>.int(in: 0...4_000_000_000_000).map { Date(timeIntervalSince1970: Double($0) / 1000) }
        let actors = zip(text, optional, optional).map { id, authentication, version in
            Actor(id: id, role: "constable", authentication: authentication, registerVersion: version)
        }
        let events = zip(text, optional, optional, optional, data, data, instants, actors, text.array(of: 0...3)).map {
            id, eventID, from, tableVersion, data, changes, at, actor, guards in
            RecordedEvent(
                sequence: guards.count + 1, caseID: id, event: "e", eventID: eventID, from: from, to: "s", at: at, recordedAt: at,
                actor: actor, data: data, changes: changes, guardsPassed: guards, procedure: "p", tableVersion: tableVersion)
        }
        await propertyCheck(count: 500, input: events) { event in
            let canonical = CanonicalEvent(event)
            #expect(String(decoding: canonical.bytes, as: UTF8.self) == CanonicalJSON.text(event.canonicalValue))
            #expect(canonical.data == CanonicalJSON.text(.object(event.data)))
            #expect(canonical.changes == CanonicalJSON.text(.object(event.changes)))
            #expect(canonical.guards == CanonicalJSON.text(.array(event.guardsPassed.map(Value.string))))
        }
    }

    @Test func hexDigitsAreTwoLowerCaseDigitsAByte() {
        #expect(HexDigits.of([UInt8]()) == "")
        #expect(HexDigits.of([0x00, 0x0f, 0xa0, 0xff]) == "000fa0ff")
        let all = HexDigits.of((0...255).map(UInt8.init))
        #expect(all.count == 512)
        #expect(all.hasPrefix("000102030405060708090a0b0c0d0e0f10"))
        #expect(all.hasSuffix("f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff"))
    }

    /// A MAC and a token hash as another tool computes them (HMAC-SHA-256, SHA-256).
    @Test func macsAndTokenHashesKeepTheirForm() throws {
        let key = try #require(ChainKey(hex: "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"))
        #expect(key.mac("3f2a") == "630dcd2966c43366:cfcf2bc9aa0df82b4abf8e894ddd5a96b1ef19e8bd74093f652cec193fa7f2fd")
        #expect(key.verifies(key.mac("3f2a"), "3f2a"))
        #expect(key.hex == "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f")
        #expect(TokenHash.of("sg_token") == "00872daaac7af1eb559e2a369f644581a6996ca87d90460d10b6f53d0d07e245")
    }
}

extension CanonicalEventTests {
    /// A MAC is read as two hex digits a byte and nothing else: one whose digits were edited into
    /// another spelling of the same bytes (a sign, as `UInt8(_:radix:)` took) is not the MAC written.
    @Test func aMacIsReadAsHexDigitsOnly() throws {
        let key = try #require(ChainKey(hex: "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"))
        let mac = key.mac("3f2a")
        #expect(key.verifies(mac.uppercased().replacingOccurrences(of: key.id.uppercased(), with: key.id), "3f2a"))
        // The sixth byte is 0d; "+d" is what `UInt8("+d", radix: 16)` also reads as 13.
        let digits = String(mac.split(separator: ":")[1])
        #expect(digits.hasPrefix("cfcf2bc9aa0d"))
        let signed = "\(key.id):cfcf2bc9aa+d" + digits.dropFirst(12)
        #expect(!key.verifies(signed, "3f2a"))
        #expect(HexDigits.bytes("0fA0") == [0x0f, 0xa0])
        #expect(HexDigits.bytes("+f") == nil && HexDigits.bytes("abc") == nil && HexDigits.bytes("g0") == nil)
    }
}
