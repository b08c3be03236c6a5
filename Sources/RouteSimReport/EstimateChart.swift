/// One KPI across groups of runs: the mean as a dot with its 95 % confidence interval as
/// an error bar, labelled with the mean.
///
/// A group of one replication has no interval and gets a dot alone.
struct EstimateChart: Sendable {
    var frame: SVGChart
    /// Per category (x position 0, 1, …): mean, interval ends (nil when infinite), colour.
    var points: [(mean: Double, low: Double?, high: Double?, color: String)]
    /// The KPI's format, for the label printed beside each mean.
    var format: KPIFormat

    func render() -> String {
        var marks = ""
        for (index, point) in points.enumerated() {
            let px = frame.x(Double(index))
            if let low = point.low, let high = point.high {
                let top = frame.y(high), bottom = frame.y(low)
                marks += """
                    <line x1="\(SVGChart.n(px))" x2="\(SVGChart.n(px))" y1="\(SVGChart.n(top))" y2="\(SVGChart.n(bottom))" stroke="\(point.color)" stroke-width="2"/>
                    <line x1="\(SVGChart.n(px - 8))" x2="\(SVGChart.n(px + 8))" y1="\(SVGChart.n(top))" y2="\(SVGChart.n(top))" stroke="\(point.color)" stroke-width="2"/>
                    <line x1="\(SVGChart.n(px - 8))" x2="\(SVGChart.n(px + 8))" y1="\(SVGChart.n(bottom))" y2="\(SVGChart.n(bottom))" stroke="\(point.color)" stroke-width="2"/>

                    """
            }
            let py = frame.y(point.mean)
            marks += """
                <circle cx="\(SVGChart.n(px))" cy="\(SVGChart.n(py))" r="4.5" fill="\(point.color)"/>
                <text x="\(SVGChart.n(px + 12))" y="\(SVGChart.n(py + 4))" fill="#222">\(SVGChart.escape(format.text(point.mean)))</text>

                """
        }
        return frame.render(marks: marks)
    }
}
