/// How a task ended, as the KPIs count it.
enum TaskOutcome {
    case answered, abandoned, otherCanceled
}
