/// One named series of a chart: its legend entry, colour and values.
///
/// Line and bar charts read `values` as y values at the chart's x positions, in order; a
/// nil value is a gap (nothing to divide by in that interval).
struct ChartSeries: Sendable {
    var name: String
    var color: String
    var values: [Double?]
    /// Drawn dashed (a line chart's second kind of series, e.g. reserved beside pending).
    var dashed = false
}
