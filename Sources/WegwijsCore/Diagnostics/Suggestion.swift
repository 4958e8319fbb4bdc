/// "Did you mean" suggestions for misspelt names.
public enum Suggestion {
    /// The candidate closest to `name`, if it is close enough to be a likely typo.
    ///
    /// Close enough: an edit distance of at most a third of the name's length (at least 1), or one
    /// name contains the other. Ties go to the candidate that sorts first, so the answer is stable.
    public static func closest(to name: String, among candidates: some Sequence<String>) -> String? {
        let limit = max(1, name.count / 3)
        var best: (candidate: String, distance: Int)?
        for candidate in candidates.sorted() where candidate != name {
            let distance = editDistance(name, candidate)
            let isContained = name.count >= 3 && (candidate.contains(name) || name.contains(candidate))
            // A suggestion must keep something of the name: 'e' is not a typo of 'a'.
            guard distance <= limit && distance < min(name.count, candidate.count) || isContained else { continue }
            if best == nil || distance < best!.distance { best = (candidate, distance) }
        }
        return best?.candidate
    }

    /// " (did you mean 'x'?)" or an empty string.
    public static func didYouMean(_ name: String, among candidates: some Sequence<String>) -> String {
        guard let match = closest(to: name, among: candidates) else { return "" }
        return " (did you mean '\(match)'?)"
    }

    /// Levenshtein distance over characters, with transpositions counted as one edit.
    static func editDistance(_ lhs: String, _ rhs: String) -> Int {
        let a = Array(lhs), b = Array(rhs)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previousPrevious[j - 2] + 1)
                }
            }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[b.count]
    }
}
