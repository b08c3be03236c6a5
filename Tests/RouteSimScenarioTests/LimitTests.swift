import Foundation
import RouteSimScenario
import Testing

/// Numbers and documents beyond routesim's limits are refused at their key, before anything
/// tries to hold them.
struct LimitTests {
    /// Values that trapped, overflowed or exhausted memory before they had ranges, each with
    /// the message it now gets.
    @Test(arguments: [
        ("workers.g.count", "9223372036854775807", "expected an integer from 0 to 1000000, found 9223372036854775807"),
        ("workers.g.count", "9223372036854775000", "expected an integer from 0 to 1000000, found 9223372036854775000"),
        ("workers.g.count", "100000000", "expected an integer from 0 to 1000000, found 100000000"),
        ("workers.g.channels", "{voice: 1099511627776}", "expected an integer from 0 to 1000, found 1099511627776"),
        ("service_level", "1e19", "expected a duration > 0 and at most 1209600 s (14 d), found 1e19"),
        ("service_level", "1e308", "expected a duration > 0 and at most 1209600 s (14 d), found 1e308"),
        ("service_level", "9223372036854775808", "expected a duration > 0 and at most 1209600 s (14 d), found 9223372036854775808"),
        ("horizon", "1e12h", #"expected a duration > 0 and at most 31622400 s (366 d), found "1e12h""#),
        ("interval", "0.001s", #"expected a duration >= 1 s and at most 31622400 s (366 d), found "0.001s""#),
        ("arrivals.a.rate", "1e12/h", #"expected a rate >= 0 and at most 1000/s (3600000/h), found "1e12/h""#),
        ("arrivals.a.handle_time", "{dist: erlang, k: 1e18, mean: 1m}", "expected an integer from 1 to 1000, found 1e18"),
        ("arrivals.a.patience", ".nan", "expected a duration >= 0 and at most 31622400 s (366 d), found .nan"),
    ])
    func outOfRangeNumbers(key: String, value: String, message: String) {
        #expect(Fixtures.minimalErrors(key, value).map(\.message) == [message])
    }

    /// Groups within the limit that exceed it together are refused at the count that does.
    @Test func tooManyWorkersTogether() {
        let text = Fixtures.minimal.replacingOccurrences(
            of: "  - {group: g, count: 1}", with: "  - {group: g, count: 600000}\n  - {group: h, count: 600000}")
        #expect(Fixtures.errors(text).map(\.description) == [
            "test.yaml:9:23: workers.h.count: expected at most 1000000 workers in all groups together, found 1200000 with this group"
        ])
    }

    /// Too many intervals for the horizon is refused at `interval`.
    @Test func tooManyIntervals() {
        let errors = Fixtures.errors(Fixtures.minimal, overrides: [
            Override(keyPath: "horizon", value: "300d"), Override(keyPath: "interval", value: "1s"),
        ])
        #expect(errors.map(\.description) == [
            #"test.yaml: --set interval: interval: expected an interval that divides the horizon into at most 1000000 intervals, found "1s" (25920000 intervals)"#
        ])
    }

    /// Nine levels of nine aliases (a "billion laughs") would expand to 387 million values:
    /// refused while counting, at the node where the count ran out.
    @Test func aliasBombIsRefused() {
        var lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
        for level in 1...9 {
            lines.append("a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]")
        }
        let errors = Fixtures.errors(lines.joined(separator: "\n"))
        #expect(errors.map(\.message) == [
            "the document has more than 200000 values (an alias counts as a copy of what it names); the limit was reached here"
        ])
    }

    /// A document whose separators could make more values than the limit is refused before
    /// Yams builds its tree.
    @Test func tooManySeparatorsAreRefusedUnparsed() {
        let text = "name: x\nhorizon: 1h\nk: [" + Array(repeating: "1", count: 1_000_000).joined(separator: ",") + "]"
        #expect(Fixtures.errors(text).map(\.description) == [
            "test.yaml:1:1: the document has more than 400000 commas, colons, dashes, brackets and braces, "
                + "more than a document of 200000 values needs; it was not parsed"
        ])
    }

    /// An alias of aliases as a map key would make Yams compare keys through the whole
    /// expansion: refused before parsing, at the alias.
    @Test func aliasAsKeyIsRefused() {
        var lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
        for level in 1...9 {
            lines.append("a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]")
        }
        for key in ["? *a9\n: 1", "*a9 : 1", "k: {*a9: 1}"] {
            #expect(Fixtures.errors((lines + [key]).joined(separator: "\n")).map(\.message) == [
                "an alias (*name) cannot be a map key"
            ])
        }
    }

    /// A file over the size limit is refused before it is parsed.
    @Test func hugeFileIsRefusedUnread() throws {
        let volumes = Array(repeating: "1", count: 2_100_000).joined(separator: ",")
        try Fixtures.withFile(Fixtures.minimal + "\n# " + volumes + "\n", named: "big.yaml") { path in
            do {
                _ = try ScenarioLoader.load(path: path)
                Issue.record("expected the file to be refused")
            } catch let error as ScenarioErrors {
                #expect(error.errors.map(\.description) == [
                    path + ": cannot read the scenario file: it is larger than 4 MB, the most this kind of file may have"
                ])
            }
        }
    }

    /// libyaml's nesting limit is told in the user's words, with the line.
    @Test func deepNestingIsToldPlainly() {
        let text = "name: x\nhorizon: 1h\nk: " + String(repeating: "[", count: 1200) + String(repeating: "]", count: 1200)
        #expect(Fixtures.errors(text).map(\.description) == [
            "test.yaml:3:5: maps and lists nested deeper than 1000 levels"
        ])
    }

    /// A folder given as the scenario is said to be one.
    @Test func folderIsNotAFile() throws {
        try Fixtures.withFile("", named: "empty.yaml") { path in
            let folder = String(path.dropLast("/empty.yaml".count))
            do {
                _ = try ScenarioLoader.load(path: folder)
                Issue.record("expected the folder to be refused")
            } catch let error as ScenarioErrors {
                #expect(error.errors.map(\.description) == [folder + ": cannot read the scenario file: it is a folder, not a file"])
            }
        }
    }
}
