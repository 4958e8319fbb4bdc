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

    @Flag(help: "With --watch: look at every file once a second instead of asking the system (for network and container file systems).")
    var poll = false

    @Flag(help: "After building, watch the content and templates folders and build again whenever a file changes (Ctrl-C stops).")
    var watch = false

    func run() async throws {
        let action = BuildAction(options: options, output: output, strict: strict, languages: languages, namedLanguages: languages)
        guard watch else {
            _ = try await action.run(showingTimings: timings)
            return
        }
        try await watchAndBuild()
    }

    /// `--watch`: the site stays loaded; each change renders again what it can have changed (``LiveSite``).
    func watchAndBuild() async throws {
        let sources = options.sources
        let live = try WatchOptions.liveSite(of: sources, output: output, languages: languages, strict: strict)
        defer { live.close() }
        let watcher = WatchOptions.watcher(of: sources, polling: poll)
        var changed: Set<String>? = nil
        while true {
            let build = await live.update(changed: changed)
            LiveReport.print(build, output: output, showingTimings: timings)
            StandardStreams.printError("Watching '\(TerminalText.safe(options.content))' and '\(TerminalText.safe(options.templates))' for changes (Ctrl-C stops).")
            changed = try await watcher.changes()
        }
    }
}

/// What `build --watch` and `serve` share: the site kept loaded, and how changes are noticed.
enum WatchOptions {
    /// The site kept loaded, writing to `output`; exits 1 after saying why when the folder cannot be used.
    static func liveSite(of sources: ContentSession.Sources, output: String, languages: [String], strict: Bool) throws -> LiveSite {
        do {
            return try LiveSite(sources: sources, output: URL(fileURLWithPath: output), outputDisplayPath: output, languages: languages, strict: strict)
        } catch {
            Report.printError(error.message, notes: error.notes)
            throw ExitCode(1)
        }
    }

    /// A watcher of the content and templates; it says once why it polls when it could not use notifications.
    static func watcher(of sources: ContentSession.Sources, polling: Bool) -> ChangeWatcher {
        let watcher = ChangeWatcher(folders: [sources.content, sources.templates], mode: polling ? .polling(interval: .seconds(1)) : .automatic)
        if let reason = watcher.fallbackReason {
            Report.printWarning("watching by looking at every file once a second: \(reason)")
        }
        return watcher
    }
}

/// What the terminal shows of a ``LiveSite`` build (`build --watch`, `serve`).
enum LiveReport {
    static func print(_ build: LiveBuild, output: String, showingTimings: Bool) {
        Report.printDiagnostics(build.diagnostics)
        func milliseconds(_ duration: Duration) -> Int {
            Int((Double(duration.components.attoseconds) / 1e15 + Double(duration.components.seconds) * 1000).rounded())
        }
        if showingTimings {
            StandardStreams.printError("timings " + build.phases.map { "\($0.name)=\(milliseconds($0.duration))ms" }.joined(separator: " "))
        }
        let milliseconds = milliseconds(build.duration)
        let found = build.diagnostics.isEmpty ? "" : " (\(DiagnosticFormatter.summary(of: build.diagnostics)))"
        if build.succeeded {
            let files = build.changedPaths.count
            StandardStreams.printError(
                "Built \(build.renderedProcedures) of \(build.procedures) procedures in \(milliseconds) ms to '\(TerminalText.safe(output))': \(files) file\(files == 1 ? "" : "s") changed\(found).")
        } else {
            StandardStreams.printError("\(DiagnosticFormatter.summary(of: build.diagnostics)); nothing was written, '\(TerminalText.safe(output))' keeps the last good build")
        }
    }
}

/// What `build` does, shared with `pdf`: load and validate, render into a staging folder, then swap it in.
struct BuildAction {
    var options: ContentOptions
    var output: String
    var strict: Bool
    /// The languages to render (all the site's when empty).
    var languages: [String]
    /// Every language the command line named, each checked to be one of the site's.
    var namedLanguages: [String]

