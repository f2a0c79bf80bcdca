import WorkflowCore

/// A hook's two arguments, the case and the event, as values, and their measured size (bytes,
/// nesting depth) checked against the sandbox's hook data limit before each push.
struct HookArguments {
    let tables: [Value]
    let size: (bytes: Int, depth: Int)
}
