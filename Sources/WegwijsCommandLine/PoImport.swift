import ArgumentParser
import Foundation
import WegwijsCore

/// `wegwijs po import FILE`: write a translated PO file's translations back into the content, in place.
struct PoImport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Write the translations of a PO file into the content's YAML files, changing nothing else.")

    @OptionGroup var options: ContentOptions

    @Argument(help: ArgumentHelp("The translated PO file.", valueName: "file"))
    var file: String

    @Option(name: .customLong("lang"), help: ArgumentHelp("The language of the translations (default: the file's 'Language' header).", valueName: "code"))
    var language: String?

    func run() async throws {
        // A folder, a pipe that never ends or a 1 GB file is refused before anything is read.
        if let problem = RegularFile.problem(at: URL(fileURLWithPath: file)) {
            Report.printError("cannot import '\(file)': \(problem)")
            throw ExitCode(1)
        }
        guard let data = FileManager.default.contents(atPath: file) else {
            Report.printError("cannot read '\(file)'")
            throw ExitCode(1)
        }
        let (catalog, readProblems) = POReader.read(data, file: file)
        Report.printDiagnostics(readProblems.sorted)
        guard let catalog else {
            StandardStreams.printError("\(DiagnosticFormatter.summary(of: readProblems.sorted)) in '\(file)'; nothing was changed")
            throw ExitCode(1)
        }
        let session = try Po.openSession(options)
        guard let language = language ?? catalog.headerField("Language").map({ $0.replacingOccurrences(of: "_", with: "-").lowercased() }),
            !language.isEmpty
        else {
            throw ValidationError("the file names no language in its header: give it with --lang")
        }
        try Po.checkLanguage(language, of: session.site)

        let plan = POImporter(site: session.site).plan(catalog, file: file, language: language)
        var update = ContentUpdate(session: session)
        update.changes = plan.changes
        update.confirmations = plan.confirmations.map { ($0, language) }
        let problems = update.write()
        let reported = (plan.diagnostics.all + problems.all).sorted()
        Report.printDiagnostics(reported)
        guard !problems.hasErrors else {
            StandardStreams.printError("\(DiagnosticFormatter.summary(of: reported)); nothing was changed")
            throw ExitCode(1)
        }
        let files = update.changedFiles.count
        var summary = "Imported '\(file)' into '\(language)': \(plan.changes.count) texts changed in \(files) file\(files == 1 ? "" : "s"), "
        summary += "\(plan.confirmations.count) confirmed unchanged"
        if plan.fuzzy > 0 { summary += ", \(plan.fuzzy) fuzzy left out" }
        if plan.untranslated > 0 { summary += ", \(plan.untranslated) untranslated" }
        if plan.rejected > 0 { summary += ", \(plan.rejected) not applied (see above)" }
        StandardStreams.printError(summary + ".")
    }
}
