import RouteSim
import RouteSimReport
import RouteSimStore

/// What `routesim staff` prints: the staffings tried (or the counts per interval), how the
/// search went, the final check of the staffing found, and the KPIs it reaches.
struct StaffingReport {
    var spec: SimulationSpec
    /// The searched groups' indexes in `spec.workerGroups`.
    var groups: [Int]
    var targets: [StaffingTarget]
    var perInterval: Bool
    /// Per cell, whether it was searched and is judged (intervals in the warm-up are not).
    var judged: [Bool]
    /// Per group, per cell, where the search started (the analytic staffing).
    var seed: [[Int]]
    var outcome: StaffingSearch.Outcome
    /// The final check: the staffing found, judged on fresh replications.
    var result: StaffingEvaluation
    /// The final check's runs, as stored.
    var runs: [StoredRunKPIs]
    /// Every evaluation of the search, in order.
    var log: [StaffingEvaluation]
    var store: ResultStore

    /// The probability that a cell exactly at a target's bound misses it in the final check:
    /// its 95 % confidence interval lies wholly on the bad side.
    static let chanceOfMiss = 0.025

    private func name(_ slot: Int) -> String { spec.workerGroups[groups[slot]].name }

    /// A staffing as `agents 14, backup 3`, or the counts per interval per group.
    private func describe(_ staffing: [[Int]]) -> String {
        groups.indices.map { slot in
            perInterval ? "\(name(slot)) \(staffing[slot].map(String.init).joined(separator: " "))" : "\(name(slot)) \(staffing[slot][0])"
        }.joined(separator: ", ")
    }

    /// The judged (cell, target) pairs whose estimate in the final check misses its target.
    var misses: [(cell: Int, target: Int)] {
        judged.indices.filter { judged[$0] }.flatMap { cell in
            targets.indices.compactMap { target in
                targets[target].verdict(result.estimates[cell][target]) == .missed ? (cell, target) : nil
            }
        }
    }

    /// The (cell, target) pairs the final check judged: those with a value.
    var checkedCount: Int {
        judged.indices.filter { judged[$0] }.reduce(0) { count, cell in
            count + result.estimates[cell].filter { $0 != nil }.count
        }
    }

    /// The most misses that chance explains at 95 % among `cells` cells each at its bound:
    /// the 95th percentile of Binomial(cells, ``chanceOfMiss``).
    static func chanceMisses(cells: Int) -> Int {
        var probability = 1.0
        for _ in 0..<cells { probability *= 1 - chanceOfMiss }
        var cumulative = probability
        var misses = 0
        while cumulative < 0.95, misses < cells {
            probability *= Double(cells - misses) / Double(misses + 1) * chanceOfMiss / (1 - chanceOfMiss)
            misses += 1
            cumulative += probability
        }
        return misses
    }

    /// Whether the search decided a judged cell of the staffing found by the means.
    private var foundByMean: Bool {
        let found = log.last { $0.point == result.point }
        return zip(judged, found?.byMean ?? []).contains { $0 && $1 }
    }

    /// Replications run by the search, over every staffing tried.
    private var searchReplications: Int { log.reduce(0) { $0 + $1.replications } }

