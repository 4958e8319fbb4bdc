/// A small site that uses every feature of the format: fallbacks, a partly translated procedure, an
/// include, every kind of link, a figure per language with markers, notes, unsafe HTML and links.
///
/// The golden files of rendered output (`RenderingSnapshotTests`) and the browser checks of the site
/// (`SiteChecksTests`) are made from it.
public enum ShowcaseContent {
    /// Paths relative to the content folder, and their text: site.yaml is ``ContentFixture/siteYAML`` with a
    /// description, a `base-url` and the edit and report addresses, so pages have canonical addresses, edit links
    /// and a sitemap.
    public static let files: [String: String] = [
        "site.yaml": ContentFixture.siteYAML + """
            description:
              en: "Guides for the portal's admins: users, accounts & access."
              nl: Handleidingen voor de beheerders van het portaal.
            base-url: https://guides.example.com/portal
            edit-url: https://git.example.com/guides/edit/main/content/{path}
            report-url: https://git.example.com/guides/issues/new?title={title}&labels=guide,{lang}&body=Procedure%20{id}

            """,
        "glossary.yaml": """
            save: {en: Save, nl: Opslaan}
            account-number: {en: Account Number, nl: DHL-klantnummer}
            email-id: {en: Email ID}

            """,
        "images/screen.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"/>\n",
        "images/nl/screen.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><title>nl</title></svg>\n",
        "procedures/portal/log-in.yaml": """
            title: {en: Log in, nl: Inloggen}
            steps:
              - id: open
                title: {en: "Open the *portal*", nl: "Open het *portaal*"}
                text:
                  en: |
                    Go to [the portal](https://portal.example.com) and sign in.

                    # No account yet?

                    Ask your administrator.
                  nl: |
                    Ga naar [het portaal](https://portal.example.com) en log in.

                    # Nog geen account?

                    Vraag het je beheerder.

            """,
        "procedures/portal/add-users.yaml": """
            title:
              en: Add users
              nl: Gebruikers toevoegen
            summary:
              en: Give a user the right to ship on *your* account.
            audience: admin
            register: formal
            updated: 2026-02-28
            requires:
              - en: You have the authorisation [](term:save).
                nl: U hebt de autorisatie [](term:save).
            inputs:
              - id: account
                label: {en: Account number, nl: Klantnummer}
                pattern: '^[0-9]{9}$'
                example: '123456789'
            steps:
              - include: log-in
              - id: fill-in
                title:
                  en: Fill in the account number
                  nl: Vul het klantnummer in
                text:
                  en: |
                    Type [](input:account) in the [](term:account-number) column [](callout:1),
                    then the address in [](term:email-id) [](callout:2).

                    Safe? <script>alert("x")</script> [bad](javascript:alert(1)) & done.
                  nl: |
                    Typ [](input:account) in de kolom [](term:account-number) [](callout:1)
                    en het adres in [](term:email-id) [](callout:2).
                figure:
                  src: {en: images/screen.svg, nl: images/nl/screen.svg}
                  alt: {en: "The \\"Add users\\" table", nl: De tabel Gebruikers toevoegen}
                  callouts:
                    - {en: "[](term:account-number) column", nl: "Kolom [](term:account-number)"}
                    - {en: Email column}
                notes:
                  - type: warning
                    text: {en: "Never enable *Read only*.", nl: "Zet nooit *Read only* aan."}
                  - type: tip
                    text:
                      en: |
                        Two paragraphs.

                        See [](ref:log-in#open) and [](ref:log-in).
                      nl: Zie [](ref:log-in#open).
                result:
                  en: The user appears with status *Pending*.
                  nl: De gebruiker staat erbij met status *In behandeling*.
                choices:
                  - text: {en: "the table shows [](term:save)", nl: "de tabel [](term:save) toont"}
                    step: check
                  - text: {en: you are not logged in any more, nl: u niet meer ingelogd bent}
                    procedure: log-in
              - id: check
                title: {en: "Check [](ref:add-users#fill-in)", nl: "Controleer [stap 2](ref:add-users#fill-in)"}

            """,
    ]
}
