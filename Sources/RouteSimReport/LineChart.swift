/// Series over time as lines with a dot per value, broken where a value is missing.
///
/// Series that would be drawn on the same pixels (two groups with the same results, such as
/// single and multitasking on a queue multitasking does not touch) would hide one another:
/// each later copy is drawn in dashes that leave gaps for the lines below it, and its legend
/// entry says which series it coincides with. The chart's legend is its series, but those
/// without a name (more lines of a kind the legend has named once).
struct LineChart: Sendable {
    var frame: SVGChart
    /// The x value of each position of the series' values (e.g. interval midpoints, h).
    var xs: [Double]
    var series: [ChartSeries]

    /// A value's place in the SVG, as its coordinates are written.
    struct Point: Equatable {
        var x: String
        var y: String
    }

    /// The length of one dash of a coinciding copy (px).
    static let dash = 6.0

    func render() -> String {
        let points = series.map { line in
            zip(xs, line.values).map { x, value in value.map { Point(x: SVGChart.n(frame.x(x)), y: SVGChart.n(frame.y($0))) } }
        }
        let copies = Self.copies(points)
        var legend = series
        var marks = ""
        for (index, line) in series.enumerated() {
            var dash = line.dashed ? " stroke-dasharray=\"5 3\"" : ""
            if let copy = copies[index] {
                let period = Self.dash * Double(copy.of + 1)
                dash = " stroke-dasharray=\"\(SVGChart.n(Self.dash)) \(SVGChart.n(period - Self.dash))\""
                    + " stroke-dashoffset=\"\(SVGChart.n(period - Self.dash * Double(copy.number - 1)))\""
                legend[index].name += " (same line as \(series[copy.first].name))"
                legend[index].dashed = true
            }
            var run: [String] = []
            func flush() {
                if run.count > 1 {
                    marks += "<polyline fill=\"none\" stroke=\"\(line.color)\" stroke-width=\"2\"\(dash) points=\"\(run.joined(separator: " "))\"/>\n"
                }
                run = []
            }
            for point in points[index] {
                guard let point else {
                    flush()
                    continue
                }
                run.append(point.x + "," + point.y)
                marks += "<circle cx=\"\(point.x)\" cy=\"\(point.y)\" r=\"2.5\" fill=\"\(line.color)\"/>\n"
            }
            flush()
        }
        var framed = frame
        framed.legend = legend.filter { !$0.name.isEmpty }
        return framed.render(marks: marks)
    }

    /// For each series drawn on the same points as an earlier one: the first series of those
    /// points, this copy's number (1 for the second series there) and how many copies there
    /// are; nil for the others. Series with no point at all coincide with nothing.
    static func copies(_ points: [[Point?]]) -> [(first: Int, number: Int, of: Int)?] {
        var copies: [(first: Int, number: Int, of: Int)?] = Array(repeating: nil, count: points.count)
        for index in points.indices where copies[index] == nil && points[index].contains(where: { $0 != nil }) {
            let later = points.indices.filter { $0 > index && points[$0] == points[index] }
            for (number, copy) in later.enumerated() { copies[copy] = (index, number + 1, later.count) }
        }
        return copies
    }
}
