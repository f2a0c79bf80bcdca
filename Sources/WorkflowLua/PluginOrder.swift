import WorkflowCore

/// The order plugins are layered in: by `order`, ties broken by name, then moved so that every
/// plugin comes after those it names in `after`. Always the same for the same scripts.
enum PluginOrder {
    static func sorted(_ plugins: [PluginInfo], known: Set<String>) throws(WorkflowError) -> [PluginInfo] {
        for plugin in plugins {
            for name in plugin.after where !known.contains(name) {
                throw .script(
                    "plugin \(plugin.name) comes after unknown plugin \"\(name)\"; expected one of: \(known.sorted().joined(separator: ", "))",
                    at: plugin.location)
            }
        }
        var remaining = plugins.sorted { ($0.order, $0.name) < ($1.order, $1.name) }
        var result: [PluginInfo] = []
        while !remaining.isEmpty {
            let placed = Set(result.map(\.name))
            let waiting = Set(remaining.map(\.name))
            guard let index = remaining.firstIndex(where: { $0.after.allSatisfy { placed.contains($0) || !waiting.contains($0) } }) else {
                let names = remaining.map(\.name).joined(separator: ", ")
                throw .script("plugins \(names) each wait to come after another; expected after = {...} without a cycle", at: remaining[0].location)
            }
            result.append(remaining.remove(at: index))
        }
        return result
    }

    /// Whether `later` declared that it comes after `earlier`, so its changes win.
    static func precedes(_ earlier: String, _ later: PluginInfo) -> Bool { later.after.contains(earlier) }
}
