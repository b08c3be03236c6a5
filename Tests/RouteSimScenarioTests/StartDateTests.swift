import RouteSim
import RouteSimScenario
import Testing

/// The scenario's `start:`: the calendar time that simulated time 0 stands for.
struct StartDateTests {
    func start(_ value: String) throws -> String? {
        try Fixtures.load(Fixtures.minimal + "\nstart: \(value)\n").spec.start
    }

    @Test func absentByDefault() throws {
        #expect(try Fixtures.load(Fixtures.minimal).spec.start == nil)
    }

    @Test func dateAndTimeForms() throws {
        #expect(try start("2025-03-03") == "2025-03-03T00:00:00")
        #expect(try start("2025-03-03T08:30") == "2025-03-03T08:30:00")
        #expect(try start("'2024-02-29 23:59:59'") == "2024-02-29T23:59:59")
        let overridden = try Fixtures.load(Fixtures.minimal, overrides: [try Override.parse("start=2025-01-06T09:00")])
        #expect(overridden.spec.start == "2025-01-06T09:00:00")
    }

    @Test func badDatesAreReported() {
        for bad in ["2025-02-29", "2025-13-01", "3 March", "2025-03-03T24:00", "2025-03-03T08", "25-03-03", "[1]"] {
            let errors = Fixtures.errors(Fixtures.minimal + "\nstart: \(bad)\n")
            #expect(errors.count == 1, "\(bad)")
            #expect(errors.first?.description.contains("start: expected a date and time") == true, "\(bad): \(errors)")
        }
    }
}
