import Crypto
import Foundation

/// HMAC-SHA-256 keyed once: the key's inner and outer blocks hashed when the key is read, so each
/// MAC hashes only its text (making the key and its blocks for every event was most of a MAC's
/// cost). Each use works on a copy: the hash states are copied before a copy is written to, so the
/// state kept here is never changed and may be shared between threads.
struct MACState: @unchecked Sendable {
    private let keyed: HMAC<SHA256>

    init(key bytes: [UInt8]) {
        keyed = HMAC<SHA256>(key: SymmetricKey(data: bytes))
    }

    /// The MAC of the text's UTF-8, as `HMAC<SHA256>.authenticationCode(for:using:)` gives it.
    func code(_ text: String) -> HMAC<SHA256>.MAC {
        var hmac = keyed
        var text = text
        text.withUTF8 { hmac.update(data: UnsafeRawBufferPointer($0)) }
        return hmac.finalize()
    }
}
