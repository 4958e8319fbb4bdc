import Testing
import WegwijsCore

/// "Did you mean": which names count as likely typos, and that the answer does not depend on order.
@Suite struct SuggestionTests {
    @Test(arguments: [
        ("acess-esecure", "access-esecure"),  // a letter left out
        ("acecss-esecure", "access-esecure"),  // two letters swapped count as one edit
        ("email", "email-id"),  // one name contains the other
        ("add-administratorz", "add-administrators"),
    ])
    func likelyTyposAreSuggested(name: String, expected: String) {
        let candidates = ["access-esecure", "access-esecure-administrators", "add-administrators", "email-id", "save"]
        let closest = Suggestion.closest(to: name, among: candidates)
        #expect(closest == expected)
        let reversed = Suggestion.closest(to: name, among: candidates.reversed())
        #expect(reversed == expected, "the answer must not depend on the order of the candidates")
    }

    @Test func namesTooFarFromEveryCandidateGetNoSuggestion() {
        let candidates = ["access-esecure", "add-administrators", "save"]
        #expect(Suggestion.closest(to: "track-and-trace", among: candidates) == nil)
        #expect(Suggestion.closest(to: "e", among: ["a"]) == nil, "'e' is not a typo of 'a'")
        #expect(Suggestion.closest(to: "save", among: ["save"]) == nil, "the name itself is no suggestion")
        #expect(Suggestion.didYouMean("svae", among: candidates) == " (did you mean 'save'?)")
    }

    @Test func tiesGoToTheCandidateThatSortsFirst() {
        // 'cat' is one edit from both; whatever the order, 'bat' wins.
        for candidates in [["hat", "bat"], ["bat", "hat"]] {
            let closest = Suggestion.closest(to: "cat", among: candidates)
            #expect(closest == "bat")
        }
    }

    @Test func theDistanceCutOffAgreesWithTheFullComputation() {
        // Every pair from a small alphabet, up to length 6: a name is suggested exactly when the full
        // distance (over a third of the name's length ruled out) says so. Catches a cut-off that stops too early.
        let words = ["", "a", "ab", "ba", "abc", "acb", "bca", "abcd", "abdc", "dcba", "abcabc", "cbacba", "aabbcc", "abcab"]
        for name in words where !name.isEmpty {
            for candidate in words where candidate != name {
                let limit = max(1, name.count / 3)
                let distance = Self.fullDistance(Array(name), Array(candidate))
                let contained = name.count >= 3 && (candidate.contains(name) || name.contains(candidate))
                let expected = distance <= limit && distance < min(name.count, candidate.count) || contained
                let suggested = Suggestion.closest(to: name, among: [candidate]) != nil
                #expect(suggested == expected, "\(name) → \(candidate): distance \(distance)")
            }
        }
    }

    /// Optimal string alignment distance, computed in full with no cut-off.
    static func fullDistance(_ a: [Character], _ b: [Character]) -> Int {
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in stride(from: 1, through: a.count, by: 1) {
            for j in stride(from: 1, through: b.count, by: 1) {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
    }
}
