/// Series over time as lines with a dot per value, broken where a value is missing.
struct LineChart: Sendable {
    var frame: SVGChart
    /// The x value of each position of the series' values (e.g. interval midpoints, h).
    var xs: [Double]
    var series: [ChartSeries]

    func render() -> String {
        var marks = ""
        for line in series {
            let dash = line.dashed ? " stroke-dasharray=\"5 3\"" : ""
            var run: [String] = []
            func flush() {
                if run.count > 1 {
                    marks += "<polyline fill=\"none\" stroke=\"\(line.color)\" stroke-width=\"2\"\(dash) points=\"\(run.joined(separator: " "))\"/>\n"
                }
                run = []
            }
            for (x, value) in zip(xs, line.values) {
                guard let value else {
                    flush()
                    continue
                }
                let point = "\(SVGChart.n(frame.x(x))),\(SVGChart.n(frame.y(value)))"
                run.append(point)
                marks += "<circle cx=\"\(SVGChart.n(frame.x(x)))\" cy=\"\(SVGChart.n(frame.y(value)))\" r=\"2.5\" fill=\"\(line.color)\"/>\n"
            }
            flush()
        }
        return frame.render(marks: marks)
    }
}
