import ArgumentParser
import Foundation
import WegwijsCore

/// `wegwijs list`: the procedures by group, with their titles, in the order the site's readers meet them.
struct List: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the procedures by group, with their titles.")

    @OptionGroup var options: ContentOptions

    @Option(help: ArgumentHelp("The language of the titles (default: the site's source language).", valueName: "code"))
    var lang: String?

    func run() async throws {
        var timings = Timings()
        let (session, diagnostics) = ContentSession.open(options.sources, timings: &timings)
        guard let session, !diagnostics.hasErrors else {
            Report.printDiagnostics(diagnostics.sorted.filter { $0.severity == .error })
            throw ExitCode(1)
        }
        let site = session.site
        let language = lang ?? site.sourceLanguage
        guard site.languages.contains(language) else {
            throw CommandLineWords(session: session).notASiteLanguage(language)
        }
        for group in site.groups {
            let procedures = session.plainTexts.procedures(in: group, language: language)
            guard !procedures.isEmpty else { continue }
            StandardStreams.printOutput(TerminalText.safe(session.plainTexts.plain(group.title, in: language, procedure: nil)))
            let width = procedures.map(\.id.count).max() ?? 0
            for procedure in procedures {
                let padding = String(repeating: " ", count: width - procedure.id.count)
                let title = session.plainTexts.title(of: procedure, in: language)
                StandardStreams.printOutput("  \(procedure.id)\(padding)  \(TerminalText.safe(title))")
            }
        }
    }
}
