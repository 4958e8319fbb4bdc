import ArgumentParser
import Foundation
import WegwijsCore

/// `wegwijs check`: validate the content and report, with the translation status; changes nothing.
struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validate the content, report problems and the translation status; changes nothing.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
        case jsonReport = "json-report"
    }

    @OptionGroup var options: ContentOptions

    @Option(help: "How to print: text (status on stdout, diagnostics on stderr), json (the diagnostics), json-report (both).")
    var format: Format = .text

    @Flag(help: "Treat warnings (such as untranslated and outdated texts) as errors.")
    var strict = false

    func run() async throws {
        var timings = Timings()
        var (session, diagnostics) = ContentSession.open(options.sources, timings: &timings)
        if strict { diagnostics.treatWarningsAsErrors() }
        let sorted = diagnostics.sorted
        let status = session.map { TranslationStatus(site: $0.site, units: $0.site.translationUnitsOneProcedureAtATime, records: $0.translationRecords) }
        switch format {
        case .json:
            StandardStreams.printOutput(DiagnosticFormatter.json(sorted))
        case .jsonReport:
            StandardStreams.printOutput((status ?? TranslationStatus.none).json(diagnostics: sorted))
        case .text:
            Report.printDiagnostics(sorted)
            if let session, let status, !status.languages.isEmpty {
                let language = InterfaceLanguage.fromEnvironment(
                    ProcessInfo.processInfo.environment, among: session.strings.languages, fallback: session.site.sourceLanguage)
                StandardStreams.printOutput(TerminalText.safe(status.text(strings: session.strings, in: language), keepingNewlines: true))
            }
            StandardStreams.printError(DiagnosticFormatter.summary(of: sorted))
        }
        if diagnostics.hasErrors { throw ExitCode(1) }
    }
}
