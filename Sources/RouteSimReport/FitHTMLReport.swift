import RouteSim

/// The HTML page of `routesim fit --html`: the terminal report, then per stream the charts
/// that show whether the fit is right.
///
/// Arrivals: each day's calls per interval and the fitted profile with its 95 % interval.
/// Handle time and wrap-up: the empirical CDF against each family's fitted CDF. Patience: the
/// Kaplan–Meier survival against each family's fitted survival, and the naive survival (of
/// the hung-up callers only) that ignoring censoring would give.
public struct FitHTMLReport: Sendable {
    /// The history's path, shown in the heading.
    public var history: String
    /// The terminal report, shown as it is.
    public var text: String
    public var fit: HistoryFit

    public init(history: String, text: String, fit: HistoryFit) {
        self.history = history
        self.text = text
        self.fit = fit
    }

    /// Points along the x axis of a distribution chart.
    static let points = 80

    public func render() -> String {
        var body = "<h1>routesim fit: \(SVGChart.escape(history))</h1>\n<pre>\(SVGChart.escape(text))</pre>\n"
        for stream in fit.streams {
            body += "<h2>Stream \(SVGChart.escape(stream.name))</h2>\n<div class=\"charts\">\n"
            body += arrivals(stream)
            body += distribution("Handle time", data: stream.handle, fits: stream.handleFits)
            if let wrapup = stream.wrapup { body += distribution("Wrap-up", data: wrapup, fits: stream.wrapupFits) }
            body += patience(stream)
            body += "</div>\n"
        }
        return HTMLReport.page(title: "routesim fit: " + history, body: body)
    }

    /// Each day's calls per interval, and the fitted profile with its interval.
    private func arrivals(_ stream: StreamFit) -> String {
        let start = Double(fit.firstInterval) * fit.interval
        let xs = stream.volumes.indices.map { (start + (Double($0) + 0.5) * fit.interval) / 3600 }
        var series = stream.dayCounts.enumerated().map { day, counts in
            ChartSeries(name: day == 0 ? "each day" : "", color: "#bbbbbb", values: counts.map(Double.init))
        }
        series += [
            ChartSeries(name: "fitted profile (mean)", color: ChartPalette.color(0), values: stream.volumes.map(\.value)),
            ChartSeries(name: "95 % CI", color: ChartPalette.color(1), values: stream.volumes.map { max($0.low, 0) }, dashed: true),
            ChartSeries(name: "", color: ChartPalette.color(1), values: stream.volumes.map(\.high), dashed: true),
        ]
        let axis = Axis.hours(from: start, to: start + Double(stream.volumes.count) * fit.interval)
        let frame = SVGChart(
            title: "Calls per interval", x: Axis(low: axis.low, high: axis.high, ticks: axis.ticks, title: "hour of the day"),
            y: Axis.linear(over: series.flatMap(\.values).compactMap { $0 }, integers: true, title: "calls"), legend: series)
        return HTMLReport.figure(
            LineChart(frame: frame, xs: xs, series: series).render(),
            caption: "Each day's calls per interval (grey) and the profile the scenario uses: their mean, with its 95 % interval.")
    }

    /// The empirical CDF of `data` against each fitted family's CDF.
    private func distribution(_ title: String, data: DurationFitter, fits: [DurationFit]) -> String {
        guard let top = data.quantiles(100).last, top > 0 else { return "" }
        let xs = (0...Self.points).map { top * Double($0) / Double(Self.points) }
        // Kaplan–Meier with nothing censored is the empirical distribution.
        let empiricalSurvival = KaplanMeier(abandoned: data.sorted, censored: [])
        let empirical = xs.map { 1 - empiricalSurvival.survival(at: $0) }
        var series = [ChartSeries(name: "data (empirical CDF)", color: "#222222", values: empirical)]
        for (index, fit) in fits.enumerated() {
            series.append(ChartSeries(
                name: fit.family.rawValue + (fit.family == DurationFit.best(fits)?.family ? " (chosen)" : ""),
                color: ChartPalette.color(index), values: xs.map { fit.cdf($0) }, dashed: true))
        }
        return chart(title: "\(title): data against the fits", xs: xs, series: series, y: "P(duration ≤ x)",
                     caption: "The share of values at most x, in the data and in each fitted family (AIC chooses).")
    }

    /// Kaplan–Meier survival against each fitted survival and the naive one.
    private func patience(_ stream: StreamFit) -> String {
        let km = stream.kaplanMeier
        guard let last = km.steps.last?.time, last > 0 else { return "" }
        let xs = (0...Self.points).map { last * Double($0) / Double(Self.points) }
        let naive = KaplanMeier(abandoned: stream.patience.abandoned, censored: [])
        var series = [
            ChartSeries(name: "Kaplan-Meier", color: "#222222", values: xs.map { km.survival(at: $0) }),
            ChartSeries(name: "naive (hung-up callers only)", color: "#999999",
                        values: xs.map { naive.survival(at: $0) }),
        ]
        for (index, fit) in stream.patienceFits.enumerated() {
            series.append(ChartSeries(
                name: fit.family.rawValue + (fit.family == DurationFit.best(stream.patienceFits)?.family ? " (chosen)" : ""),
                color: ChartPalette.color(index), values: xs.map { 1 - fit.cdf($0) }, dashed: true))
        }
        return chart(title: "Patience: survival", xs: xs, series: series, y: "P(patience > x)",
                     caption: "The chance a caller is still willing to wait after x: Kaplan-Meier (answered callers censor it), "
                        + "each censored fit, and the naive curve of the hung-up callers alone, far too short.")
    }

    /// A line chart of seconds against a probability.
    private func chart(title: String, xs: [Double], series: [ChartSeries], y: String, caption: String) -> String {
        let frame = SVGChart(
            title: title, x: Axis.linear(over: xs, title: "seconds"), y: Axis.fraction(title: y), legend: series)
        return HTMLReport.figure(LineChart(frame: frame, xs: xs, series: series).render(), caption: caption)
    }
}
