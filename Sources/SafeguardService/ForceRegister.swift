import Foundation
import WorkflowCore

/// The police forces a case may belong to: the 43 territorial forces of England and Wales plus
/// British Transport Police and Ministry of Defence Police, read from `Forces/england-and-wales.json`
/// in the scripts folder (the shipped one when the folder has none). A force without a plugin
/// runs the national procedure; a name not in the register is refused, with the nearest id.
///
///     {"version": "ew-forces-2026-11", "forces": [{"id": "essex", "name": "Essex Police", "kind": "territorial"}, …]}
public struct ForceRegister: Sendable, Decodable {
    public struct Force: Sendable, Decodable, Hashable {
        /// The id cases, plugins' `forces` and `--force` use: lower_snake (`greater_manchester`).
        public var id: String
        public var name: String
        /// `territorial`, or `special` for the national forces (British Transport Police, MoD Police).
        public var kind: String
    }

    public var version: String
    public var forces: [Force]

    /// The register's path inside a scripts folder.
    public static let path = "Forces/england-and-wales.json"

    /// The ids a case may name: every force's, and `national` for the national procedure alone.
    public var ids: [String] { forces.map(\.id) + [DefaultWorkflow.nationalForce] }

    /// Reads the register from the scripts folder, else from the shipped scripts.
    public static func load(_ configuration: Configuration) throws(WorkflowError) -> ForceRegister {
        var file = try configuration.scriptFolder().appendingPathComponent(path)
        if !FileManager.default.fileExists(atPath: file.path) {
            file = try ScriptLocator.locate(explicit: nil).appendingPathComponent(path)
        }
        let register: ForceRegister
        do {
            register = try JSONDecoder().decode(ForceRegister.self, from: Data(contentsOf: file))
        } catch {
            throw .script("\(path): cannot be read as the forces register; expected {\"version\", \"forces\": [{\"id\", \"name\", \"kind\"}]}")
        }
        var seen: Set<String> = []
        for force in register.forces {
            guard Self.isID(force.id), seen.insert(force.id).inserted else {
                throw .script("\(path): force id \"\(force.id)\" is repeated or not lower_snake; expected each id once, in lower-case letters, digits and _")
            }
        }
        return register
    }

    /// The id, checked: an unknown force is bad input naming the nearest id.
    public func check(_ force: String) throws(WorkflowError) -> String {
        if ids.contains(force) { return force }
        throw .badInput(
            "unknown force \(Self.shown(force))\(NearestName.didYouMean(force, among: ids)); expected a force id from \(Self.path) (see 'safeguard forces --all')"
        )
    }

    /// A rejected name in quotes when it is one word (`"surey"`, `"Surrey"`), else `given`: text
    /// with spaces or other characters may be a person's name or address typed in the wrong place.
    static func shown(_ text: String) -> String {
        let word =
            !text.isEmpty && text.count <= 40
            && text.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || $0.properties.numericType != nil || "-_".unicodeScalars.contains($0) }
        return word ? "\"\(text)\"" : "given"
    }

    static func isID(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 64 && text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }
}
