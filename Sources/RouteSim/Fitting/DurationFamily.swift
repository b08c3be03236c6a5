/// A parametric family of durations that ``DurationFitter`` and ``PatienceFitter`` fit.
public enum DurationFamily: String, Sendable, CaseIterable {
    case exponential, lognormal, gamma, weibull
}
