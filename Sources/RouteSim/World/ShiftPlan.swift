/// A worker group's scheduled activity changes, in time order: the shift starts, breaks
/// and ends turned into (time, activity) steps.
///
/// Before the first shift the group is in the workspace's default activity; without
/// shifts it is in its own activity from time 0 on.
struct ShiftPlan {
    struct Step {
        var time: Double
        var activity: Int32
    }

    private(set) var steps: [Step] = []

    init(group: WorkerGroup, offActivity: Int) {
        let on = Int32(group.activity)
        let off = Int32(offActivity)
        guard !group.shifts.isEmpty else {
            steps = [Step(time: 0, activity: on)]
            return
        }
        if group.shifts[0].start > 0 { steps.append(Step(time: 0, activity: off)) }
        for shift in group.shifts {
            steps.append(Step(time: shift.start, activity: on))
            for pause in shift.breaks.sorted(by: { $0.at < $1.at }) {
                steps.append(Step(time: pause.at, activity: Int32(pause.activity)))
                steps.append(Step(time: pause.at + pause.length, activity: on))
            }
            steps.append(Step(time: shift.end, activity: off))
        }
    }
}
