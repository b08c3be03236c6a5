/// The key path of a node in a scenario document, as error messages print it.
///
/// Items of named lists (workers, arrivals, ...) appear under their name, so a path reads
/// like the override that would address it: `workers.english.count`; other list items by
/// index: `filters[0].targets[1]`.
struct NodePath: Sendable, Equatable, CustomStringConvertible {
    /// One step of a path.
    enum Component: Sendable, Equatable {
        case key(String)
        case index(Int)
    }

    /// The steps from the document root.
    var components: [Component] = []

    /// The document root (an empty path).
    static let root = NodePath()

    /// This path followed by a map key.
    func appending(_ key: String) -> NodePath {
        NodePath(components: components + [.key(key)])
    }

    /// This path followed by a list index.
    func appending(index: Int) -> NodePath {
        NodePath(components: components + [.index(index)])
    }

    /// This path with its last step replaced by a name: how a list item is shown once its
    /// name is known.
    func naming(_ name: String) -> NodePath {
        NodePath(components: components.dropLast() + [.key(name)])
    }

    /// Dotted keys and bracketed indexes: `workflows.Support.configuration.task_routing.filters[0]`.
    var description: String {
        var text = ""
        for component in components {
            switch component {
            case .key(let key):
                text += text.isEmpty ? key : "." + key
            case .index(let index):
                text += "[\(index)]"
            }
        }
        return text
    }
}
