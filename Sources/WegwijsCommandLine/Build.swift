import ArgumentParser
import Foundation
import WegwijsCore

/// `wegwijs build`: validate, then render every procedure in every language.
struct Build: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validate the content, then render every procedure in every language to the output folder.")

    @OptionGroup var options: ContentOptions

    @Option(help: ArgumentHelp("The output folder; replaced as a whole when the build succeeds.", valueName: "dir"))
    var output: String = "output"

    @Flag(help: "Refuse to build when there are warnings, such as untranslated texts.")
    var strict = false

    @Option(name: .customLong("lang"), help: ArgumentHelp("Render only this language (repeatable).", valueName: "code"))
    var languages: [String] = []

    @Flag(help: .hidden)
    var timings = false

    func run() async throws {
        let clock = ContinuousClock()
        let start = clock.now
        var measured = Timings()
        let sources = options.sources
        var (session, diagnostics) = ContentSession.open(sources, timings: &measured)
        var templates: Templates?
        if session != nil {
            templates = Templates.load(from: sources.templates, displayPath: options.templates, diagnostics: &diagnostics)
        }
        if strict { diagnostics.treatWarningsAsErrors() }
        if let session {
            for language in languages where !session.site.languages.contains(language) {
                throw ValidationError("'\(language)' is not a language of the site (\(session.site.languages.joined(separator: ", ")))")
            }
        }
        let sorted = diagnostics.sorted
        Report.printDiagnostics(sorted)
        guard let session, let templates, !diagnostics.hasErrors else {
            StandardStreams.printError("\(DiagnosticFormatter.summary(of: sorted)); nothing was written")
            throw ExitCode(1)
        }

        let folder = OutputFolder(url: URL(fileURLWithPath: output), displayPath: output)
        do {
            try folder.check(content: sources.content, templates: sources.templates)
            let builder = SiteBuilder(session: session, templates: templates, languages: languages)
            try await folder.replace { staging in
                try await builder.render(into: staging, timings: &measured)
            }
        } catch let refusal as OutputFolder.Refusal {
            Report.printError(refusal.message, notes: refusal.notes)
            throw ExitCode(1)
        } catch {
            Report.printError("cannot write the output to '\(output)': \(error.localizedDescription)", notes: ["Nothing was changed."])
            throw ExitCode(1)
        }
        measured.total = clock.now - start
        if timings {
            StandardStreams.printError(measured.line(peakResidentMegabytes: ResourceUsage.peakResidentMegabytes))
        }
        let written = sorted.isEmpty ? "" : " (\(DiagnosticFormatter.summary(of: sorted)))"
        StandardStreams.printError("Built \(measured.procedures) procedures in \(session.site.languages.count) languages to '\(TerminalText.safe(output))'\(written).")
    }
}

/// The process's peak memory.
enum ResourceUsage {
    static var peakResidentMegabytes: Double {
        var usage = rusage()
        #if os(Linux)
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return Double(usage.ru_maxrss) / 1024  // kilobytes on Linux
        #else
        getrusage(RUSAGE_SELF, &usage)
        return Double(usage.ru_maxrss) / 1_048_576  // bytes on macOS
        #endif
    }
}
