import Foundation
import Testing
import WegwijsCore
import WegwijsTestSupport

/// A step's `choices:` on the page and in print: "If …, go to step N: title" numbered as the page numbers its steps
/// (an include is one step), a choice for another procedure linking to its page, "on page P" in print.
@Suite struct ChoiceRenderingTests {
    static let files: [String: String] = [
        "procedures/portal/log-in.yaml": """
            title: {en: Log in, nl: Inloggen}
            steps:
              - title: {en: Open the portal, nl: Open het portaal}
              - title: {en: Sign in, nl: Meld je aan}

            """,
        "procedures/portal/add-users.yaml": """
            title: {en: Add users, nl: Gebruikers toevoegen}
            steps:
              - include: log-in
              - id: check
                title: {en: Check the user, nl: Controleer de gebruiker}
                choices:
                  - text: {en: "the user has *no* account yet", nl: "de gebruiker nog *geen* account heeft"}
                    step: invite
                  - text: {en: the user must manage the portal too, nl: de gebruiker het portaal ook moet beheren}
                    procedure: log-in
              - title: {en: Edit the user, nl: Bewerk de gebruiker}
              - id: invite
                title: {en: Invite the user, nl: Nodig de gebruiker uit}

            """,
    ]

    func page(_ language: String, _ format: OutputFormat) throws -> String {
        let fixture = try ContentFixture(Self.files)
        #expect(fixture.diagnosticLines() == [])
        return try RegisterTests.page("add-users", in: fixture, language: language, format: format)
    }

    @Test func theSiteListsEachChoiceWithTheStepNumberOfThePage() throws {
        let html = try page("en", .html)
        // The include is step 1, so "invite" is step 4 on the page, as its heading says.
        #expect(html.contains(#"<li class="step" id="invite">"#))
        #expect(html.contains(#"<span class="step-number">Step 4<span class="visually-hidden">:</span></span> Invite the user"#))
        #expect(html.contains("""
            <div class="choices">
            <p class="choices-label">Which applies?</p>
            <ul class="choice-list">
            <li>If the user has <em>no</em> account yet, go to <a href="#invite">step 4: Invite the user</a>.</li>
            <li>If the user must manage the portal too, follow the steps in <a href="log-in.html">Log in</a>, then continue with the next step.</li>
            </ul>
            </div>
            """))
        let dutch = try page("nl", .html)
        #expect(dutch.contains(##"<li>Als de gebruiker nog <em>geen</em> account heeft, ga dan naar <a href="#invite">stap 4: Nodig de gebruiker uit</a>.</li>"##))
    }

    @Test func markdownLinksTheStepsHeadingAnchor() throws {
        let markdown = try page("en", .markdown)
        #expect(markdown.contains("""
            **Which applies?**

            - If the user has *no* account yet, go to [step 4: Invite the user](#4-invite-the-user).
            - If the user must manage the portal too, follow the steps in [Log in](log-in.md), then continue with the next step.
            """))
        #expect(markdown.contains("### 4. Invite the user"))
    }

    /// The page number stays on the line of "pagina" (a no-break space before it), as in every printed reference.
    @Test func printSaysOnWhichPageTheTargetIs() throws {
        let print = try page("nl", .print)
        #expect(print.contains("""
            <li>Als de gebruiker nog <em>geen</em> account heeft, ga dan naar <span class="page-reference">\
            <a href="#nl--add-users--invite">stap 4: Nodig de gebruiker uit</a> op pagina\u{00A0}<a class="page-number" href="#nl--add-users--invite" \
            aria-hidden="true" tabindex="-1"></a></span>.</li>
            """))
        #expect(print.contains(#"id="nl--add-users--invite""#), "the page number's target exists")
        #expect(print.contains("<a href=\"#nl--log-in\">Inloggen</a> op pagina\u{00A0}<a class=\"page-number\" href=\"#nl--log-in\""))
    }

    @Test func aStepWithoutChoicesShowsNoList() throws {
        let fixture = try ContentFixture(["procedures/portal/log-in.yaml": Self.files["procedures/portal/log-in.yaml"]!])
        let html = try RegisterTests.page("log-in", in: fixture, language: "en", format: .html)
        #expect(!html.contains("choices"))
        #expect(!html.contains("Which applies?"))
    }
}
