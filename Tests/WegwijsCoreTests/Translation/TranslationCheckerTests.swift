import Foundation
import Testing
import WegwijsCore
import WegwijsTestSupport

/// The translation checks: outdated translations, dropped and added links, glossary labels spelt out, unused terms.
@Suite struct TranslationCheckerTests {
    static let glossary = "save: {en: Save, nl: Opslaan}\nok: {en: OK, nl: OK}\naccount-number: {en: Account Number, nl: DHL-klantnummer}\n"

    func lines(_ procedure: String, records: String? = nil) throws -> [String] {
        var files = ["procedures/portal/p.yaml": procedure, "glossary.yaml": Self.glossary]
        if let records { files["translated-from.txt"] = records }
        return try ContentFixture(files).diagnosticLines()
    }

    @Test func anOutdatedTranslationIsAWarningAtTheTranslation() throws {
        let procedure = """
            title: {en: Add users, nl: Gebruikers toevoegen}
            steps:
              - title: {en: "Click [](term:save) and [](term:ok), in the [](term:account-number) column", nl: "Klik op [](term:save) en [](term:ok) in de kolom [](term:account-number)"}

            """
        let records = "p/title nl \(TextFingerprint.of("Add people")) \"Add people\"\n"
        let fixture = try ContentFixture(["procedures/portal/p.yaml": procedure, "glossary.yaml": Self.glossary, "translated-from.txt": records])
        let diagnostics = fixture.open().diagnostics.sorted
        #expect(diagnostics.map(\.headline) == [
            "content/procedures/portal/p.yaml:1:28: warning: outdated translation: the 'en' text changed since this 'nl' text was made from it"
        ])
        #expect(diagnostics.first?.notes == [
            "It was translated from: “Add people”",
            "Update it, or confirm that it is still right: wegwijs po confirm --lang nl p/title",
        ])
    }

    @Test func aTranslationThatDropsOrAddsALinkIsReported() throws {
        let procedure = """
            title: {en: A, nl: A}
            steps:
              - title: {en: Go, nl: Ga}
                text:
                  en: Click [](term:save), then [](term:ok) and [](term:ok).
                  nl: |
                    Klik op Opslaan, dan [](term:ok) en
                    [](term:account-number).

            """
        #expect(try lines(procedure) == [
            "procedures/portal/p.yaml:6:11: warning: the 'nl' text lacks the link [](term:ok) that its 'en' text has",
            "procedures/portal/p.yaml:6:11: warning: the 'nl' text lacks the link [](term:save) that its 'en' text has",
            "procedures/portal/p.yaml:7:17: warning: 'Opslaan' is the label of glossary term 'save': link the term instead, as [](term:save)",
            "procedures/portal/p.yaml:8:9: warning: the 'nl' text links to 'term:account-number', which its 'en' text does not",
        ])
    }

    @Test func aLabelSpeltOutInRunningTextIsReportedWhereItIs() throws {
        let procedure = """
            title: {en: Save the Account Number, nl: Opslaan}
            steps:
              - title: {en: Go, nl: Ga}
                text:
                  en: |
                    Save first. Then fill in the
                    Account Number and click *Save*, not [Save](term:save) or `Save`.
                  nl: Vul het klantnummer in en klik op [](term:save).
                result: {en: "Saved: click OK.", nl: "Opgeslagen."}

            """
        #expect(try lines(procedure) == [
            "glossary.yaml:2:1: warning: glossary term 'ok' is not used by any text",
            "glossary.yaml:3:1: warning: glossary term 'account-number' is not used by any text",
            "procedures/portal/p.yaml:7:9: warning: 'Account Number' is the label of glossary term 'account-number': link the term instead, as [](term:account-number)",
            "procedures/portal/p.yaml:7:35: warning: 'Save' is the label of glossary term 'save': link the term instead, as [](term:save)",
        ])
    }

    @Test func aTranslationIsCheckedOnlyForTermsItsSourceNames() throws {
        let procedure = """
            title: {en: A, nl: A}
            summary:
              en: Revoke access to your DHL account number.
              nl: Trek de toegang tot uw DHL-klantnummer in.
            steps:
              - title: {en: Go, nl: Ga}
                text: {en: "Fill in the [](term:account-number) column.", nl: "Vul de kolom DHL-klantnummer in."}

            """
        #expect(try lines(procedure) == [
            "glossary.yaml:1:1: warning: glossary term 'save' is not used by any text",
            "glossary.yaml:2:1: warning: glossary term 'ok' is not used by any text",
            "procedures/portal/p.yaml:7:67: warning: the 'nl' text lacks the link [](term:account-number) that its 'en' text has",
            "procedures/portal/p.yaml:7:81: warning: 'DHL-klantnummer' is the label of glossary term 'account-number': link the term instead, as [](term:account-number)",
        ])
    }

    @Test func aTermNoTextUsesIsReported() throws {
        let procedure = "title: {en: A, nl: A}\nsteps:\n  - title: {en: Go, nl: Ga}\n    text: {en: \"[](term:save)\", nl: \"[](term:save)\"}\n"
        #expect(try lines(procedure) == [
            "glossary.yaml:2:1: warning: glossary term 'ok' is not used by any text",
            "glossary.yaml:3:1: warning: glossary term 'account-number' is not used by any text",
        ])
    }

    @Test func theStatusCountsTranslatedMissingOutdatedAndUnverifiedTexts() throws {
        let procedure = """
            title: {en: Add users, nl: Gebruikers toevoegen}
            summary: {en: Give access.}
            steps:
              - title: {en: Go, nl: Ga}
                result: {en: Done, nl: Klaar}
              - title: Same everywhere

            """
        let records = """
            p/title nl \(TextFingerprint.of("Add users")) "Add users"
            p/steps/step-1/result nl \(TextFingerprint.of("Finished")) "Finished"

            """
        let fixture = try ContentFixture(["procedures/portal/p.yaml": procedure, "translated-from.txt": records])
        let session = try #require(fixture.open().session)
        let status = TranslationStatus(site: session.site, units: session.site.translationUnits, records: session.translationRecords)
        let nl = try #require(status.language("nl"))
        #expect(status.languages.map(\.code) == ["nl"])
        #expect(nl.rows.map(\.name) == ["site", "p"])
        #expect(nl.rows[1].counts == TranslationStatus.Counts(translated: 1, missing: 1, outdated: 1, unverified: 1))
        #expect(nl.items.map { "\($0.location.line):\($0.location.column) \($0.state.rawValue) \($0.place)" } == [
            "3:7 unverified site/title",
            "9:28 unverified site/groups/other/title",
            "2:10 missing p/summary",
            "4:25 unverified p/steps/step-1/title",
            "5:28 outdated p/steps/step-1/result",
        ])
        #expect(nl.items.last?.previousSource == "Finished")
    }
}
