import RouteSimStore

/// One benchmark case of the issue "Speed and scale".
enum BenchCase: String, CaseIterable, Sendable {
    case a, b, c, d, e, simpy

    static let defaultOrder: [BenchCase] = [.a, .b, .c, .d, .e, .simpy]

    /// The scenario file, relative to the repository root.
    var scenario: String {
        switch self {
        case .a, .b: "scenarios/bench/mm100.yaml"
        case .c: "scenarios/bench/skills.yaml"
        case .d: "scenarios/bench/chat.yaml"
        case .e: "scenarios/bench/mm100-plain.yaml"
        case .simpy: "Benchmarks/peers/mm100_simpy.py"
        }
    }

    /// What `--record` the case uses.
    var record: RecordLevel {
        self == .b ? .tasks : .summary
    }

    /// A short description for the table.
    var title: String {
        switch self {
        case .a: "M/M/100+M, --record summary"
        case .b: "M/M/100+M, --record tasks"
        case .c: "10k agents, 50 skills/queues"
        case .d: "1k chat agents x3, beta 0.25"
        case .e: "M/M/100+M written plain (template FIFO, no channels:)"
        case .simpy: "M/M/100+M in SimPy"
        }
    }
}
