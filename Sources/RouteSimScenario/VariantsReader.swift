/// Reads `variants:`, named sets of overrides for compare and sweep:
/// `{<name>: {<dotted key>: value, ...}}`.
///
/// Only the shape is checked here: the keys are dotted paths and values any YAML. A
/// variant is applied by passing its overrides to ``ScenarioLoader``, which validates the
/// result like any other override.
enum VariantsReader {
    /// The variants in file order.
    static func read(_ field: Field?) -> [ScenarioVariant] {
        guard let field else { return [] }
        var variants: [ScenarioVariant] = []
        for (name, variantField) in field.entries(expected: "a map of variant name to overrides") ?? [] {
            guard let settings = variantField.entries(expected: "a map of dotted key to value") else { continue }
            var overrides: [Override] = []
            for (key, valueField) in settings {
                guard Override.isValidKeyPath(key) else {
                    valueField.report(.expected("a dotted key path such as workers.english.count", found: "\"\(key)\""))
                    continue
                }
                overrides.append(Override(keyPath: key, value: valueField.node.yamlText))
            }
            variants.append(ScenarioVariant(name: name, overrides: overrides))
        }
        return variants
    }
}
