import Foundation
import HTTPTypes

/// The methods each documented path takes, read from the OpenAPI document, so a request with
/// another method on a known path is answered 405 with `Allow`, not 404.
enum AllowedMethods {
    static let routes: [(segments: [String], methods: [String])] = {
        guard let document = try? JSONSerialization.jsonObject(with: Data(OpenAPIDocument.json.utf8)) as? [String: Any],
            let paths = document["paths"] as? [String: [String: Any]]
        else { return [] }
        return paths.map { path, operations in
            (path.split(separator: "/").map(String.init), operations.keys.map { $0.uppercased() }.sorted())
        }
    }()

    /// The methods the path takes, or nil when no documented path matches it.
    static func of(_ path: String) -> [String]? {
        let segments = path.split(separator: "/").map(String.init)
        let matching = routes.filter { route in
            route.segments.count == segments.count
                && zip(route.segments, segments).allSatisfy { template, segment in template.hasPrefix("{") || template == segment }
        }
        guard !matching.isEmpty else { return nil }
        return Array(Set(matching.flatMap(\.methods))).sorted()
    }
}
