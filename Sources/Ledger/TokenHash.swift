import Crypto
import Foundation

/// Personal tokens: 256 random bits from swift-crypto, given to their holder once and stored only
/// as their SHA-256. Tokens are random, not chosen by people, so a plain hash is enough (there is
/// no dictionary to guess from it, and no need for a slow password hash).
public enum TokenHash {
    /// A new token, `sg_` and 64 hex digits.
    public static func newToken() -> String {
        "sg_" + SymmetricKey(size: .bits256).withUnsafeBytes { bytes in Data(bytes).hexDigits }
    }

    /// The hash a token is stored as: SHA-256, 64 hex digits.
    public static func of(_ token: String) -> String { SHA256.hash(data: Data(token.utf8)).hex }
}

extension Data {
    var hexDigits: String { HexDigits.of(self) }
}
