import Crypto

extension SHA256.Digest {
    /// The digest as 64 lower-case hex digits.
    var hex: String { withUnsafeBytes { HexDigits.of($0) } }
}
