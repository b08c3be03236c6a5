import RouteSim
import RouteSimStore

/// The HTML report: one self-contained page (inline CSS and SVG, no script, nothing
/// fetched) with the summary tables and the charts a planner reads.
///
/// Sections: KPIs per group with confidence intervals; queues; groups side by side with
/// error bars (when the file has several); through the day per queue (service level,
/// tasks waiting, longest wait, offered against answered and abandoned); agents (activity
/// mix and occupancy). Scenarios have no clock start, so times are hours from the start.
public struct HTMLReport: Sendable {
    /// The results file's path, shown in the heading.
    public var path: String
    public var groups: [ReportGroup]

    public init(path: String, groups: [ReportGroup]) {
        self.path = path
        self.groups = groups
    }

    /// KPIs compared across groups, one chart each.
    static let comparedKPIs = ["sl", "asa", "abandon_rate", "occupancy", "aht", "longest_wait"]

    public func render() -> String {
        let scenarios = Array(Set(groups.map(\.summary.scenario))).sorted()
        var body = "<h1>routesim report: \(SVGChart.escape(scenarios.joined(separator: ", ")))</h1>\n"
        let runs = groups.reduce(0) { $0 + $1.runIDs.count + $1.summary.repeatedRuns.count }
        body += "<p class=\"meta\">\(SVGChart.escape(path)): \(runs) run\(runs == 1 ? "" : "s") in \(groups.count) "
            + "group\(groups.count == 1 ? "" : "s") (replications of one configuration: scenario, variant, point and overrides). "
            + "Means over replications; ± is the half-width of the 95 % confidence interval (Student t).</p>\n"
        body += notes()
        body += kpiTable()
        body += queueTables()
        if groups.count > 1 { body += comparison() }
        body += throughTheDay()
        body += agents()
        return Self.page(title: "routesim report: " + scenarios.joined(separator: ", "), body: body)
    }

    /// Each group's ``ReportGroup/notes``, one paragraph each; nothing when there are none.
    private func notes() -> String {
        groups.flatMap { group in
            group.notes.map { "<p class=\"note\">Note on \(SVGChart.escape(group.label)): \(SVGChart.escape($0)).</p>\n" }
        }.joined()
    }

    /// The headline KPIs, one row each, one column per group.
    private func kpiTable() -> String {
        var html = "<h2>KPIs</h2>\n<table>\n<tr><th>KPI</th>"
        for group in groups {
            html += "<th>\(SVGChart.escape(group.label))<br><span class=\"ci\">\(group.summary.replications) replication\(group.summary.replications == 1 ? "" : "s")</span></th>"
        }
        html += "</tr>\n"
        for name in KPIFormat.headline {
            let format = KPIFormat.of(name)
            html += "<tr><td>\(SVGChart.escape(format.label))</td>"
            for group in groups {
                html += "<td class=\"num\">" + (group.summary.kpi(name).map { Self.cell(format, $0.estimate) } ?? "-") + "</td>"
            }
            html += "</tr>\n"
        }
        return html + "</table>\n"
    }

    /// Per group, the headline KPIs of each queue.
    private func queueTables() -> String {
        var html = "<h2>Queues</h2>\n"
        let columns = ["offered", "answered", "abandoned", "sl", "asa", "aht", "abandon_rate", "occupancy"]
        for group in groups where !group.summary.queues.isEmpty {
            if groups.count > 1 { html += "<h3>\(SVGChart.escape(group.label))</h3>\n" }
            html += "<table>\n<tr><th>queue</th>"
                + columns.map { "<th>\(SVGChart.escape(KPIFormat.of($0).label))</th>" }.joined() + "</tr>\n"
            for queue in group.summary.queues {
                html += "<tr><td>\(SVGChart.escape(queue.queue))</td>"
                for name in columns {
                    let estimate = queue.kpis.first { $0.name == name }?.estimate
                    html += "<td class=\"num\">" + (estimate.map { Self.cell(KPIFormat.of(name), $0) } ?? "-") + "</td>"
                }
                html += "</tr>\n"
            }
            html += "</table>\n"
        }
        return html
    }

