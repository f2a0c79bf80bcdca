import WorkflowCore

extension Checkpoint {
    /// The checkpoint with its MAC under `key`.
    public func signed(with key: ChainKey) -> Checkpoint {
        var copy = self
        copy.mac = key.mac(body)
        return copy
    }
}
