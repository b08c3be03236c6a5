import RouteSim

/// Reads TaskRouter attributes (of a worker group or an arrival stream): a map, or a
/// string of JSON as TaskRouter's API takes them, into an ``AttributeValue`` object.
///
/// TaskRouter's limit of 4,096 characters applies to the compact JSON text.
enum AttributesReader {
    /// TaskRouter's limit on the JSON text of worker and task attributes.
    static let maxLength = 4096

    /// The attributes object; nil (with the problem reported) when `field` is not a map.
    static func read(_ field: Field) -> AttributeValue? {
        guard let parsed = field.parsedIfString() else { return nil }
        guard case .mapping = parsed.node.content else {
            parsed.report(.expected("a map of attributes (or a JSON object string)", found: parsed.node.found))
            return nil
        }
        guard let attributes = value(parsed) else { return nil }
        let length = attributes.jsonText.count
        guard length <= maxLength else {
            field.report(.expected(
                "attributes of at most \(maxLength) characters of JSON", found: "\(length) characters"))
            return nil
        }
        return attributes
    }

    /// Any node as an attribute value; YAML numbers become `.number`.
    private static func value(_ field: Field) -> AttributeValue? {
        switch field.node.content {
        case .scalar(let scalar):
            switch scalar.kind {
            case .null: return .null
            case .bool: return field.bool().map(AttributeValue.bool)
            case .int, .float: return field.number(expected: "a finite number").map(AttributeValue.number)
            case .string: return .string(scalar.text)
            }
        case .sequence:
            let values = (field.items() ?? []).map(value)
            return values.contains { $0 == nil } ? nil : .array(values.compactMap { $0 })
        case .mapping:
            var object: [String: AttributeValue] = [:]
            var complete = true
            for (key, child) in field.entries(expected: "a map") ?? [] {
                if let converted = value(child) { object[key] = converted } else { complete = false }
            }
            return complete ? .object(object) : nil
        }
    }
}
