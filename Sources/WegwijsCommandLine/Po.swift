import ArgumentParser
import Foundation
import WegwijsCore

/// `wegwijs po`: exchange translations with translators' tools as gettext PO files.
struct Po: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Exchange translations with translators' tools as gettext PO files.",
        subcommands: [PoExport.self, PoImport.self, PoConfirm.self])
}

extension Po {
    /// Loads and validates the content; prints the errors and exits 1 when it has any, since places and
    /// source texts of broken content cannot be trusted.
    static func openSession(_ options: ContentOptions) throws -> ContentSession {
        var timings = Timings()
        let (session, diagnostics) = ContentSession.open(options.sources, timings: &timings)
        guard let session, !diagnostics.hasErrors else {
            let errors = diagnostics.sorted.filter { $0.severity == .error }
            Report.printDiagnostics(errors)
            StandardStreams.printError("\(DiagnosticFormatter.summary(of: errors)): fix the content first; nothing was changed")
            throw ExitCode(1)
        }
        return session
    }

    /// Checks that `language` is one of the site's.
    static func checkLanguage(_ language: String, of session: ContentSession) throws {
        guard session.site.languages.contains(language) else { throw CommandLineWords(session: session).notASiteLanguage(language) }
    }
}

/// What `po import`, `xliff import` and `glossary import` share: the options, matching the file's language to
/// the site's, planning, writing and the summary in the interface language.
struct ImportOptions: ParsableArguments {
    /// The interface strings of `options`' templates folder.
    static func strings(_ session: ContentSession, _ options: ContentOptions) -> InterfaceStringsExchange {
        InterfaceStringsExchange(
            session: session, folder: URL(fileURLWithPath: options.templates).appendingPathComponent("strings"),
            displayFolder: "\(options.templates)/strings")
    }

    @Flag(help: "Refuse translations with warnings too (a changed source, a place that names nothing, a missing inline code or link).")
    var strict = false
}

enum TranslationImport {
    /// The bytes of the exchange file `file`; a folder, a pipe that never ends or a 1 GB file is refused before
    /// anything is read (exit 1).
    static func contents(of file: String) throws -> Data {
        if let problem = RegularFile.problem(at: URL(fileURLWithPath: file)) {
            Report.printError("cannot import '\(file)': \(problem)")
            throw ExitCode(1)
        }
        guard let data = FileManager.default.contents(atPath: file) else {
            Report.printError("cannot read '\(file)'")
            throw ExitCode(1)
        }
        return data
    }

    /// Reports the problems that kept `file` from being read, and ends the command (exit 1).
    static func refuse(_ file: String, problems: Diagnostics) throws -> Never {
        Report.printDiagnostics(problems.sorted)
        StandardStreams.printError("\(DiagnosticFormatter.summary(of: problems.sorted)) in '\(file)'; nothing was changed")
        throw ExitCode(1)
    }

    /// The site's language that `given` (as a translator's tool writes it: `nl_NL`, `nl-NL`, `NL`) stands for:
    /// the site's own code when it has it (any case, `_` or `-`), else the site's language of the same primary
    /// language (BCP 47 fallback: `nl-NL` → `nl`), said so in one line.
    static func siteLanguage(for given: String, in session: ContentSession, interface: String) throws -> String {
        let site = session.site
        switch LanguageMatch.match(given, among: site.languages) {
        case .exact(let code): return code
        case .fallback(let code):
            StandardStreams.printError(session.strings.string("import.locale", in: interface, ["given": given, "language": code]))
            return code
        case .none:
            throw CommandLineWords(session: session, language: interface).notASiteLanguage(given)
        }
    }

    /// The language the command speaks in.
    static func interfaceLanguage(of session: ContentSession) -> String {
        InterfaceLanguage.fromEnvironment(ProcessInfo.processInfo.environment, among: session.site.languages, fallback: session.site.sourceLanguage)
    }

    /// Plans and writes the translations read from `file`, prints what happened; exits 1 when the file had errors
    /// or translations were refused (or, with `strict`, left out with a warning).
    static func run(
        _ translations: [ExchangedTranslation], readProblems: Diagnostics, file: String, language: String, session: ContentSession,
        strict: Bool, exportCommand: String, strings: InterfaceStringsExchange? = nil
    ) throws {
        try run(
            [(language, translations)], readProblems: readProblems, file: file, session: session, strict: strict, exportCommand: exportCommand,
            strings: strings)
    }

