import Foundation
import Testing
import WegwijsTestSupport

@testable import WegwijsCore

/// The bridge to Snowball's libstemmer, and the search terms the index and `wegwijs.js` compare.
@Suite struct StemmerTests {
    @Test func englishFormsShareTheirStem() throws {
        let english = try #require(Stemmer(algorithm: "english"))
        #expect(["approve", "approving", "approved", "approval"].map(english.stem) == ["approv", "approv", "approv", "approv"])
        #expect(english.stem("users") == "user")
        #expect(english.stem("mandatory") == "mandatori")
    }

    @Test func dutchFormsShareTheirStem() throws {
        let dutch = try #require(Stemmer(algorithm: "dutch"))
        #expect(dutch.stem("gebruikers") == dutch.stem("gebruiker"))
        #expect(dutch.stem("gebruikers") == "gebruiker")
        #expect(dutch.stem("verplichte") == "verplicht")
        // The index stems folded words; Snowball's Dutch folds accents itself all the same.
        #expect(dutch.stem("één") == "een")
    }

    @Test func aLanguageWithoutAStemmerKeepsItsWords() {
        #expect(Stemmer(algorithm: "none") == nil)
        #expect(Stemmer(algorithm: "") == nil)
        #expect(Stemmer(algorithm: "English") == nil)  // libstemmer's names are lower case
        var frisian = WordStems(algorithm: "none")
        #expect(!frisian.isStemming)
        #expect(frisian.stem("brûkers") == "brûkers")
        var english = WordStems(algorithm: "english")
        #expect(english.stem("approving") == "approv")
        #expect(english.stem("approving") == "approv")  // remembered
    }

    @Test func libstemmerListsItsAlgorithms() {
        #expect(Stemmer.algorithms.contains("english"))
        #expect(Stemmer.algorithms.contains("dutch"))
        #expect(Stemmer.algorithms == Stemmer.algorithms.sorted())
    }

    @Test func termsFoldCaseAccentsAndHyphens() {
        #expect(SearchTerms.fold("ÉÉN Opslaan") == "een opslaan")
        #expect(SearchTerms.words(in: "Pick-up, e-mail; foto's -- x--y één.") == ["Pick-up", "e-mail", "foto's", "x", "y", "één"])
        #expect(SearchTerms.terms(in: "Pick-up E-mail") == ["pickup", "pick", "up", "email", "e", "mail"])
        #expect(SearchTerms.terms(in: "DHL-klantnummer") == ["dhlklantnummer", "dhl", "klantnummer"])
        #expect(SearchTerms.terms(in: "MyDHL+-gebruiker") == ["mydhl", "gebruiker"])
        #expect(SearchTerms.terms(in: "") == [])
    }

    /// A misspelt algorithm would turn word forms off without a word: it is an error at the value, with the
    /// name meant; `none` and libstemmer's own aliases ("nl") are accepted.
    @Test func anUnknownStemmerInAStringsFileIsAnErrorWithTheNameMeant() throws {
        let fixture = try ContentFixture(["procedures/portal/add-users.yaml": "title: {en: Add users, nl: Toevoegen}\nsteps:\n  - title: {en: Go, nl: Ga}\n"])
        let file = fixture.templates.appendingPathComponent("strings/nl.yaml")
        let original = try String(contentsOf: file, encoding: .utf8)
        let lines = original.split(separator: "\n", omittingEmptySubsequences: false)
        let line = try #require(lines.firstIndex { $0.hasPrefix("search.stemmer:") }) + 1
        func errors(stemmer: String) throws -> [String] {
            let changed = lines.map { $0.hasPrefix("search.stemmer:") ? "search.stemmer: \(stemmer)" : String($0) }
            try Data(changed.joined(separator: "\n").utf8).write(to: file)
            return fixture.diagnosticLines().filter { $0.hasPrefix("templates/strings/nl.yaml") }
        }
        #expect(try errors(stemmer: "dutsch") == ["templates/strings/nl.yaml:\(line):17: error: 'dutsch' is no stemming algorithm (did you mean 'dutch'?)"])
        #expect(try errors(stemmer: "none") == [])
        #expect(try errors(stemmer: "nl") == [])
    }
}
