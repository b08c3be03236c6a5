/// Names numbered in order of first appearance.
struct NameIndex {
    private(set) var names: [String] = []
    private var numbers: [String: Int] = [:]

    /// The number of `name`, given it the next one if new.
    mutating func index(_ name: String) -> Int {
        if let known = numbers[name] { return known }
        numbers[name] = names.count
        names.append(name)
        return names.count - 1
    }
}
