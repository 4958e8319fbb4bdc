import Testing

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
}
