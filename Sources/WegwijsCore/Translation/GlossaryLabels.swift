/// One language's glossary labels worth looking for in running text, found in one pass over each run of text
/// by an Aho–Corasick automaton over the labels' Unicode scalars.
///
/// Where matches overlap, the longer label wins ("Track & Trace Read Only" over "Track & Trace"), then the
/// earlier key, then the earlier place: the labels are kept longest first and matches are taken in that order.
struct GlossaryLabels: Sendable {
    /// A glossary label to look for in running text.
    struct Label: Sendable {
        var key: String
        var label: [Unicode.Scalar]

        init(key: String, label: [Unicode.Scalar]) {
            self.key = key
            self.label = label
        }
    }

    /// A label found in a run: where it starts, and its offset in ``labels``.
    struct Match: Equatable {
        var start: Int
        var label: Int
    }

    /// The labels, longest first.
    let labels: [Label]
    private let automaton: Automaton

    /// The automaton of `labels`.
    init(_ labels: [Label]) {
        self.labels = labels.sorted { ($1.label.count, $0.key) < ($0.label.count, $1.key) }
        automaton = Automaton(self.labels.map(\.label))
    }

    /// Whether there is no label to look for.
    var isEmpty: Bool { labels.isEmpty }

    /// The labels that stand in `run` as whole words, without overlaps (longest first wins), in the order the
    /// labels are kept and then by place; only those of `onlyTerms` when it is given.
    ///
    /// A label of one word is not taken at the start of a sentence, where any word is capitalised ("Save the file
    /// first" does not name the Save button).
    func matches(in run: TextRuns.Run, onlyTerms: Set<String>?) -> [Match] {
        var found: [Match] = []
        automaton.scan(run.characters.lazy.map(\.scalar)) { end, offset in
            let label = labels[offset]
            guard onlyTerms?.contains(label.key) ?? true else { return }
            let start = end - label.label.count
            if start > 0, TextRuns.Run.isWordCharacter(run.characters[start - 1].scalar) { return }
            if end < run.characters.count, TextRuns.Run.isWordCharacter(run.characters[end].scalar) { return }
            if !label.label.contains(" "), run.startsSentence(at: start) { return }
            found.append(Match(start: start, label: offset))
        }
        found.sort { ($0.label, $0.start) < ($1.label, $1.start) }
        var taken: [Range<Int>] = []
        return found.filter { match in
            let range = match.start..<(match.start + labels[match.label].label.count)
            guard !taken.contains(where: { $0.overlaps(range) }) else { return false }
            taken.append(range)
            return true
        }
    }
}

extension GlossaryLabels {
    /// The Aho–Corasick automaton of a set of patterns: a trie of their scalars with failure links, so one pass
    /// over a text finds every occurrence of every pattern, however many there are.
    struct Automaton: Sendable {
        private struct State: Sendable {
            var next: [Unicode.Scalar: Int32] = [:]
            var failure: Int32 = 0
            /// The patterns that end here, this state's own and those of its failure chain.
            var outputs: [Int32] = []
        }

        private var states: [State] = [State()]

        /// The automaton of `patterns`; an empty pattern is never found.
        init(_ patterns: [[Unicode.Scalar]]) {
            for (offset, pattern) in patterns.enumerated() where !pattern.isEmpty {
                var state = 0
                for scalar in pattern {
                    if let next = states[state].next[scalar] {
                        state = Int(next)
                    } else {
                        states.append(State())
                        states[state].next[scalar] = Int32(states.count - 1)
                        state = states.count - 1
                    }
                }
                states[state].outputs.append(Int32(offset))
            }
            // Breadth first, so every state's failure is settled before its children's.
            var queue = states[0].next.values.map(Int.init)
            var head = 0
            while head < queue.count {
                let state = queue[head]
                head += 1
                for (scalar, child) in states[state].next {
                    let child = Int(child)
                    var failure = Int(states[state].failure)
                    while failure != 0, states[failure].next[scalar] == nil { failure = Int(states[failure].failure) }
                    let target = states[failure].next[scalar].map(Int.init) ?? 0
                    states[child].failure = Int32(target == child ? 0 : target)
                    states[child].outputs += states[Int(states[child].failure)].outputs
                    queue.append(child)
                }
            }
        }

        /// Calls `found` with the end offset (exclusive) and the pattern's offset of every occurrence in `text`.
        func scan(_ text: some Sequence<Unicode.Scalar>, _ found: (Int, Int) -> Void) {
            var state = 0
            var position = 0
            for scalar in text {
                position += 1
                while state != 0, states[state].next[scalar] == nil { state = Int(states[state].failure) }
                state = states[state].next[scalar].map(Int.init) ?? 0
                for output in states[state].outputs { found(position, Int(output)) }
            }
        }
    }
}
