import Foundation
import Testing
import WegwijsCore
import WegwijsTestSupport

/// `choices:` on a step: unknown targets, jumps that would loop, untranslated texts, each with line and column.
@Suite struct ChoiceDiagnosticsTests {
    static func procedure(choices: String) -> String {
        """
        title: {en: Add users, nl: Gebruikers toevoegen}
        steps:
          - id: check
            title: {en: Check, nl: Controleer}
            choices:
        \(choices)
          - id: invite
            title: {en: Invite, nl: Nodig uit}

        """
    }

    func lines(_ choices: String, extra: [String: String] = [:]) throws -> [String] {
        try ContentFixture(["procedures/portal/add-users.yaml": Self.procedure(choices: choices)].merging(extra) { $1 }).diagnosticLines()
    }

    @Test func validChoicesHaveNoDiagnosticsAndAreInTheModel() throws {
        let choices = """
                  - text: {en: The user has no account, nl: De gebruiker heeft geen account}
                    step: invite
                  - text: {en: The user is an admin, nl: De gebruiker is beheerder}
                    procedure: other
            """
        let fixture = try ContentFixture([
            "procedures/portal/add-users.yaml": Self.procedure(choices: choices),
            "procedures/portal/other.yaml": "title: {en: Other, nl: Ander}\nsteps:\n  - title: {en: A, nl: B}\n",
        ])
        #expect(fixture.diagnosticLines() == [])
        let procedure = try #require(fixture.open().session?.site.procedure("add-users"))
        let step = try #require(procedure.step("check")?.step)
        #expect(step.choices.map(\.target) == [.step("invite"), .procedure("other")])
        #expect(step.choices[0].targetLocation.line == 7)
        #expect(step.choices[0].text.entry(in: "nl")?.value == "De gebruiker heeft geen account")
        var fields: [String] = []
        procedure.forEachText { _, _, _, field in fields.append(field) }
        #expect(fields.contains("choices/1/text") && fields.contains("choices/2/text"), "choice texts are translation units")
    }

    @Test func unknownStepAndProcedureTargets() throws {
        let found = try lines("""
                  - text: {en: A, nl: A}
                    step: invte
                  - text: {en: B, nl: B}
                    procedure: nowhere
            """)
        #expect(found == [
            "procedures/portal/add-users.yaml:7:15: error: the choice leads to step 'invte', which this procedure does not have (did you mean 'invite'?)",
            "procedures/portal/add-users.yaml:9:20: error: the choice leads to unknown procedure 'nowhere'",
        ])
    }

    @Test func jumpsThatWouldLoopAreErrors() throws {
        let found = try lines("""
                  - text: {en: Again, nl: Opnieuw}
                    step: check
                  - text: {en: Self, nl: Zelf}
                    procedure: add-users
            """)
        #expect(found == [
            "procedures/portal/add-users.yaml:7:15: error: the choice leads to its own step 'check', which would ask it again forever",
            "procedures/portal/add-users.yaml:9:20: error: the choice leads to 'add-users' itself, which would start it again inside itself",
        ])
    }

    @Test func aJumpBackIsAnError() throws {
        let yaml = """
            title: {en: T, nl: T}
            steps:
              - id: first
                title: {en: First, nl: Eerst}
              - id: second
                title: {en: Second, nl: Tweede}
                choices:
                  - {text: {en: Back, nl: Terug}, step: first}
                  - {text: {en: On, nl: Door}, step: third}
              - id: third
                title: {en: Third, nl: Derde}

            """
        let found = try ContentFixture(["procedures/portal/t.yaml": yaml]).diagnosticLines()
        #expect(found == [
            "procedures/portal/t.yaml:8:45: error: the choice leads back to step 'first' (step 1), which would walk the same steps again"
        ])
    }

    @Test func untranslatedChoiceTextsMissingTargetsAndBothTargets() throws {
        let found = try lines("""
                  - text: {en: Only English}
                    step: invite
                  - text: {en: None, nl: Geen}
                  - text: {en: Both, nl: Beide}
                    step: invite
                    procedure: add-users
            """)
        #expect(found == [
            "procedures/portal/add-users.yaml:6:15: warning: untranslated: no 'nl' text; the 'en' text is shown instead",
            "procedures/portal/add-users.yaml:8:9: error: the choice has no target",
            "procedures/portal/add-users.yaml:11:20: error: a choice leads to one place: 'step' or 'procedure', not both",
        ])
    }

    @Test func oneChoiceIsAWarning() throws {
        let found = try lines("""
                  - text: {en: A, nl: A}
                    step: invite
            """)
        #expect(found == ["procedures/portal/add-users.yaml:6:7: warning: 'choices' has one choice: a decision needs at least two answers"])
    }

    @Test func aPrerequisitesSeeMustNameAnotherProcedure() throws {
        let yaml = """
            title: {en: T, nl: T}
            requires:
              - text: {en: A, nl: A}
                see: nowhere
              - text: {en: B, nl: B}
                see: t
              - text: {en: C}
            steps:
              - title: {en: S, nl: S}

            """
        let found = try ContentFixture(["procedures/portal/t.yaml": yaml]).diagnosticLines()
        #expect(found == [
            "procedures/portal/t.yaml:4:10: error: the prerequisite's 'see' names unknown procedure 'nowhere'",
            "procedures/portal/t.yaml:6:10: error: the prerequisite's 'see' names 't' itself",
            "procedures/portal/t.yaml:7:11: warning: untranslated: no 'nl' text; the 'en' text is shown instead",
        ])
    }

    @Test func anInvalidWaitIsAnError() throws {
        let yaml = """
            title: {en: T, nl: T}
            steps:
              - title: {en: S, nl: S}
                wait: 10 minutes

            """
        #expect(try ContentFixture(["procedures/portal/t.yaml": yaml]).diagnosticLines() == [
            "procedures/portal/t.yaml:4:11: error: invalid wait '10 minutes': write it as 90s, 10m or 1h30m (at most 24h)"
        ])
    }
}
