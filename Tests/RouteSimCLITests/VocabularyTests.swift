import Foundation
import Testing

/// One vocabulary: `compare`, `sweep` and `staff` name the KPIs as `run` and `report` do
/// ("service level", "ASA", "abandon rate"), not by their column names.
@Suite struct VocabularyTests {
    /// The first cell of every table row of `text` (lines indented by two spaces).
    static func rowLabels(_ text: String) -> [String] {
        text.split(separator: "\n").compactMap { line in
            guard line.hasPrefix("  "), !line.hasPrefix("   ") else { return nil }
            return line.trimmingCharacters(in: .whitespaces).components(separatedBy: "  ").first
        }
    }

    /// Column names a person should not meet in a table.
    static let machineNames = ["sl", "sl_offered", "asa", "aht", "abandon_rate"]

    @Test func experimentsUseTheNamesReportPrints() throws {
        let runner = try CommandRunner()
        let scenario = try runner.write("one.yaml", MessageTests.single)
        let common = ["--replications", "2", "--record", "summary"]
        let compare = try runner.run(["compare", scenario, "--variant", "a:", "--variant", "b:workers.g.count=2", "--out", "c.sqlite"] + common)
        #expect(compare.status == 0, "\(compare.stderr)")
        let labels = Self.rowLabels(compare.stdout)
        for name in ["service level", "ASA", "abandon rate", "occupancy"] {
            #expect(labels.contains(name), "compare: \(labels)")
        }
        #expect(Set(labels).isDisjoint(with: Self.machineNames), "compare: \(labels)")

        let report = try runner.run("report", "c.sqlite")
        for name in ["service level", "ASA", "abandon rate"] {
            #expect(Self.rowLabels(report.stdout).contains(name), "report: \(report.stdout)")
        }

        let sweep = try runner.run(["sweep", scenario, "--vary", "workers.g.count=1,2", "--out", "s.sqlite"] + common)
        #expect(sweep.status == 0, "\(sweep.stderr)")
        let header = try #require(sweep.stdout.split(separator: "\n").first { $0.contains("workers.g.count") && !$0.hasPrefix("sweep:") })
        #expect(header.contains("service level") && header.contains("ASA") && header.contains("abandon rate"), "\(header)")
        #expect(!header.contains("abandon_rate") && !header.contains(" sl "), "\(header)")
        let grid = try runner.run(["sweep", scenario, "--vary", "workers.g.count=1,2", "--vary", "service_level=10,20",
                                   "--kpi", "sl", "--out", "g.sqlite"] + common)
        #expect(grid.stdout.contains("\nservice level\n"), "\(grid.stdout)")

        let staff = try runner.run(["staff", scenario, "--target", "service_level>=50%", "--target", "asa<=600",
                                    "--max-replications", "2", "--out", "f.sqlite"] + common)
        #expect(staff.status == 0, "\(staff.stderr)")
        #expect(staff.stdout.contains("targets service level >= 50.0 %, ASA <= 600.0 s"), "\(staff.stdout)")
        let tried = try #require(staff.stdout.split(separator: "\n").first { $0.contains("staffing") && $0.contains("verdict") })
        #expect(tried.contains("service level") && tried.contains("ASA") && !tried.contains(" sl "), "\(tried)")
    }
}
