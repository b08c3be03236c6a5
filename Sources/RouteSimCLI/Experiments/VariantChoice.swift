import Foundation
import RouteSimScenario

/// A `--variant` of `routesim compare`: a name from the scenario's `variants:`, or a name
/// with its own overrides written inline, `NAME:KEY=VALUE;KEY=VALUE`.
struct VariantChoice {
    var name: String
    /// Inline overrides, nil when the variant comes from the scenario file.
    var inline: [Override]?

    /// Parses one `--variant` value.
    init(parsing text: String) throws {
        guard let colon = text.firstIndex(of: ":") else {
            name = text.trimmingCharacters(in: .whitespaces)
            inline = nil
            guard !name.isEmpty else { throw ExperimentError("--variant: expected a name, found an empty value") }
            return
        }
        name = String(text[..<colon]).trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else {
            throw ExperimentError("--variant '\(text)': expected NAME:KEY=VALUE;KEY=VALUE, found no name before ':'")
        }
        let assignments = text[text.index(after: colon)...].split(separator: ";").map { String($0).trimmingCharacters(in: .whitespaces) }
        do {
            inline = try assignments.filter { !$0.isEmpty }.map(Override.parse)
        } catch {
            throw ExperimentError("--variant '\(text)': expected NAME:KEY=VALUE;KEY=VALUE; \(error.errors.map(\.message).joined(separator: "; "))")
        }
    }

    /// The overrides of this variant: inline, or looked up in `variants`.
    func overrides(in variants: [ScenarioVariant], scenario: String) throws -> [Override] {
        if let inline { return inline }
        guard let variant = variants.first(where: { $0.name == name }) else {
            let known = variants.map(\.name)
            throw ExperimentError(
                "--variant \(name): \(scenario) has no such variant; expected "
                    + (known.isEmpty ? "NAME:KEY=VALUE;... (the file has no `variants:`)" : "one of \(known.joined(separator: ", ")) or NAME:KEY=VALUE;..."))
        }
        return variant.overrides
    }
}
