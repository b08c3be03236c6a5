import RouteSim

/// Reads `api_tasks:`, how long synthetic agents work the tasks an application creates
/// through `routesim serve`'s REST API: `{<channel unique name>: {handle_time, wrapup_time}}`.
///
/// A channel left out takes the times of the first arrival stream on it
/// (``SimulationSpec/apiWork(channel:)``); a batch run never reads the key.
enum APITasksReader {
    /// Work per channel, indexed like the channels; nil where the scenario says nothing.
    static func read(_ field: Field?, channels: NameTable) -> [APITaskWork?] {
        var work = [APITaskWork?](repeating: nil, count: channels.names.count)
        guard let field else { return work }
        for (key, channelField) in field.entries(expected: "a map of channel unique name to {handle_time, wrapup_time}") ?? [] {
            guard let map = channelField.mapping(keys: ["handle_time", "wrapup_time"]) else { continue }
            let handle = map.required("handle_time").flatMap(DistributionReader.read)
            let wrapup = map.optional("wrapup_time").flatMap(DistributionReader.read)
            guard let index = channels.index(of: key) else {
                if channels.complete {
                    channelField.report(.unknownName(kind: "task channel", name: key, expected: channels.names))
                }
                continue
            }
            if let handle { work[index] = APITaskWork(handleTime: handle, wrapupTime: wrapup) }
        }
        return work
    }
}
