import Foundation

/// The frame every chart shares: size, title, axes with ticks, grid and titles, an
/// optional shaded span (the warm-up), and a legend, around marks drawn by a chart type.
///
/// Coordinates: ``x(_:)`` and ``y(_:)`` turn domain values into SVG pixels inside the
/// plot area. The SVG is self-contained (no fonts or styles from outside) so that it
/// reads the same anywhere; it is meant to be inlined in HTML (no `xmlns`, which HTML does
/// not need).
struct SVGChart: Sendable {
    var title: String
    var x: Axis
    var y: Axis
    /// Legend entries, in series order.
    var legend: [ChartSeries]
    /// A span of x shaded grey with a label, e.g. the warm-up.
    var shade: (range: ClosedRange<Double>, label: String)?
    var width: Double = 640
    var height: Double = 300

    /// Space around the plot area for the title, legend, ticks and axis titles.
    private let left: Double = 64, right: Double = 16, top: Double = 56
    /// Bottom margin: room for the x tick labels, more when they are turned.
    private var bottom: Double { turnsLabels ? 96 : 52 }

    /// Whether x tick labels are long enough to be turned 30°.
    private var turnsLabels: Bool {
        x.ticks.count > 3 && x.ticks.contains { $0.label.count > 10 }
    }

    /// The pixel x of domain value `value`.
    func x(_ value: Double) -> Double { x.position(value, from: left, to: width - right) }
    /// The pixel y of domain value `value`.
    func y(_ value: Double) -> Double { y.position(value, from: height - bottom, to: top) }
    /// The pixel width of `span` on the x axis.
    func xSpan(_ span: Double) -> Double { span / (x.high - x.low) * (width - left - right) }

    /// The whole `<svg>` element with `marks` drawn over the grid.
    func render(marks: String) -> String {
        let plotBottom = height - bottom
        var svg = """
            <svg width="\(Self.n(width))" height="\(Self.n(height))" \
            viewBox="0 0 \(Self.n(width)) \(Self.n(height))" role="img" aria-label="\(Self.escape(title))" \
            font-family="Helvetica, Arial, sans-serif" font-size="11">
            <title>\(Self.escape(title))</title>
            <rect width="100%" height="100%" fill="#ffffff"/>
            <text x="\(Self.n(left))" y="18" font-size="14" font-weight="bold" fill="#222">\(Self.escape(title))</text>

            """
        if let shade {
            let from = x(max(shade.range.lowerBound, x.low)), to = x(min(shade.range.upperBound, x.high))
            svg += """
                <rect x="\(Self.n(from))" y="\(Self.n(top))" width="\(Self.n(to - from))" height="\(Self.n(plotBottom - top))" fill="#eeeeee"/>
                <text x="\(Self.n(from + 2))" y="\(Self.n(top - 3))" fill="#777" font-size="10">\(Self.escape(shade.label))</text>

                """
        }
        for tick in y.ticks {
            let py = y(tick.value)
            svg += """
                <line x1="\(Self.n(left))" x2="\(Self.n(width - right))" y1="\(Self.n(py))" y2="\(Self.n(py))" stroke="#dddddd"/>
                <text x="\(Self.n(left - 6))" y="\(Self.n(py + 4))" text-anchor="end" fill="#444">\(Self.escape(tick.label))</text>

                """
        }
        for tick in x.ticks {
            let px = x(tick.value)
            svg += "<line x1=\"\(Self.n(px))\" x2=\"\(Self.n(px))\" y1=\"\(Self.n(plotBottom))\" y2=\"\(Self.n(plotBottom + 4))\" stroke=\"#444\"/>\n"
            if turnsLabels {
                svg += "<text transform=\"translate(\(Self.n(px + 3)),\(Self.n(plotBottom + 12))) rotate(30)\" fill=\"#444\">\(Self.escape(tick.label))</text>\n"
            } else {
                svg += "<text x=\"\(Self.n(px))\" y=\"\(Self.n(plotBottom + 16))\" text-anchor=\"middle\" fill=\"#444\">\(Self.escape(tick.label))</text>\n"
            }
        }
        svg += """
            <line x1="\(Self.n(left))" x2="\(Self.n(width - right))" y1="\(Self.n(plotBottom))" y2="\(Self.n(plotBottom))" stroke="#444"/>
            <line x1="\(Self.n(left))" x2="\(Self.n(left))" y1="\(Self.n(top))" y2="\(Self.n(plotBottom))" stroke="#444"/>
            <text x="\(Self.n((left + width - right) / 2))" y="\(Self.n(height - 8))" text-anchor="middle" fill="#222">\(Self.escape(x.title))</text>
            <text transform="translate(14,\(Self.n((top + plotBottom) / 2))) rotate(-90)" text-anchor="middle" fill="#222">\(Self.escape(y.title))</text>

            """
        svg += marks
        svg += legendMarks()
        svg += "</svg>"
        return svg
    }

    /// The legend: one swatch and name per series in a row under the title, wrapping.
    private func legendMarks() -> String {
        var out = ""
        var px = left
        var py = 36.0
        for series in legend {
            let textWidth = Double(series.name.count) * 6.2
            if px + 22 + textWidth > width - right, px > left {
                px = left
                py += 14
            }
            let dash = series.dashed ? " stroke-dasharray=\"4 3\"" : ""
            out += """
                <line x1="\(Self.n(px))" x2="\(Self.n(px + 16))" y1="\(Self.n(py - 4))" y2="\(Self.n(py - 4))" stroke="\(series.color)" stroke-width="3"\(dash)/>
                <text x="\(Self.n(px + 20))" y="\(Self.n(py))" fill="#222">\(Self.escape(series.name))</text>

                """
            px += 22 + textWidth + 14
        }
        return out
    }

    /// A coordinate with at most one decimal.
    static func n(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    /// `text` with the characters that are special in XML and HTML escaped.
    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
