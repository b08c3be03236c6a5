/// What one statistics request reads (``Twin/statisticsContext``): the workspace, the
/// checked query, the state now and the counts of the query's window.
struct TwinStatisticsContext {
    let space: TwinWorkspace
    let query: TwinStatisticsQuery
    /// Dates for the documents.
    let representation: TwinRepresentation
    let realtime: TwinRealtimeStatistics
    /// Nil for a real-time request, which shows no counts.
    private let counts: TwinCumulativeStatistics?

    init(
        space: TwinWorkspace, query: TwinStatisticsQuery, representation: TwinRepresentation,
        realtime: TwinRealtimeStatistics, cumulative: TwinCumulativeStatistics?
    ) {
        self.space = space
        self.query = query
        self.representation = representation
        self.realtime = realtime
        counts = cumulative
    }

    /// The window's counts; only asked for by requests that show them.
    var cumulative: TwinCumulativeStatistics {
        guard let counts else { preconditionFailure("a real-time request reads no counts") }
        return counts
    }
}
