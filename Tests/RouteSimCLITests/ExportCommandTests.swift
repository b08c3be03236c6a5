import Foundation
import GRDB
import Testing

/// `routesim export` end to end: a run of the quickstart exported to a workbook (read back
/// with openpyxl, as a spreadsheet user's tools would) and to CSV, and bad input.
@Suite struct ExportCommandTests {
    /// Whether `python3` can import openpyxl (`python3 -m pip install -r Tests/requirements.txt`).
    static let hasOpenpyxl: Bool = (try? python(["-c", "import openpyxl"]).status) == 0

    /// Runs `python3 ARGUMENTS`; its status and standard output.
    static func python(_ arguments: [String]) throws -> CommandRunner.Output {
        try CommandRunner.execute(URL(fileURLWithPath: "/usr/bin/env"), ["python3"] + arguments)
    }

    /// Reads a workbook with openpyxl, any warning an error, and prints what the tests check
    /// as JSON: per sheet its rows, frozen pane, header boldness, column widths, and the
    /// values and types of its first two data rows and its last row.
    static let inspect = #"""
        import datetime, json, sys, warnings
        warnings.simplefilter("error")
        import openpyxl
        book = openpyxl.load_workbook(sys.argv[1])
        def value(cell):
            v = cell.value
            return v.isoformat() if isinstance(v, datetime.datetime) else v
        sheets = {}
        for sheet in book:
            rows = list(sheet.iter_rows())
            sheets[sheet.title] = {
                "rows": sheet.max_row,
                "frozen": sheet.freeze_panes,
                "header": [c.value for c in rows[0]],
                "headerBold": all(c.font.b for c in rows[0]),
                "widths": [sheet.column_dimensions[c.column_letter].width for c in rows[0]],
                "data": [[value(c) for c in row] for row in rows[1:3]],
                "types": [[c.data_type for c in row] for row in rows[1:3]],
                "dates": [[c.is_date for c in row] for row in rows[1:3]],
                "last": [value(c) for c in rows[-1]],
                "lastItalic": bool(rows[-1][0].font.i),
            }
        print(json.dumps({"sheets": book.sheetnames, "detail": sheets}))
        """#

    /// What ``inspect`` found.
    struct Sheet: Decodable {
        var rows: Int
        var frozen: String?
        var header: [String]
        var headerBold: Bool
        var widths: [Double]
        var data: [[JSONValue]]
        var types: [[String]]
        var dates: [[Bool]]
        var last: [JSONValue]
        var lastItalic: Bool

        /// The value in data row `row` (0 or 1) of column `name`.
        func value(_ row: Int, _ name: String) -> JSONValue? {
            header.firstIndex(of: name).map { data[row][$0] }
        }

        /// The openpyxl type (`n` number, `s` string, `d` date) in data row `row` of column `name`.
        func type(_ row: Int, _ name: String) -> String? {
            header.firstIndex(of: name).map { types[row][$0] }
        }
    }

    struct Workbook: Decodable {
        var sheets: [String]
        var detail: [String: Sheet]
    }

    /// A JSON cell value.
    enum JSONValue: Decodable, Equatable {
        case number(Double), text(String), null

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() {
                self = .null
            } else if let number = try? container.decode(Double.self) {
                self = .number(number)
            } else {
                self = .text(try container.decode(String.self))
            }
        }

        var number: Double? { if case .number(let value) = self { value } else { nil } }
        var text: String? { if case .text(let value) = self { value } else { nil } }
    }

    /// Runs the quickstart with a start date into `out.sqlite` of a new scratch folder.
    func quickstartRun() throws -> CommandRunner {
        let runner = try CommandRunner()
        let run = try runner.run(
            "run", CommandRunner.scenario("quickstart.yaml"), "--set", "start=2025-03-03T08:00", "--out",
            runner.path("out.sqlite"))
        #expect(run.status == 0, "\(run.stderr)")
        return runner
    }

    /// The workbook at `path` as openpyxl reads it; fails the test on any warning.
    func open(_ path: String) throws -> Workbook {
        let result = try Self.python(["-c", Self.inspect, path])
        #expect(result.status == 0, "openpyxl: \(result.stderr)")
        return try JSONDecoder().decode(Workbook.self, from: Data(result.stdout.utf8))
    }

    @Test(.enabled(if: hasOpenpyxl, "openpyxl is not installed: python3 -m pip install -r Tests/requirements.txt"))
    func workbookHoldsTheStoredValues() throws {
        let runner = try quickstartRun()
        let export = try runner.run("export", runner.path("out.sqlite"), "--xlsx", runner.path("out.xlsx"))
        #expect(export.status == 0, "\(export.stderr)")
        #expect(export.stderr.isEmpty)
        let book = try open(runner.path("out.xlsx"))
        #expect(book.sheets == ["summary", "intervals", "queues", "runs", "tasks"])
        for (name, sheet) in book.detail {
            #expect(sheet.frozen == "A2", "\(name)")
            #expect(sheet.headerBold, "\(name)")
            #expect(sheet.widths.allSatisfy { (6...62).contains($0) }, "\(name): \(sheet.widths)")
        }

        let database = try DatabaseQueue(path: runner.path("out.sqlite"))
        let (taskCount, intervalCount, firstTask, run, offered) = try database.read { db in
            (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM tasks")!,
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM intervals")!,
             try Row.fetchOne(db, sql: "SELECT * FROM tasks ORDER BY task_index LIMIT 1")!,
             try Row.fetchOne(db, sql: "SELECT * FROM runs")!,
             try Int.fetchOne(db, sql: "SELECT offered FROM queue_summary")!)
        }
        let tasks = try #require(book.detail["tasks"])
        #expect(tasks.rows == taskCount + 1)
        #expect(tasks.value(0, "task_sid")?.text == firstTask["task_sid"])
        #expect(tasks.value(0, "wait_seconds")?.number == firstTask["wait_seconds"])
        #expect(tasks.value(0, "attributes")?.text == firstTask["attributes"])
        #expect(tasks.type(0, "created_at") == "n")
        #expect(tasks.type(0, "task_index") == "n")
        #expect(tasks.type(0, "status") == "s")
        #expect(tasks.type(0, "created_at_clock") == "d")
        let createdAt: Double = firstTask["created_at"]
        let clock = String(format: "2025-03-03T08:%02d:%02d", Int(createdAt) / 60, Int(createdAt) % 60)
        #expect(tasks.value(0, "created_at_clock")?.text?.hasPrefix(clock) == true, "\(String(describing: tasks.value(0, "created_at_clock")))")

        #expect(book.detail["intervals"]?.rows == intervalCount + 1)
        #expect(book.detail["intervals"]?.value(0, "start_clock")?.text == "2025-03-03T08:00:00")
        #expect(book.detail["queues"]?.value(0, "offered")?.number == Double(offered))
        let runs = try #require(book.detail["runs"])
        #expect(runs.value(0, "sl")?.number == run["sl"])
        #expect(runs.value(0, "start")?.text == "2025-03-03T08:00:00")

        let summary = try #require(book.detail["summary"])
        #expect(summary.header == ["experiment_id", "command", "scenario", "variant", "point", "queue", "kpi", "mean",
                                   "ci_low", "ci_high", "replications", "configuration", "repeated_runs"])
        #expect(summary.value(0, "kpi")?.text == "offered")
        #expect(summary.value(0, "configuration")?.text?.count == 16)
        #expect(summary.value(0, "repeated_runs") == .null)
        #expect(summary.value(0, "mean")?.number == run["offered"])
        #expect(summary.value(0, "ci_low") == .null, "one replication has no interval")
        #expect(summary.value(0, "replications")?.number == 1)
    }

    @Test(.enabled(if: hasOpenpyxl, "openpyxl is not installed: python3 -m pip install -r Tests/requirements.txt"))
    func longTablesAreCutWithANote() throws {
        let runner = try quickstartRun()
        let export = try runner.run("export", runner.path("out.sqlite"), "--xlsx", runner.path("cut.xlsx"), "--max-rows", "50")
        #expect(export.status == 0, "\(export.stderr)")
        let database = try DatabaseQueue(path: runner.path("out.sqlite"))
        let taskCount = try database.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM tasks")! }
        let tasks = try #require(try open(runner.path("cut.xlsx")).detail["tasks"])
        #expect(tasks.rows == 50)
        #expect(tasks.lastItalic)
        let note = try #require(tasks.last.first?.text)
        #expect(note.hasPrefix("\(taskCount - 48) more rows left out"), "\(note)")
        #expect(try open(runner.path("cut.xlsx")).detail["queues"]?.rows == 2, "short tables are whole")
    }

    @Test func csvFilesHoldEveryRowQuoted() throws {
        let runner = try quickstartRun()
        let export = try runner.run("export", runner.path("out.sqlite"), "--csv", runner.path("csv"))
        #expect(export.status == 0, "\(export.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: runner.path("csv")).sorted()
        #expect(files == ["intervals.csv", "queues.csv", "runs.csv", "summary.csv", "tasks.csv"])
        let database = try DatabaseQueue(path: runner.path("out.sqlite"))
        let (taskCount, firstTask) = try database.read { db in
            (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM tasks")!,
             try Row.fetchOne(db, sql: "SELECT * FROM tasks ORDER BY task_index LIMIT 1")!)
        }
        let text = try String(contentsOfFile: runner.path("csv/tasks.csv"), encoding: .utf8)
        let lines = text.components(separatedBy: "\r\n")
        #expect(lines.count == taskCount + 2, "a header, the rows and an empty string after the last CRLF")
        let attributes = (firstTask["attributes"] as String).replacingOccurrences(of: "\"", with: "\"\"")
        #expect(lines[1].hasPrefix("1,0,\(firstTask["task_sid"] as String),voice,voice,Inbound,0,\"\(attributes)\","))
        #expect(lines[1].contains(",2025-03-03 08:0"))
        let summary = try String(contentsOfFile: runner.path("csv/summary.csv"), encoding: .utf8)
        #expect(summary.hasPrefix(
            "experiment_id,command,scenario,variant,point,queue,kpi,mean,ci_low,ci_high,replications,configuration,repeated_runs\r\n"))
    }

    @Test func badInputIsOneLineAndWritesNothing() throws {
        let runner = try quickstartRun()
        let database = runner.path("out.sqlite")
        let text = try runner.write("notes.txt", "not a database")
        let foreign = runner.path("foreign.sqlite")
        try DatabaseQueue(path: foreign).write { try $0.execute(sql: "CREATE TABLE t (x)") }
        let blocker = try runner.write("blocker", "a file, not a folder")
        let cases: [([String], String)] = [
            (["export", runner.path("missing.sqlite"), "--xlsx", runner.path("a.xlsx")], "missing.sqlite: no such file"),
            (["export", text, "--xlsx", runner.path("b.xlsx")], "not a routesim results file"),
            (["export", foreign, "--csv", runner.path("c")], "not a routesim results file"),
            (["export", database, "--xlsx", blocker + "/d.xlsx"], "cannot write \(blocker)/d.xlsx"),
            (["export", database, "--csv", blocker + "/e"], "cannot write \(blocker)/e"),
            (["export", database], "give --xlsx FILE or --csv DIR"),
        ]
        let before = try FileManager.default.contentsOfDirectory(atPath: runner.folder.path).sorted()
        for (arguments, message) in cases {
            let output = try runner.run(arguments)
            #expect(output.status == 1, "\(arguments)")
            let lines = output.stderr.split(separator: "\n")
            #expect(lines.count == 1, "\(output.stderr)")
            #expect(lines.first?.hasPrefix("routesim: error: ") == true, "\(output.stderr)")
            #expect(output.stderr.contains(message), "\(output.stderr)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: runner.folder.path).sorted() == before)
        let foreignTables = try DatabaseQueue(path: foreign).read { try String.fetchAll($0, sql: "SELECT name FROM sqlite_master") }
        #expect(foreignTables == ["t"], "a foreign database is left untouched")
    }
}
