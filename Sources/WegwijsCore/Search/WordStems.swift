/// The stems of one language's search terms, made by its Snowball stemmer and remembered (a site's pages
/// share most of their words); a language without a stemmer keeps its terms as they are.
///
/// One serves one build job: its stemmer is not to be shared between threads.
struct WordStems {
    /// The stemmer, or nil for a language whose `search.stemmer` names no algorithm libstemmer has.
    private let stemmer: Stemmer?
    private var known: [String: String] = [:]

    /// The stems of Snowball's algorithm `algorithm` (see ``Stemmer/init(algorithm:)``); none for any other name.
    init(algorithm: String) {
        stemmer = Stemmer(algorithm: algorithm)
    }

    /// Whether the terms are stemmed at all.
    var isStemming: Bool { stemmer != nil }

    /// The stem of `term`, a folded search term.
    mutating func stem(_ term: String) -> String {
        guard let stemmer else { return term }
        if let stem = known[term] { return stem }
        let stem = stemmer.stem(term)
        known[term] = stem
        return stem
    }
}
