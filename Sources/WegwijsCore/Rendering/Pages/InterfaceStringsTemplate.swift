import WegwijsMustache

/// One language's interface strings as templates see them: `{{strings.note.warning}}` names `note.warning`.
///
/// The keys are split at their dots once, when a renderer is made; templates are checked against the same
/// tree, so a misspelt key is an error at load rather than an empty spot on every page.
final class InterfaceStringsTemplate: TemplateObject {
    private enum Entry {
        case string(String)
        case group(InterfaceStringsTemplate)
    }

    private let entries: [String: Entry]

    /// The strings `flat` (keys with dots) as a tree.
    convenience init(_ flat: [String: String]) {
        self.init(pairs: flat.map { (key: $0.key.split(separator: ".").map(String.init)[...], value: $0.value) })
    }

    private init(pairs: [(key: ArraySlice<String>, value: String)]) {
        var leaves: [String: String] = [:]
        var children: [String: [(key: ArraySlice<String>, value: String)]] = [:]
        for (key, value) in pairs {
            guard let first = key.first else { continue }
            if key.count == 1 { leaves[first] = value } else { children[first, default: []].append((key.dropFirst(), value)) }
        }
        var entries: [String: Entry] = [:]
        for (name, value) in leaves { entries[name] = .string(value) }
        // A key that is both a string and a group (`a` and `a.b`) keeps its string, as the nested dictionaries did.
        for (name, pairs) in children where entries[name] == nil { entries[name] = .group(InterfaceStringsTemplate(pairs: pairs)) }
        self.entries = entries
    }

    func value(forKey key: String) -> TemplateValue? {
        switch entries[key] {
        case .string(let value): .text(value)
        case .group(let group): .object(group)
        case nil: nil
        }
    }

    /// The tree's shape, for checking templates.
    var schema: TemplateSchema {
        .object(
            name: "strings",
            fields: entries.mapValues { entry in
                switch entry {
                case .string: .text
                case .group(let group): group.schema
                }
            })
    }

    /// The shape of the strings of a strings file with `keys`.
    static func schema(keys: [String]) -> TemplateSchema {
        InterfaceStringsTemplate(Dictionary(keys.map { ($0, "") }, uniquingKeysWith: { first, _ in first })).schema
    }
}
