/// What one statistics request reads (``Twin/statisticsContext``): the workspace, the
/// checked query, and the state now and the counts of the query's window, each made only
/// when the request shows it.
struct TwinStatisticsContext {
    let space: TwinWorkspace
    let query: TwinStatisticsQuery
    /// Dates for the documents.
    let representation: TwinRepresentation
    /// Nil for a cumulative request, which shows no state.
    let state: TwinRealtimeStatistics?
    /// Nil for a real-time request, which shows no counts.
    let counts: TwinCumulativeStatistics?

    /// The state now; only asked for by requests that show it.
    var realtime: TwinRealtimeStatistics {
        guard let state else { preconditionFailure("a cumulative request reads no real-time state") }
        return state
    }

    /// The window's counts; only asked for by requests that show them.
    var cumulative: TwinCumulativeStatistics {
        guard let counts else { preconditionFailure("a real-time request reads no counts") }
        return counts
    }
}