    func text() throws -> String {
        var blocks: [String] = []
        if !perInterval {
            var trail = TextTable(header: ["staffing", "replications"] + targets.map { KPIFormat.of($0.kpi).label } + ["verdict"])
            for evaluation in log {
                trail.rows.append(
                    [describe(evaluation.staffing), String(evaluation.replications)]
                        + zip(targets, evaluation.estimates[0]).map { target, estimate in estimate.map { KPIFormat.of(target.kpi).text($0) } ?? "-" }
                        + [(evaluation.meets[0] ? "meets" : "fails") + (evaluation.byMean[0] ? " (by the mean)" : "")])
            }
            blocks.append("staffings tried (95 % CI over replications):\n" + trail.render())
        } else {
            var table = TextTable(header: ["interval", "start"] + groups.indices.map(name) + targets.map { KPIFormat.of($0.kpi).label })
            for interval in result.staffing[0].indices {
                table.rows.append(
                    [String(interval), Self.clock(Double(interval) * spec.interval)]
                        + groups.indices.map { String(result.staffing[$0][interval]) }
                        + targets.indices.map { target in
                            result.estimates[interval][target].map { KPIFormat.of(targets[target].kpi).text($0.mean) } ?? "-"
                        })
            }
            blocks.append("staffing per interval (KPIs of the final check: mean over replications, tasks created in the interval):\n" + table.render())
        }
        blocks.append(
            "search: from the analytic staffing (\(describe(seed))), \(log.count) staffings and \(searchReplications) replications; "
                + (outcome.converged
                    ? "\(outcome.passes) \(outcome.passes == 1 ? "pass" : "passes"), the last changing no count"
                    : "stopped after --max-passes \(outcome.passes) with counts still changing"))
        blocks.append(checkText())
        let found = groups.indices.map { slot in
            perInterval ? "\(name(slot)) up to \(result.staffing[slot].max() ?? 0)" : "\(name(slot)) \(result.staffing[slot][0])"
        }
        blocks.append("fewest agents meeting every target: " + found.joined(separator: ", ")
            + (foundByMean ? " (decided by the means where intervals still straddle a target)" : ""))
        blocks.append(SummaryText(path: store.path, groups: try ReportGroup.groups(in: store, runs: runs)).render())
        return blocks.joined(separator: "\n\n")
    }

    /// The final check in words: the cells that miss, and how many chance explains.
    private func checkText() -> String {
        let missed = misses
        let chance = Self.chanceMisses(cells: checkedCount)
        var text = "final check on \(result.replications) fresh replications: \(missed.count) of \(checkedCount) "
            + (perInterval ? "interval targets" : "targets") + " missed (95 % CI wholly on the wrong side)"
        guard !missed.isEmpty else { return text }
        text += ": " + missed.map { miss in
            (perInterval ? "interval \(miss.cell) " : "") + Self.describe(targets[miss.target])
        }.joined(separator: "; ")
        text += missed.count <= chance
            ? "\nchance explains up to \(chance) such misses among \(checkedCount) cells at their bounds"
            : "\nchance explains up to \(chance); for the rest, search again on more replications (--replications \(2 * result.replications))"
        return text
    }

    /// A target as a person reads it: `service level >= 80.0 %`, `ASA <= 20.0 s`.
    static func describe(_ target: StaffingTarget) -> String {
        let format = KPIFormat.of(target.kpi)
        return format.label + " " + target.direction.rawValue + " " + format.text(target.bound)
    }

    /// Time from the start as `h:mm`.
    private static func clock(_ seconds: Double) -> String {
        let minutes = Int(seconds / 60)
        return String(minutes / 60) + ":" + (minutes % 60 < 10 ? "0" : "") + String(minutes % 60)
    }

    func json(database: String, experiment: Int64) throws -> [String: Any] {
        let summary = RunGroupSummary.summaries(of: runs).first
        return [
            "database": database, "experiment": experiment,
            "targets": targets.map(\.description),
            "groups": groups.indices.map { slot -> [String: Any] in
                var object: [String: Any] = ["group": name(slot), "agents": result.staffing[slot].max() ?? 0]
                if perInterval {
                    object["per_interval"] = result.staffing[slot]
                    object["seed_per_interval"] = seed[slot]
                } else {
                    object["seed"] = seed[slot][0]
                }
                return object
            },
            "decided_by_mean": foundByMean,
            "passes": outcome.passes, "converged": outcome.converged,
            "search_replications": searchReplications,
            "check": [
                "replications": result.replications, "cells": checkedCount, "chance_misses": Self.chanceMisses(cells: checkedCount),
                "misses": misses.map { miss -> [String: Any] in
                    perInterval ? ["interval": miss.cell, "target": targets[miss.target].description]
                        : ["target": targets[miss.target].description]
                },
            ] as [String: Any],
            "replications": result.replications,
            "kpis": KPIFormat.json(summary?.kpis ?? []),
            "evaluations": log.map { evaluation -> [String: Any] in
                [
                    "staffing": evaluation.point, "replications": evaluation.replications,
                    "meets": perInterval ? evaluation.meets as Any : evaluation.meets[0] as Any,
                    "decided_by_mean": perInterval ? evaluation.byMean as Any : evaluation.byMean[0] as Any,
                ]
            },
        ]
    }
}
