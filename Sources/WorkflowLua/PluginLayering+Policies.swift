import WorkflowCore

extension PluginLayering {
    /// Checks every policy's value against its type and the statutory limit it must stay within,
    /// and gives clocks that read a policy their hours.
    mutating func resolvePolicies(_ plugins: [PluginInfo]) {
        for policy in definition.policies {
            findings.collect { () throws(WorkflowError) in try check(policy) }
        }
        for (offset, clock) in pieces.clocks.enumerated() {
            findings.collect { () throws(WorkflowError) in try resolveHours(of: clock, at: pieces.clocks[offset].location) }
        }
    }

    private func check(_ policy: PolicyDefinition) throws(WorkflowError) {
        let location = policy.setAt ?? policy.location
        guard policy.type.accepts(policy.value) else {
            throw .script("policy \(policy.name) of plugin \(policy.plugin) must be \(policy.type.description); got \(policy.value.kindName)", at: location)
        }
        guard let limitName = policy.within else { return }
        guard let limit = definition.limits.first(where: { $0.name == limitName }) else {
            throw .script(
                "policy \(policy.name) is within unknown limit \"\(limitName)\"; expected one of: \(definition.limits.map(\.name).joined(separator: ", "))",
                at: policy.location)
        }
        for number in policy.type.numbers(in: policy.value) where number < limit.min || number > limit.max {
            throw .script(
                "policy \(policy.name) of plugin \(policy.plugin) allows \(Self.format(number)); the statute allows \(Self.format(limit.min)) to \(Self.format(limit.max)) (\(limit.rule); statutory floor, \(limit.location))",
                at: location
            )
        }
    }

    private mutating func resolveHours(of clock: DeclaredPieces.Tagged<(ClockDefinition, String?)>, at location: SourceLocation) throws(WorkflowError) {
        guard let policyName = clock.piece.1, let index = definition.clocks.firstIndex(where: { $0.name == clock.piece.0.name }) else { return }
        guard let policy = definition.policies.first(where: { $0.name == policyName }), let hours = policy.value.integerValue, hours > 0 else {
            throw .script(
                "clock \(clock.piece.0.name) reads its hours from policy \"\(policyName)\"; expected a whole-number policy of an active plugin", at: location)
        }
        switch definition.clocks[index].rule {
        case .elapsed: definition.clocks[index].rule = .elapsed(hours: hours)
        case .countedHours(var rule):
            rule.hours = hours
            definition.clocks[index].rule = .countedHours(rule)
        case .orderPeriod, .calendarDays, .untilDate, .workingDays: break
        }
    }

    static func format(_ number: Double) -> String {
        number.rounded() == number ? String(Int(number)) : String(number)
    }
}
