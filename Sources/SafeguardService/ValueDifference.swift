import WorkflowCore

/// Where two values first differ, as a path: `data.order_days`, `deadlines[0].due`.
public enum ValueDifference {
    public static func first(_ a: Value, _ b: Value, path: String) -> String? {
        switch (a, b) {
        case (.object(let x), .object(let y)):
            for key in Set(x.keys).union(y.keys).sorted() {
                let next = path.isEmpty ? key : "\(path).\(key)"
                guard let left = x[key], let right = y[key] else { return next }
                if let found = first(left, right, path: next) { return found }
            }
            return nil
        case (.array(let x), .array(let y)):
            for index in 0..<max(x.count, y.count) {
                guard index < x.count, index < y.count else { return "\(path)[\(index)]" }
                if let found = first(x[index], y[index], path: "\(path)[\(index)]") { return found }
            }
            return nil
        default:
            return a == b ? nil : (path.isEmpty ? "the whole snapshot" : path)
        }
    }
}
