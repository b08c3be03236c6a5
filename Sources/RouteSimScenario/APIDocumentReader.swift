import Foundation
import RouteSim

/// Reads the JSON documents TaskRouter's API takes as form values (a worker's `Attributes`,
/// a workflow's `Configuration`) with the readers and rules of scenario files, for the twin.
///
/// A problem is reported as in a scenario, placed in the value: `Configuration:1:40:
/// task_routing.filters[0].targets[0].queue: unknown queue "WQ…"; expected one of: …`.
public enum APIDocumentReader {
    /// The attributes object in `text` (at most 4,096 characters of JSON); `parameter` names
    /// the value in messages.
    public static func attributes(_ text: String, parameter: String) throws(ScenarioErrors) -> AttributeValue {
        let (field, diagnostics) = try document(text, parameter: parameter)
        guard let attributes = AttributesReader.read(field), diagnostics.isEmpty else {
            throw ScenarioErrors(errors: diagnostics.errors)
        }
        return attributes
    }

    /// The filters and default filter of the workflow configuration in `text`; queues are
    /// named by friendly name or SID and resolve to their index in `queues`.
    public static func workflowConfiguration(
        _ text: String, queues: [(friendlyName: String, sid: String)]
    ) throws(ScenarioErrors) -> (filters: [WorkflowFilter], defaultFilter: WorkflowTarget?) {
        let (field, diagnostics) = try document(text, parameter: "Configuration")
        var table = NameTable(kind: "queue")
        for queue in queues { table.append(name: queue.friendlyName, sid: queue.sid) }
        guard let routing = WorkflowConfigurationReader.read(field, queues: table), diagnostics.isEmpty else {
            throw ScenarioErrors(errors: diagnostics.errors)
        }
        return routing
    }

    /// The parsed document of `text`, and the diagnostics its readers report to. The text
    /// must be JSON: the composer reads YAML, of which JSON is a part, and would take
    /// `a: 1` or `{'a': yes}` too.
    private static func document(_ text: String, parameter: String) throws(ScenarioErrors) -> (Field, Diagnostics) {
        let diagnostics = Diagnostics(file: parameter, text: text)
        if !text.allSatisfy(\.isWhitespace) {
            do {
                _ = try JSONSerialization.jsonObject(with: Data(text.utf8))
            } catch {
                let reason = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
                diagnostics.report(
                    .expected("JSON", found: "text that is not JSON (\(reason))"), at: .file(parameter, line: 1, column: 1), path: .root)
                throw ScenarioErrors(errors: diagnostics.errors)
            }
        }
        let node: DocumentNode?
        do {
            node = try DocumentComposer.compose(text) { .file(parameter, line: $0, column: $1) }
        } catch {
            diagnostics.report(.syntax(error), at: .file(parameter, line: error.line, column: error.column), path: .root)
            throw ScenarioErrors(errors: diagnostics.errors)
        }
        guard let node else {
            diagnostics.report(.expected("a JSON object", found: "an empty value"), at: .file(parameter, line: 1, column: 1), path: .root)
            throw ScenarioErrors(errors: diagnostics.errors)
        }
        return (Field(node: node, path: .root, diagnostics: diagnostics), diagnostics)
    }
}
