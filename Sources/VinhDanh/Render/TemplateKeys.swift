import Synchronization

/// The names a template's context offers, as a tree: a table's keys, with the keys of
/// each value below; a list's items merged (a section over a list looks names up in each
/// item); text, numbers and flags are leaves. Made from the contexts templates are really
/// rendered with (``ContextRecorder``), so it cannot drift from the code.
final class KeyTree: @unchecked Sendable {  // filled under the recorder's lock, then only read
    private(set) var children: [String: KeyTree] = [:]
    /// A value seen at this name, for the reference: the longest up to 40 characters (the
    /// first in order among those), else the shortest; the same whatever the order seen.
    private(set) var example: String?

    /// Adds the names `value` offers.
    func absorb(_ value: Any) {
        switch value {
        case let object as TemplateObject: absorb(table: object.values)
        case let table as [String: Any]: absorb(table: table)
        case let list as [Any]: for item in list { absorb(item) }
        case let text as TemplateText: note(text.text)
        case let text as String: note(text)
        case let number as Int: note(String(number))
        case let flag as Bool: note(flag ? "true" : "false")
        default: break
        }
    }

    private func note(_ text: String) {
        guard !text.isEmpty, let current = example else {
            if !text.isEmpty { example = text }
            return
        }
        func rank(_ t: String) -> (Int, Int, String) { t.count <= 40 ? (0, -t.count, t) : (1, t.count, t) }
        if rank(text) < rank(current) { example = text }
    }

    private func absorb(table: [String: Any]) {
        for (key, value) in table {
            let child = children[key] ?? KeyTree()
            children[key] = child
            child.absorb(value)
        }
    }

    /// Adds every name of `other`.
    func merge(_ other: KeyTree) {
        if let example = other.example { note(example) }
        for (key, tree) in other.children {
            let child = children[key] ?? KeyTree()
            children[key] = child
            child.merge(tree)
        }
    }

    /// A tree whose top level has the names of every level of this one (each with what
    /// is below it).
    func flattened() -> KeyTree {
        let flat = KeyTree()
        var queue = [self]
        while let node = queue.popLast() {
            for (key, child) in node.children {
                let merged = flat.children[key] ?? KeyTree()
                flat.children[key] = merged
                merged.merge(child)
                queue.append(child)
            }
        }
        return flat
    }

    /// The tree at dotted path `path` below this one.
    func descend(_ path: [Substring]) -> KeyTree? {
        var node: KeyTree? = self
        for part in path { node = node?.children[String(part)] }
        return node
    }
}

/// Notes the context every template is rendered with, by template name (``Theme``).
final class ContextRecorder: Sendable {
    private let trees = Mutex<[String: KeyTree]>([:])

    func note(_ template: String, _ context: [String: Any]) {
        trees.withLock { trees in
            let tree = trees[template] ?? KeyTree()
            trees[template] = tree
            tree.absorb(context)
        }
    }

    /// The trees noted so far.
    var recorded: [String: KeyTree] { trees.withLock { $0 } }
}