    /// One chart per compared KPI: every group's mean with its confidence interval.
    private func comparison() -> String {
        var figures: [String] = []
        let labels = groups.map(\.label)
        for name in Self.comparedKPIs {
            let format = KPIFormat.of(name)
            let estimates = groups.map { $0.summary.kpi(name)?.estimate }
            guard estimates.contains(where: { $0 != nil }) else { continue }
            var points: [(mean: Double, low: Double?, high: Double?, color: String)] = []
            var values: [Double] = []
            for (index, estimate) in estimates.enumerated() {
                guard let estimate else { continue }
                let finite = estimate.halfWidth.isFinite
                points.append((estimate.mean, finite ? estimate.low : nil, finite ? estimate.high : nil, ChartPalette.color(index)))
                values += [estimate.mean] + (finite ? [estimate.low, estimate.high] : [])
            }
            let shown = labels.enumerated().filter { estimates[$0.offset] != nil }.map(\.element)
            let y = format.unit == .fraction
                ? Axis.linear(over: values + [0], title: format.label + " (%)", label: Axis.percent)
                : Axis.linear(over: values, title: format.label + " (" + Self.unitTitle(format.unit) + ")")
            let frame = SVGChart(title: format.label.prefix(1).uppercased() + format.label.dropFirst() + " by group, 95 % CI",
                                 x: Axis.categories(shown, title: "group"), y: y, legend: [])
            let chart = EstimateChart(frame: frame, points: points, format: format)
            figures.append(Self.figure(chart.render(), caption: "Mean of \(format.label) over the replications of each group; "
                + "the bar is the 95 % confidence interval (none for a single replication)."))
        }
        return "<h2>Groups side by side</h2>\n<div class=\"charts\">\n" + figures.joined() + "</div>\n"
    }

    /// Per queue (all queues first when there are several): service level, tasks waiting,
    /// longest wait, and offered against answered and abandoned.
    private func throughTheDay() -> String {
        let queues = groups.flatMap(\.summary.queues).map(\.queue).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        let scopes: [String?] = queues.count == 1 ? [queues[0]] : [nil] + queues
        var html = "<h2>Through the day</h2>\n"
        for scope in scopes {
            html += "<h3>\(SVGChart.escape(scope ?? "All queues"))</h3>\n<div class=\"charts\">\n"
            let series = groups.map { group in group.intervals.filter { $0.queue == scope } }
            guard let longest = series.max(by: { $0.count < $1.count }), !longest.isEmpty else {
                html += "</div>\n"
                continue
            }
            let axis = Axis.hours(from: longest[0].start, to: longest.last!.end)
            let mids = longest.map { ($0.start + $0.end) / 7200 }
            let shade = Self.warmup(longest)
            let name = scope ?? "all queues"
            let thresholds = Set(groups.flatMap(\.thresholds)).sorted().map { Axis.number($0) + " s" }.joined(separator: "/")

            let sl = groups.enumerated().map { index, group in
                ChartSeries(name: group.label, color: ChartPalette.color(index),
                            values: Self.aligned(series[index], to: longest) { $0.kpis.serviceLevel })
            }
            html += Self.figure(LineChart(
                frame: SVGChart(title: "Service level per interval, \(name)", x: axis, y: Axis.fraction(title: "service level (%)"),
                                legend: sl, shade: shade), xs: mids, series: sl).render(),
                caption: "Answered within \(thresholds) / (answered + abandoned after \(thresholds)), pooled over the replications, per interval of task creation.")

            html += waitingChart(scope: scope, queues: queues, axis: axis, shade: shade)

            let longestWait = groups.enumerated().map { index, group in
                ChartSeries(name: group.label, color: ChartPalette.color(index),
                            values: Self.aligned(series[index], to: longest) { $0.kpis.longestWait })
            }
            html += Self.figure(LineChart(
                frame: SVGChart(title: "Longest wait per interval, \(name)", x: axis,
                                y: Axis.linear(over: longestWait.flatMap(\.values).compactMap { $0 }, title: "longest wait (s)"),
                                legend: longestWait, shade: shade), xs: mids, series: longestWait).render(),
                caption: "The longest wait of any task created in the interval (answered, abandoned or canceled), longest of any replication.")

            for (index, group) in groups.enumerated() where !series[index].isEmpty {
                let rows = series[index]
                let bars = [
                    ChartSeries(name: "offered", color: "#888888", values: rows.map { $0.perRun($0.kpis.offered) }),
                    ChartSeries(name: "answered", color: ChartPalette.color(0), values: rows.map { $0.perRun($0.kpis.answered) }),
                    ChartSeries(name: "abandoned", color: ChartPalette.color(1), values: rows.map { $0.perRun($0.kpis.abandoned) }),
                ]
                let title = "Offered, answered, abandoned per interval, \(name)" + (groups.count > 1 ? ", \(group.label)" : "")
                html += Self.figure(BarChart(
                    frame: SVGChart(title: title, x: axis,
                                    y: Axis.linear(
                                        over: bars.flatMap(\.values).compactMap { $0 }, integers: true, title: "tasks per interval"),
                                    legend: bars, shade: shade),
                    spans: rows.map { ($0.start / 3600)...($0.end / 3600) }, series: bars, layout: .grouped).render(),
                    caption: "Tasks created in each interval, and how many of those were answered and abandoned; mean per replication.")
            }
            html += "</div>\n"
        }
        return html
    }

