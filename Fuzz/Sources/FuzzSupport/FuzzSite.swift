import Foundation
@testable import WegwijsCore

/// The fixed content every fuzzer works against: a site in English and Dutch with a glossary and two
/// procedures (one with inputs, a figure with callouts and an include), loaded once from a temporary folder
/// and the repository's templates.
public final class FuzzSite: Sendable {
    /// The loaded and validated content.
    public let session: ContentSession
    /// The repository's templates, for rendering pages.
    public let templates: Templates
    /// The repository's templates folder.
    public let templatesFolder: URL
    /// A scratch folder of this process (state files, …), on tmpfs where there is one.
    public let scratch: URL

    /// The one instance of this process.
    public static let shared = FuzzSite()

    /// The site's files, by path inside the content folder.
    public static let files: [String: String] = [
        "site.yaml": """
            title: {en: Guides, nl: Handleidingen}
            languages: [en, nl]
            groups:
              - {id: portal, title: Portal}

            """,
        "glossary.yaml": "save: {en: Save, nl: Opslaan}\naccount-number: {en: Account number, nl: Klantnummer}\n",
        "procedures/portal/access.yaml": """
            title: {en: Access the portal, nl: Naar het portaal}
            steps:
              - id: log-in
                title: {en: Log in, nl: Inloggen}
                result: {en: You see the start page., nl: U ziet de startpagina.}

            """,
        "procedures/portal/add-users.yaml": """
            title: {en: Add users, nl: Gebruikers toevoegen}
            audience: admin
            requires: [{en: You are an administrator., nl: U bent beheerder.}]
            inputs:
              - {id: account, label: {en: Account, nl: Klantnummer}, pattern: '^[0-9]{3}$', example: '123'}
            steps:
              - include: access
              - id: fill-in
                title: {en: Fill in, nl: Invullen}
                text:
                  en: Fill in [](input:account) in [](term:account-number) [](callout:1), then [](term:save).
                  nl: Vul [](input:account) in bij [](term:account-number) [](callout:1) en klik [](term:save).
                figure:
                  src: images/a.svg
                  alt: {en: The form, nl: Het formulier}
                  callouts: [{en: The field, nl: Het veld}]
                notes: [{type: tip, text: {en: 'See [](ref:access#log-in).', nl: 'Zie [](ref:access#log-in).'}}]

            """,
        "images/a.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>",
    ]

    init() {
        let base = URL(fileURLWithPath: ProcessInfo.processInfo.environment["FUZZ_SCRATCH"] ?? (FileManager.default
            .fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()))
        scratch = base.appendingPathComponent("wegwijs-fuzz-\(getpid())")
        let content = scratch.appendingPathComponent("content")
        for (path, text) in Self.files {
            let url = content.appendingPathComponent(path)
            try! FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try! Data(text.utf8).write(to: url)
        }
        templatesFolder = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("templates")
        var timings = Timings()
        let (session, diagnostics) = ContentSession.open(
            .init(content: content, templates: templatesFolder), timings: &timings)
        guard let session, !diagnostics.hasErrors else { fatalError("the fuzzers' fixed site does not load: \(diagnostics.all)") }
        self.session = session
        var templateDiagnostics = Diagnostics()
        guard let templates = Templates.load(from: templatesFolder, displayPath: "templates", diagnostics: &templateDiagnostics)
        else { fatalError("the templates do not load") }
        self.templates = templates
    }

    /// The site with `procedure` added (replacing one with the same id).
    public func adding(_ procedure: Procedure) -> Site {
        let site = session.site
        return Site(
            title: site.title, languages: site.languages, languageLocations: site.languageLocations, groups: site.groups,
            glossary: site.glossary, procedures: site.procedures.filter { $0.id != procedure.id } + [procedure], file: site.file)
    }
}

/// The bytes libFuzzer passes, as `Data`.
public func fuzzInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Data {
    guard let data, size > 0 else { return Data() }
    return Data(bytes: data, count: size)
}
