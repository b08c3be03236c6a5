import RouteSim

extension ResultStore {
    /// Records a run simulated elsewhere (``SessionRun``) with its events, as
    /// ``record(run:spec:level:since:simulate:)`` records one simulated here; returns its id.
    public func record(_ run: SessionRun) throws -> Int64 {
        var labels = RunLabels(spec: run.spec)
        labels.streams = run.streams
        labels.taskAttributes = run.taskAttributes
        return try record(run: run.info, spec: run.spec, labels: labels, sidSeed: run.sidSeed, level: .events) { sink in
            if let sink { run.rows.replay(into: sink) }
            return run.result
        }
    }
}