    /// Tasks waiting at each snapshot: pending and reserved for one group, their sum per
    /// group for several; all queues summed for the all-queues scope.
    private func waitingChart(scope: String?, queues: [String], axis: Axis, shade: (range: ClosedRange<Double>, label: String)?) -> String {
        let totals = groups.map { group -> [(time: Double, pending: Double, reserved: Double)] in
            var byTime: [(time: Double, pending: Double, reserved: Double)] = []
            for snapshot in group.waiting where scope == nil || snapshot.queue == scope {
                if let index = byTime.firstIndex(where: { $0.time == snapshot.time }) {
                    byTime[index].pending += snapshot.pending
                    byTime[index].reserved += snapshot.reserved
                } else {
                    byTime.append((snapshot.time, snapshot.pending, snapshot.reserved))
                }
            }
            return byTime.sorted { $0.time < $1.time }
        }
        guard let times = totals.max(by: { $0.count < $1.count })?.map(\.time), !times.isEmpty else { return "" }
        func values(_ rows: [(time: Double, pending: Double, reserved: Double)], _ value: ((time: Double, pending: Double, reserved: Double)) -> Double) -> [Double?] {
            times.map { time in rows.first { $0.time == time }.map(value) }
        }
        let series: [ChartSeries] = groups.count == 1
            ? [ChartSeries(name: "pending", color: ChartPalette.color(0), values: values(totals[0]) { $0.pending }),
               ChartSeries(name: "reserved", color: ChartPalette.color(1), values: values(totals[0]) { $0.reserved }, dashed: true)]
            : groups.enumerated().map { index, group in
                ChartSeries(name: group.label, color: ChartPalette.color(index), values: values(totals[index]) { $0.pending + $0.reserved })
            }
        let what = groups.count == 1 ? "pending and reserved" : "pending + reserved"
        let name = scope ?? "all queues"
        return Self.figure(LineChart(
            frame: SVGChart(title: "Tasks waiting at each interval boundary, \(name)", x: axis,
                            y: Axis.linear(over: series.flatMap(\.values).compactMap { $0 }, integers: true, title: "tasks waiting"),
                            legend: series, shade: shade),
            xs: times.map { $0 / 3600 }, series: series).render(),
            caption: "Tasks \(what) (tasks_by_status) in the real-time statistics snapshot taken at each interval boundary"
                + (scope == nil && queues.count > 1 ? ", summed over the queues" : "") + "; mean over replications. A count at an instant, not an interval average.")
    }

