import Foundation
import Testing
import WegwijsTestSupport

/// How the printed example guides fall on their pages, read back from the PDFs: a step's figure stays on the
/// step's page (scaled down rather than pushed over), and each PDF is tagged with its language.
@Suite struct PrintedGuideLayoutTests {
    func guides() throws -> ExamplePDFs {
        try ExamplePDFs.shared.get()
    }

    /// The Mijn PostNL steps with a full-page screenshot: their title, text and figure legend on one page.
    @Test(arguments: [
        ("en", "Select the authorisations for the user", "The customer number selector"),
        ("nl", "Selecteer autorisaties voor gebruiker", "De keuzelijst met het klantnummer"),
    ])
    func aFigureStaysOnItsStepsPage(language: String, step: String, legend: String) throws {
        let pages = try #require(try guides().pdfs[language])
        let withStep = (1...pages.count).filter { pages.body(ofPage: $0).contains(step) }
        #expect(withStep.count >= 2, "the step is in two procedures: \(withStep)")
        for number in withStep {
            #expect(pages.body(ofPage: number).contains(legend), "page \(number): the figure's legend is not under its step")
        }
    }

    @Test func eachPDFIsTaggedWithItsLanguage() throws {
        let tagging = try guides().tagging
        #expect(tagging["en"]?.isTagged == true && tagging["nl"]?.isTagged == true && tagging["guide"]?.isTagged == true)
        #expect(tagging["en"]?.languages == ["en"])
        #expect(tagging["nl"]?.languages == ["nl"])
        // WeasyPrint 57 names the document's language only, not each part's (see README, The printed guide).
        #expect(tagging["guide"]?.languages.first == "en")
    }
}
