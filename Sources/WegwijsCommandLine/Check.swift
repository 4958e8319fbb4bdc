import ArgumentParser
import Foundation
import WegwijsCore

/// `wegwijs check`: validate the content and report; changes nothing.
struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Validate the content and report problems; changes nothing.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @OptionGroup var options: ContentOptions

    @Option(help: "How to print the diagnostics: text or json.")
    var format: Format = .text

    @Flag(help: "Treat warnings (such as untranslated texts) as errors.")
    var strict = false

    func run() async throws {
        var timings = Timings()
        var (_, diagnostics) = ContentSession.open(options.sources, timings: &timings)
        if strict { diagnostics.treatWarningsAsErrors() }
        let sorted = diagnostics.sorted
        switch format {
        case .json:
            StandardStreams.printOutput(DiagnosticFormatter.json(sorted))
        case .text:
            Report.printDiagnostics(sorted)
            StandardStreams.printError(DiagnosticFormatter.summary(of: sorted))
        }
        if diagnostics.hasErrors { throw ExitCode(1) }
    }
}