    /// Per group, agents by activity (from activity spans, else busy and idle staffed
    /// agents from the intervals); then occupancy per interval of every group.
    private func agents() -> String {
        var html = "<h2>Agents</h2>\n<div class=\"charts\">\n"
        var occupancy: [ChartSeries] = []
        var occupancyAxis: Axis?
        var occupancyMids: [Double] = []
        var occupancyShade: (range: ClosedRange<Double>, label: String)?
        for (index, group) in groups.enumerated() {
            let rows = group.intervals.filter { $0.queue == nil }
            guard let first = rows.first, let last = rows.last else { continue }
            let axis = Axis.hours(from: first.start, to: last.end)
            let shade = Self.warmup(rows)
            let spans = rows.map { ($0.start / 3600)...($0.end / 3600) }
            let series: [ChartSeries]
            let caption: String
            let what: String
            if group.activities.isEmpty {
                what = "Staffed agents, busy and idle, per interval"
                series = [
                    ChartSeries(name: "busy (holding a task)", color: ChartPalette.color(0),
                                values: rows.map { $0.kpis.busySeconds / ($0.end - $0.start) / Double($0.runs) }),
                    ChartSeries(name: "staffed, idle", color: ChartPalette.color(2),
                                values: rows.map { ($0.kpis.staffedSeconds - $0.kpis.busySeconds) / ($0.end - $0.start) / Double($0.runs) }),
                ]
                caption = "No activity spans were recorded (--record summary): busy and idle staffed agents from the intervals' worker time; mean per replication."
            } else {
                what = "Agents by activity per interval"
                let names = group.activities.map(\.activity).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
                series = names.enumerated().map { number, activity in
                    ChartSeries(name: activity, color: ChartPalette.color(number), values: rows.map { row in
                        group.activities.first { $0.interval == row.interval && $0.activity == activity }?.agents ?? 0
                    })
                }
                caption = "Average number of agents in each TaskRouter activity over the interval, from the worker_activity spans; mean per replication. Busy agents stay in their (available) activity."
            }
            let stackTops = rows.indices.map { position in series.reduce(0) { $0 + ($1.values[position] ?? 0) } }
            let title = what + (groups.count > 1 ? ", \(group.label)" : "")
            html += Self.figure(BarChart(
                frame: SVGChart(
                    title: title, x: axis, y: Axis.linear(over: stackTops, integers: true, title: "agents"), legend: series,
                    shade: shade),
                spans: spans, series: series, layout: .stacked).render(), caption: caption)

            occupancy.append(ChartSeries(name: group.label, color: ChartPalette.color(index), values: rows.map { $0.kpis.occupancy }))
            if occupancyMids.count < rows.count {
                occupancyAxis = axis
                occupancyMids = rows.map { ($0.start + $0.end) / 7200 }
                occupancyShade = shade
            }
        }
        if let occupancyAxis {
            for index in occupancy.indices {
                occupancy[index].values += Array(repeating: nil, count: occupancyMids.count - occupancy[index].values.count)
            }
            html += Self.figure(LineChart(
                frame: SVGChart(title: "Occupancy per interval", x: occupancyAxis, y: Axis.fraction(title: "occupancy (%)"),
                                legend: occupancy, shade: occupancyShade),
                xs: occupancyMids, series: occupancy).render(),
                caption: "Busy worker time / staffed worker time in the interval, over all queues, pooled over the replications.")
        }
        return html + "</div>\n"
    }

    /// `rows`' values at the positions of `longest` (the group with the most intervals), nil where a group has none.
    private static func aligned(_ rows: [IntervalTotals], to longest: [IntervalTotals], _ value: (IntervalTotals) -> Double?) -> [Double?] {
        longest.map { slot in rows.first { $0.interval == slot.interval }.flatMap(value) }
    }

    /// The warm-up intervals' span in hours, labelled; nil without warm-up.
    private static func warmup(_ rows: [IntervalTotals]) -> (range: ClosedRange<Double>, label: String)? {
        guard let first = rows.first, let last = rows.last(where: \.warmup) else { return nil }
        return ((first.start / 3600)...(last.end / 3600), "warm-up")
    }

    /// A table cell: the mean ± half-width, with the interval in small type.
    private static func cell(_ format: KPIFormat, _ estimate: Estimate) -> String {
        let ci = format.interval(estimate)
        return SVGChart.escape(format.text(estimate)) + (ci == "-" ? "" : "<br><span class=\"ci\">\(SVGChart.escape(ci))</span>")
    }

    /// The unit's words for an axis title.
    private static func unitTitle(_ unit: KPIFormat.Unit) -> String {
        switch unit {
        case .seconds: "s"
        case .workerSeconds: "worker-s"
        case .tasks: "tasks"
        case .reservations: "reservations"
        case .fraction: "%"
        }
    }

    static func figure(_ svg: String, caption: String) -> String {
        "<figure>\n\(svg)\n<figcaption>\(SVGChart.escape(caption))</figcaption>\n</figure>\n"
    }

    static func page(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <title>\(SVGChart.escape(title))</title>
        <style>
        body { font-family: Helvetica, Arial, sans-serif; color: #222; margin: 24px; max-width: 1440px; }
        h1 { font-size: 22px; } h2 { font-size: 18px; margin-top: 32px; border-bottom: 1px solid #ccc; } h3 { font-size: 15px; }
        .meta { color: #555; }
        .note { color: #8a4b00; }
        table { border-collapse: collapse; margin: 8px 0 16px; }
        th, td { border: 1px solid #ddd; padding: 4px 10px; vertical-align: top; }
        th { background: #f4f4f4; text-align: left; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; }
        .ci { color: #777; font-size: 11px; font-weight: normal; }
        .charts { display: flex; flex-wrap: wrap; gap: 16px; }
        figure { margin: 0; border: 1px solid #e4e4e4; padding: 4px; }
        figcaption { font-size: 12px; color: #555; max-width: 630px; padding: 4px; }
        </style>
        </head>
        <body>
        \(body)
        </body>
        </html>

        """
    }
}
