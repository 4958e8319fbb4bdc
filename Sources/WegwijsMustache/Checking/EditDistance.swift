/// Close names for "did you mean" suggestions.
enum EditDistance {
    /// The Levenshtein distance between `a` and `b`, in Unicode scalars.
    static func between(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars)
        let b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// The candidate closest to `name`: at most 2 edits away (1 for names of up to 3 characters), or else
    /// one that begins with `name` or that `name` begins with (both at least 3 characters); nil when none is.
    static func suggestion(for name: String, among candidates: some Sequence<String>) -> String? {
        let limit = name.unicodeScalars.count <= 3 ? 1 : 2
        var best: (name: String, distance: Int)?
        var prefixed: String?
        for candidate in candidates where candidate != name {
            let distance = between(name, candidate)
            if distance <= limit, best.map({ distance < $0.distance || (distance == $0.distance && candidate < $0.name) }) ?? true {
                best = (candidate, distance)
            }
            let shorter = min(name.unicodeScalars.count, candidate.unicodeScalars.count)
            if shorter >= 3, candidate.hasPrefix(name) || name.hasPrefix(candidate), prefixed.map({ candidate < $0 }) ?? true {
                prefixed = candidate
            }
        }
        return best?.name ?? prefixed
    }
}
