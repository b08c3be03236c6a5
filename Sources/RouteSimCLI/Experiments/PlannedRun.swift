import RouteSim
import RouteSimStore

/// One simulation an experiment will run: the spec and the `runs` row it is recorded under.
struct PlannedRun: Sendable {
    var spec: SimulationSpec
    var info: RunInfo
}
