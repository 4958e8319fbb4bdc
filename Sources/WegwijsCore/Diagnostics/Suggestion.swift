/// "Did you mean" suggestions for misspelt names.
public enum Suggestion {
    /// The candidate closest to `name`, if it is close enough to be a likely typo.
    ///
    /// Close enough: an edit distance of at most a third of the name's length (at least 1), or one
    /// name contains the other. Ties go to the candidate that sorts first, so the answer is stable.
    /// Candidates whose length alone rules them out cost no distance computation: a run may ask this for
    /// each of 100,000 misspelt names among thousands of candidates.
    public static func closest(to name: String, among candidates: some Sequence<String>) -> String? {
        let target = Array(name.unicodeScalars)
        let limit = max(1, target.count / 3)
        var best: (candidate: String, distance: Int)?
        for candidate in candidates where candidate != name {
            let other = Array(candidate.unicodeScalars)
            let isContained =
                target.count >= 3 && (other.count > target.count ? candidate.contains(name) : name.contains(candidate))
            let distance = abs(other.count - target.count) > limit ? limit + 1 : editDistance(target, other, limit: limit)
            // A suggestion must keep something of the name: 'e' is not a typo of 'a'.
            guard distance <= limit && distance < min(target.count, other.count) || isContained else { continue }
            if let current = best, distance > current.distance || distance == current.distance && candidate >= current.candidate {
                continue
            }
            best = (candidate, distance)
        }
        return best?.candidate
    }

    /// " (did you mean 'x'?)" or an empty string.
    public static func didYouMean(_ name: String, among candidates: some Sequence<String>) -> String {
        guard let match = closest(to: name, among: candidates) else { return "" }
        return " (did you mean '\(match)'?)"
    }

    /// Levenshtein distance over Unicode scalars, with transpositions counted as one edit; any distance
    /// over `limit` comes back as `limit + 1`, found as soon as two rows are past it.
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int {
        if a.isEmpty { return min(b.count, limit + 1) }
        if b.isEmpty { return min(a.count, limit + 1) }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        var previousMinimum = 0
        for i in 1...a.count {
            current[0] = i
            var minimum = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previousPrevious[j - 2] + 1)
                }
                minimum = min(minimum, current[j])
            }
            // Later rows grow from this row, or from the previous one plus a transposition.
            if minimum > limit && previousMinimum >= limit { return limit + 1 }
            previousMinimum = minimum
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return min(previous[b.count], limit + 1)
    }
}
