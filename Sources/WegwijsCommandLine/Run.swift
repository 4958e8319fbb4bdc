import ArgumentParser
import Foundation
import WegwijsCore
import WegwijsTerminal

/// `wegwijs run ID`: walk an admin through one procedure in the terminal.
struct Run: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Walk through one procedure in the terminal, step by step.",
        discussion: """
            Exit status: 0 when every step is done or skipped; 4 when the end was reached but a step's \
            result was answered "no" (or its command failed) and not seen since (ended with a problem); 3 when the run stopped \
            before the end (q, a prerequisite not in place, or input ended); 130 when interrupted (Ctrl-C); \
            1 content errors; 64 command-line mistakes (an unknown procedure, a report file that cannot be \
            written). Progress is saved after every step under $XDG_STATE_HOME/wegwijs (default \
            ~/.local/state/wegwijs). A step's command runs only after x and a confirmation; in plain mode only \
            with --allow-commands.
            """)

    @OptionGroup var options: ContentOptions

    @Argument(help: "The procedure's id (see 'wegwijs list'); without it, choose from a list.")
    var id: String?

    @Option(help: ArgumentHelp("The language (default: from LC_ALL or LANG when the site has it).", valueName: "code"))
    var lang: String?

    @Flag(help: "Line by line, without cursor movement or colour: for screen readers and scripts.")
    var plain = false

    @Flag(help: ArgumentHelp(
        "In plain mode, let a step's command be run: still only after its confirmation line (y). A terminal asks without it."))
    var allowCommands = false

    @Flag(help: "Start over instead of resuming a saved run.")
    var restart = false

    @Option(name: .customLong("set"), help: ArgumentHelp("Fill in an input in advance (repeatable).", valueName: "name=value"))
    var presets: [String] = []

    @Option(help: ArgumentHelp("Write a Markdown report of the run to this file.", valueName: "file"))
    var record: String?

    @Option(
        name: .customLong("report-json"),
        help: ArgumentHelp("Write the run as JSON (schema wegwijs-run/1) to this file, for audit tools.", valueName: "file"))
    var reportJSON: String?

    func run() async throws {
        var timings = Timings()
        let (opened, diagnostics) = ContentSession.open(options.sources, timings: &timings)
        guard let session = opened, !diagnostics.hasErrors else {
            Report.printDiagnostics(diagnostics.sorted.filter { $0.severity == .error })
            throw ExitCode(1)
        }
        let site = session.site
        let environment = ProcessInfo.processInfo.environment
        let language = try chooseLanguage(session: session, environment: environment)
        // Said in the user's language: checked once the interface strings are loaded.
        let words = CommandLineWords(session: session, language: language)
        for preset in presets where !preset.contains("=") || preset.hasPrefix("=") {
            throw ValidationError(words.string("cli.set.malformed", ["value": TerminalText.safe(preset)]))
        }
        // Refused before the run starts: an admin must not walk a whole procedure to lose its record.
        for file in [record, reportJSON].compactMap({ $0 }) where !Self.canWrite(file) {
            throw ValidationError(session.strings.string("runner.record.not-writable", in: language, ["path": TerminalText.safe(file)]))
        }
        let picker = ProcedurePicker(session: session, language: language, console: nil)
        var candidates: [Procedure] = []
        if let id, site.procedure(id) == nil {
            candidates = picker.matches(for: id)
            guard !candidates.isEmpty else {
                let suggestion = words.didYouMean(id, among: site.procedures.map(\.id))
                throw ValidationError(session.strings.string(
                    "runner.unknown-procedure", in: language, ["id": TerminalText.safe(id), "suggestion": suggestion]))
            }
        }
        let console = makeRunConsole(plain: plain)
        defer { console.close() }

        let procedure: Procedure
        if let id, let found = site.procedure(id) ?? (candidates.count == 1 ? candidates[0] : nil) {
            procedure = found
        } else if let id {
            // Several procedures match: list those and let the admin pick.
            let several = ProcedurePicker(session: session, language: language, console: console)
            guard let chosen = several.choose(among: candidates, query: id) else { throw ExitCode(3) }
            procedure = chosen
        } else {
            guard let chosen = ProcedurePicker(session: session, language: language, console: console).choose() else {
                throw ExitCode(3)
            }
            procedure = chosen
        }

        var values: [String: String] = [:]
        for preset in presets {
            let parts = preset.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            values[String(parts[0])] = parts.count > 1 ? String(parts[1]) : ""
        }
        let plan = RunPlan(procedure: procedure, site: site)
        for name in values.keys.sorted() where !plan.inputs.contains(where: { $0.input.id == name }) {
            console.close()
            // In the procedure's register, as its run would speak.
            let words = CommandLineWords(session: session.inRegister(of: procedure), language: language)
            let suggestion = words.didYouMean(name, among: plan.inputs.map(\.input.id))
            throw ValidationError(words.string("cli.set.unknown-input", [
                "id": procedure.id, "name": TerminalText.safe(name), "suggestion": suggestion,
            ]))
        }
        // The run speaks in the register the procedure chooses (its own, its group's or the site's).
        let driver = RunDriver(
            session: session.inRegister(of: procedure), plan: plan, console: console, store: RunStateStore.standard(environment: environment),
            options: RunDriver.Options(
                language: language, languageIsExplicit: lang != nil, presets: values, restart: restart,
                recordFile: record.map { URL(fileURLWithPath: $0) }, jsonRecordFile: reportJSON.map { URL(fileURLWithPath: $0) },
                user: environment["USER"] ?? NSUserName(),
                // In a terminal the admin presses x and confirms; in plain mode (a pipe, a script) only when asked.
                allowsCommands: console.capabilities.isInteractive || allowCommands))
        let outcome = driver.start()
        console.close()
        switch outcome {
        case .finished: return
        case .endedWithProblem: throw ExitCode(4)
        case .stopped: throw ExitCode(3)
        case .interrupted: throw ExitCode(130)
        }
    }

    /// Whether `path` can be written: an existing file opened for writing, or a new one created and removed again.
    static func canWrite(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            return !isDirectory.boolValue && FileManager.default.isWritableFile(atPath: path)
        }
        guard FileManager.default.createFile(atPath: path, contents: nil) else { return false }
        try? FileManager.default.removeItem(atPath: path)
        return true
    }

    /// `--lang`, else the language LC_ALL, LC_MESSAGES or LANG names when the site has it, else the source language.
    func chooseLanguage(session: ContentSession, environment: [String: String]) throws -> String {
        let site = session.site
        if let lang {
            guard site.languages.contains(lang) else {
                throw CommandLineWords(session: session, environment: environment).notASiteLanguage(lang)
            }
            return lang
        }
        return InterfaceLanguage.fromEnvironment(environment, among: site.languages, fallback: site.sourceLanguage)
    }
}