    /// The same for translations into several languages at once (the columns of a glossary CSV), written together.
    static func run(
        _ batches: [(language: String, translations: [ExchangedTranslation])], readProblems: Diagnostics, file: String,
        session: ContentSession, strict: Bool, exportCommand: String, strings: InterfaceStringsExchange? = nil
    ) throws {
        let interface = interfaceLanguage(of: session)
        // Interface strings (places 'strings/…') go to the strings file of their language, the rest to the content.
        var stringFiles: [(url: URL, data: Data)] = []
        var stringChanges = 0
        var stringProblems = Diagnostics()
        var stringCounts = (refused: 0, untranslated: 0, confirmed: 0)
        var batches = batches
        if let strings {
            for (index, batch) in batches.enumerated() {
                let (ofStrings, rest) = (batch.translations.filter { $0.place?.hasPrefix(InterfaceStringsExchange.prefix) == true },
                    batch.translations.filter { $0.place?.hasPrefix(InterfaceStringsExchange.prefix) != true })
                batches[index].translations = rest
                guard !ofStrings.isEmpty else { continue }
                let plan = strings.plan(ofStrings, language: batch.language, strict: strict)
                stringProblems.append(contentsOf: plan.diagnostics)
                stringCounts.refused += plan.refused
                stringCounts.untranslated += plan.untranslated
                stringCounts.confirmed += plan.confirmed
                guard !plan.changes.isEmpty else { continue }
                let (data, problems) = strings.edited(plan.changes, language: batch.language)
                stringProblems.append(contentsOf: problems)
                if let data {
                    stringFiles.append((strings.url(of: batch.language), data))
                    stringChanges += plan.changes.count
                }
            }
        }
        let importer = TranslationImporter(session: session, exportCommand: exportCommand)
        var plan = TranslationImporter.Plan()
        var update = ContentUpdate(session: session)
        for (language, translations) in batches {
            let part = importer.plan(translations, language: language, strict: strict)
            update.changes += part.changes
            update.confirmations += part.confirmations.map { ($0, language) }
            for (place, source) in part.madeFromEarlierSource { update.earlierSources["\(place)\u{0}\(language)"] = source }
            update.notes += part.notes.map { ($0.place, language, $0.lines) }
            plan.changes += part.changes
            plan.confirmations += part.confirmations
            plan.needsReview += part.needsReview
            plan.untranslated += part.untranslated
            plan.emptied += part.emptied
            plan.matchedByFingerprint += part.matchedByFingerprint
            plan.refused += part.refused
            plan.skipped += part.skipped
            plan.diagnostics.append(contentsOf: part.diagnostics)
        }
        let language = batches.map(\.language).joined(separator: ", ")
        plan.diagnostics.append(contentsOf: stringProblems)
        plan.refused += stringCounts.refused
        plan.untranslated += stringCounts.untranslated
        let stringsConfirmed = stringCounts.confirmed
        var problems = Diagnostics()
        if stringProblems.all.contains(where: { $0.severity == .error && $0.id == "import-check" }) {
            problems.append(contentsOf: stringProblems.all.filter { $0.id == "import-check" })
        } else {
            problems = update.write()
            if !problems.hasErrors {
                for (url, data) in stringFiles {
                    do {
                        try AtomicFile.write(data, to: url)
                    } catch {
                        problems.error("unwritable-file", at: .start(of: url.path), "cannot write the strings file: \(error.localizedDescription)")
                    }
                }
            }
        }
        let reported = (readProblems.all + plan.diagnostics.all + problems.all).sorted()
        Report.printDiagnostics(reported)
        func s(_ key: String, _ values: [String: String] = [:]) -> String { session.strings.string(key, in: interface, values) }
        func counted(_ key: String, _ count: Int) -> String {
            let plural = session.strings.hasKey("\(key).one") ? (count == 1 ? "\(key).one" : "\(key).other") : key
            return s(plural, ["count": String(count)])
        }
        guard !problems.hasErrors else {
            StandardStreams.printError(s("import.nothing-changed", ["summary": DiagnosticFormatter.summary(of: reported)]))
            throw ExitCode(1)
        }
        let files = update.changedFiles.count + (update.recordFileWritten ? 1 : 0) + (update.notesFileWritten ? 1 : 0) + stringFiles.count
        var summary = s("import.summary", [
            "file": file, "language": language, "texts": counted("import.texts", plan.changes.count + stringChanges),
            "files": counted("import.files", files), "records": counted("import.records", update.recordsUpdated),
        ])
        if !plan.confirmations.isEmpty || stringsConfirmed > 0 {
            summary += ", " + counted("import.confirmed", plan.confirmations.count + stringsConfirmed)
        }
        if plan.matchedByFingerprint > 0 { summary += ", " + counted("import.fingerprint", plan.matchedByFingerprint) }
        if plan.needsReview > 0 { summary += ", " + counted("import.review", plan.needsReview) }
        if plan.untranslated > 0 { summary += ", " + counted("import.untranslated", plan.untranslated) }
        if plan.emptied > 0 { summary += ", " + counted("import.emptied", plan.emptied) }
        if plan.refused > 0 { summary += ", " + counted("import.refused", plan.refused) }
        if plan.skipped > plan.refused { summary += ", " + counted("import.skipped", plan.skipped - (strict ? plan.refused : 0)) }
        if update.notesFileWritten { summary += ", " + s("import.notes") }
        StandardStreams.printError(summary + ".")
        if plan.refused > 0 || readProblems.hasErrors { throw ExitCode(1) }
    }
}
