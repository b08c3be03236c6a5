/// Why `routesim merge` refused its parts; nothing was written.
public struct MergeError: Error, CustomStringConvertible, Equatable {
    /// One line: what is wrong, with which file, and what was expected.
    public var description: String

    /// The file `--out` names exists.
    static func outputExists(_ path: String) -> MergeError {
        MergeError(description: "\(path) exists; merge writes a new file: give --out a path that does not exist")
    }

    /// No part file was given.
    static let noParts = MergeError(description: "no part file given: routesim merge PART.sqlite... --out FILE")

    /// `path` holds no record of a finished part.
    static func notAPart(_ path: String) -> MergeError {
        MergeError(description: "\(path) holds no finished part: it was written without --part, or its routesim "
            + "stopped before all the part's runs were recorded (run that part again)")
    }

    /// `path`'s runs are not those its part record names.
    static func changedPart(_ path: String, part: ExperimentPart, found: String) -> MergeError {
        MergeError(description: "\(path) is part \(part.name) with runs \(part.runIDs), but it holds \(found): "
            + "was it changed after routesim wrote it? Run that part again into a new file")
    }

    /// `path` has another schema than this routesim's.
    static func otherSchema(_ path: String, found: String, expected: String) -> MergeError {
        MergeError(description: "\(path) has results schema \(found); this routesim writes \(expected): "
            + "run every part with the same routesim that merges them")
    }

    /// `path`'s runs were made by another routesim.
    static func otherVersion(_ path: String, found: [String], expected: String) -> MergeError {
        MergeError(description: "\(path) was written by routesim \(found.joined(separator: ", ")); this is routesim \(expected): "
            + "run every part with the same routesim that merges them")
    }

    /// `path` is a part of another experiment than `first`.
    static func otherExperiment(_ path: String, first: String) -> MergeError {
        MergeError(description: "\(path) is a part of another experiment than \(first) (another command, scenario, option "
            + "or number of parts): merge only the parts of one experiment")
    }

    /// Two files hold the same part.
    static func duplicated(_ part: ExperimentPart, _ first: String, _ second: String) -> MergeError {
        MergeError(description: "\(first) and \(second) are both part \(part.name); give each part once")
    }

    /// Parts are missing and `--partial` was not given.
    static func missing(_ parts: [ExperimentPart]) -> MergeError {
        MergeError(description: "missing \(PartMerge.describe(parts)); give every part, or --partial to merge the parts given")
    }
}
