/// Bars per time span: side by side (one per series) or stacked.
struct BarChart: Sendable {
    /// How several series share a span.
    enum Layout: Sendable {
        case grouped, stacked
    }

    var frame: SVGChart
    /// Each position's span on the x axis (e.g. an interval's start and end, h).
    var spans: [ClosedRange<Double>]
    var series: [ChartSeries]
    var layout: Layout

    func render() -> String {
        var marks = ""
        for (position, span) in spans.enumerated() {
            let gap = frame.xSpan(span.upperBound - span.lowerBound) * 0.12
            let left = frame.x(span.lowerBound) + gap / 2
            let width = frame.x(span.upperBound) - frame.x(span.lowerBound) - gap
            var stackTop = 0.0
            for (index, bars) in series.enumerated() {
                guard let value = bars.values[position], value > 0 else { continue }
                let x: Double, barWidth: Double, from: Double, to: Double
                switch layout {
                case .grouped:
                    barWidth = width / Double(series.count)
                    x = left + Double(index) * barWidth
                    (from, to) = (0, value)
                case .stacked:
                    barWidth = width
                    x = left
                    (from, to) = (stackTop, stackTop + value)
                    stackTop = to
                }
                let top = frame.y(to)
                marks += """
                    <rect x="\(SVGChart.n(x))" y="\(SVGChart.n(top))" width="\(SVGChart.n(barWidth))" \
                    height="\(SVGChart.n(frame.y(from) - top))" fill="\(bars.color)"/>

                    """
            }
        }
        return frame.render(marks: marks)
    }
}
