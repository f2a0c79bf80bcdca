import Crypto
import Foundation

/// The secret that keys the record: each event's and each register change's hash is
/// authenticated with HMAC-SHA-256 under it, stored beside the row as `<key id>:<mac>`. The key is
/// kept outside the database (a key file readable by its owner only), so whoever can edit the
/// database but not read the key cannot rewrite a row and recompute the chain unnoticed.
///
///     let key = ChainKey.generate()
///     let mac = key.mac("3f2a…")        // "a1b2c3d4e5f60718:9c…"
///     key.verifies(mac, "3f2a…")        // true
public struct ChainKey: Sendable, Equatable {
    private let bytes: [UInt8]
    private var key: SymmetricKey { SymmetricKey(data: bytes) }
    private let state: MACState
    /// 16 hex digits naming the key (from its SHA-256), never the key itself.
    public let id: String

    public init?(hex: String) {
        let digits = Array(hex.utf8)
        guard digits.count == 64 else { return nil }
        var bytes: [UInt8] = []
        for index in stride(from: 0, to: 64, by: 2) {
            guard let byte = UInt8(String(decoding: digits[index..<index + 2], as: UTF8.self), radix: 16) else { return nil }
            bytes.append(byte)
        }
        self.bytes = bytes
        state = MACState(key: bytes)
        id = String(SHA256.hash(data: bytes).hex.prefix(16))
    }

    /// A new random 256-bit key.
    public static func generate() -> ChainKey {
        ChainKey(hex: SymmetricKey(size: .bits256).withUnsafeBytes { Data($0).hexDigits })!
    }

    /// The key as 64 hex digits, for its file.
    public var hex: String { Data(bytes).hexDigits }

    /// `<key id>:<HMAC-SHA-256 of text, hex>`.
    public func mac(_ text: String) -> String {
        id + ":" + state.code(text).withUnsafeBytes { HexDigits.of($0) }
    }

    public func verifies(_ mac: String, _ text: String) -> Bool {
        let parts = mac.split(separator: ":", maxSplits: 1)
        guard parts.count == 2, parts[0] == id, let code = Data(hexDigits: String(parts[1])) else { return false }
        return HMAC<SHA256>.isValidAuthenticationCode(code, authenticating: Data(text.utf8), using: key)
    }

    public static func == (a: ChainKey, b: ChainKey) -> Bool { a.id == b.id }
}

extension Data {
    init?(hexDigits text: String) {
        guard let bytes = HexDigits.bytes(text) else { return nil }
        self.init(bytes)
    }
}
