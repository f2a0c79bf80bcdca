/// The keys a store authenticates its record with: the current one signs what is written now,
/// earlier ones (kept after a rotation) still check what they signed.
public struct ChainKeys: Sendable, Equatable {
    public var current: ChainKey
    public var earlier: [ChainKey]

    public init(current: ChainKey, earlier: [ChainKey] = []) {
        self.current = current
        self.earlier = earlier
    }

    /// The key named by a MAC's id, if it is one of these.
    public func key(for mac: String) -> ChainKey? {
        let id = mac.prefix { $0 != ":" }
        return ([current] + earlier).first { $0.id == id }
    }

    /// Why a stored MAC does not authenticate `hash`, or nil when it does.
    public func problem(mac: String?, hash: String) -> String? {
        guard let mac, !mac.isEmpty else {
            return "it carries no MAC under the record's key; it was written behind the engine's back"
        }
        guard let key = key(for: mac) else {
            // The id is quoted only when it is one (hex digits): never what someone wrote into the column.
            let id = mac.prefix { $0 != ":" }.prefix(16)
            guard !id.isEmpty, id.allSatisfy({ $0.isASCII && $0.isHexDigit }) else {
                return "its MAC is not in the form the engine writes (a key id, then the MAC); it was written behind the engine's back"
            }
            return "its MAC is under key \(id), which this verify was not given; expected the key file it was written with"
        }
        return key.verifies(mac, hash) ? nil : "its MAC does not match its hash; it was rewritten behind the engine's back"
    }
}
