import Crypto

extension SHA256.Digest {
    /// The digest as 64 lower-case hex digits.
    var hex: String {
        map { byte in
            let digits = String(byte, radix: 16)
            return byte < 16 ? "0" + digits : digits
        }.joined()
    }
}
