/// An `export` command line that asks for nothing or for something impossible.
struct ExportRequestError: UserFacingError {
    var problem: String
    var problems: [String] { [problem] }
}
