/// One language's glossary labels worth looking for in running text, longest first (so "Track & Trace Read Only"
/// wins over "Track & Trace" where both match), found by their first word.
struct GlossaryLabels: Sendable {
    /// A glossary label to look for in running text.
    struct Label: Sendable {
        var key: String
        var label: [Unicode.Scalar]
        /// The label's leading run of letters and digits (empty when it starts otherwise).
        var firstWord: String

        init(key: String, label: [Unicode.Scalar]) {
            self.key = key
            self.label = label
            firstWord = String(String.UnicodeScalarView(label.prefix(while: TextRuns.Run.isWordCharacter)))
        }
    }

    /// The labels, longest first.
    let labels: [Label]
    /// The offsets in ``labels`` of the labels that start with each first word.
    let offsetsByFirstWord: [String: [Int]]
    /// The offsets of the labels that start with no word, looked for in every text.
    let wordlessOffsets: [Int]

    /// The index of `labels`.
    init(_ labels: [Label]) {
        self.labels = labels.sorted { ($1.label.count, $0.key) < ($0.label.count, $1.key) }
        var offsetsByFirstWord: [String: [Int]] = [:]
        var wordlessOffsets: [Int] = []
        for (offset, label) in self.labels.enumerated() {
            if label.firstWord.isEmpty {
                wordlessOffsets.append(offset)
            } else {
                offsetsByFirstWord[label.firstWord, default: []].append(offset)
            }
        }
        self.offsetsByFirstWord = offsetsByFirstWord
        self.wordlessOffsets = wordlessOffsets
    }

    /// The labels whose first word `text` has (a run of letters and digits), and those that start with no word,
    /// longest first; only those of `onlyTerms` when it is given.
    ///
    /// One pass over the text, each word looked up once: the labels are many, the words of a text few.
    func candidates(in text: String, onlyTerms: Set<String>?) -> [Label] {
        var offsets = wordlessOffsets
        var word = String.UnicodeScalarView()
        func lookUp() {
            if let found = offsetsByFirstWord[String(word)] { offsets += found }
            word = String.UnicodeScalarView()
        }
        for scalar in text.unicodeScalars {
            if TextRuns.Run.isWordCharacter(scalar) {
                word.append(scalar)
            } else if !word.isEmpty {
                lookUp()
            }
        }
        if !word.isEmpty { lookUp() }
        return Set(offsets).sorted().map { labels[$0] }.filter { onlyTerms?.contains($0.key) ?? true }
    }
}
