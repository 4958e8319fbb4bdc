/// Suggests the place a misspelt `msgctxt` most likely meant, one path part at a time.
///
/// `add-administrator/step/fill-in/title` becomes `add-administrators/steps/fill-in/title`: each part is
/// matched among the parts that can follow the ones before it, so a lookup costs a few small comparisons
/// even when the content has 100,000 places and the PO file 500,000 entries that name none of them.
struct PlaceSuggester: Sendable {
    /// One path part and the parts that can follow it.
    struct Node: Sendable {
        var children: [String: Node] = [:]
        var isPlace = false
    }

    var root = Node()

    /// A suggester for `places`, such as `access-esecure/steps/log-in/title`.
    init(places: some Sequence<String>) {
        for place in places {
            Self.insert(place.split(separator: "/", omittingEmptySubsequences: false).map(String.init)[...], into: &root)
        }
    }

    static func insert(_ parts: ArraySlice<String>, into node: inout Node) {
        guard let first = parts.first else {
            node.isPlace = true
            return
        }
        insert(parts.dropFirst(), into: &node.children[first, default: Node()])
    }

    /// The known place closest to `place`, part by part, or nil when some part has no likely match.
    func closest(to place: String) -> String? {
        var node = root
        var parts: [String] = []
        for part in place.split(separator: "/", omittingEmptySubsequences: false).map(String.init) {
            if let child = node.children[part] {
                parts.append(part)
                node = child
            } else if let match = Suggestion.closest(to: part, among: node.children.keys), let child = node.children[match] {
                parts.append(match)
                node = child
            } else {
                return nil
            }
        }
        guard node.isPlace else { return nil }
        let suggestion = parts.joined(separator: "/")
        return suggestion == place ? nil : suggestion
    }

    /// " (did you mean 'x'?)" or an empty string.
    func didYouMean(_ place: String) -> String {
        closest(to: place).map { " (did you mean '\($0)'?)" } ?? ""
    }
}