    /// Builds; `finish` runs on the complete staging folder before it replaces the output, and may still
    /// refuse it by throwing. Returns the session. Exits 1 after reporting content errors or a folder problem.
    func run(
        showingTimings: Bool = false, finish: (ContentSession, URL) async throws -> Void = { _, _ in }
    ) async throws -> ContentSession {
        let clock = ContinuousClock()
        let start = clock.now
        var measured = Timings()
        let sources = options.sources
        // Each procedure's checks run in the job that renders its pages, from the same parse of its texts; the
        // output is kept only when they found no error.
        var (session, diagnostics) = ContentSession.open(sources, deferringProcedureChecks: true, timings: &measured)
        var templates: Templates?
        if let session {
            templates = Templates.load(
                from: sources.templates, displayPath: options.templates, stringKeys: session.strings.keys(withPrefix: ""),
                diagnostics: &diagnostics)
        }
        if let session {
            for language in namedLanguages where !session.site.languages.contains(language) {
                throw CommandLineWords(session: session).notASiteLanguage(language)
            }
        }
        func refuse(_ diagnostics: Diagnostics) -> ExitCode {
            let sorted = diagnostics.sorted
            Report.printDiagnostics(sorted)
            StandardStreams.printError("\(DiagnosticFormatter.summary(of: sorted)); nothing was written")
            return ExitCode(1)
        }
        // Loading, the templates and the checks of the site as a whole decide before anything is rendered.
        let deferred = session?.deferredChecks
        var siteDiagnostics = diagnostics
        if let deferred {
            siteDiagnostics.append(contentsOf: deferred.siteDiagnostics)
            siteDiagnostics.append(contentsOf: deferred.recordDiagnostics)
        }
        if strict { siteDiagnostics.treatWarningsAsErrors() }
        guard let session, let templates, !siteDiagnostics.hasErrors else {
            // Nothing is rendered; every procedure is still checked, so that one run reports every problem.
            if let deferred { diagnostics.append(contentsOf: deferred.diagnosticsWithoutRendering()) }
            if strict { diagnostics.treatWarningsAsErrors() }
            throw refuse(diagnostics)
        }

        /// Content errors found while rendering: the staging folder is thrown away.
        struct ContentErrors: Error {}
        let folder = OutputFolder(url: URL(fileURLWithPath: output), displayPath: output)
        do {
            try folder.check(content: sources.content, templates: sources.templates)
            let builder = SiteBuilder(session: session, templates: templates, languages: languages)
            try await folder.replace { staging in
                if let found = try await builder.render(into: staging, timings: &measured) {
                    diagnostics.append(contentsOf: found)
                }
                if strict { diagnostics.treatWarningsAsErrors() }
                if diagnostics.hasErrors { throw ContentErrors() }
                Report.printDiagnostics(diagnostics.sorted)
                try await finish(session, staging)
            }
        } catch is ContentErrors {
            throw refuse(diagnostics)
        } catch let refusal as OutputFolder.Refusal {
            Report.printError(refusal.message, notes: refusal.notes)
            throw ExitCode(1)
        } catch let failure as WeasyPrint.Failure {
            Report.printError(failure.message, notes: failure.notes + ["Nothing was changed in '\(output)'."])
            throw ExitCode(1)
        } catch {
            Report.printError("cannot write the output to '\(output)': \(error.localizedDescription)", notes: ["Nothing was changed."])
            throw ExitCode(1)
        }
        let sorted = diagnostics.sorted
        measured.total = clock.now - start
        if showingTimings {
            StandardStreams.printError(measured.line(peakResidentMegabytes: ResourceUsage.peakResidentMegabytes))
        }
        let written = sorted.isEmpty ? "" : " (\(DiagnosticFormatter.summary(of: sorted)))"
        StandardStreams.printError("Built \(measured.procedures) procedures in \(session.site.languages.count) languages to '\(TerminalText.safe(output))'\(written).")
        return session
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
