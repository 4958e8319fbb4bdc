import ArgumentParser
import Foundation
import WegwijsCore

/// `wegwijs glossary`: the glossary as a termbase for CAT tools.
struct GlossaryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "glossary", abstract: "Exchange the glossary with CAT tools' termbases as TBX or CSV.",
        subcommands: [GlossaryExport.self, GlossaryImport.self])
}

/// `wegwijs glossary export --format tbx|csv [-o FILE]`.
struct GlossaryExport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Write the glossary as TBX-Basic or CSV (key, then a column per language).")

    enum Format: String, ExpressibleByArgument, CaseIterable { case tbx, csv }

    @OptionGroup var options: ContentOptions

    @Option(help: ArgumentHelp("tbx (TBX-Basic) or csv.", valueName: "format"))
    var format: Format

    @Option(name: [.customShort("o"), .customLong("output")], help: ArgumentHelp("The file to write (default: standard output).", valueName: "file"))
    var output: String?

    func run() async throws {
        let session = try Po.openSession(options)
        let writer = TermbaseWriter(session: session)
        try ExchangeOutput.write(format == .tbx ? writer.tbx : writer.csv, to: output)
    }
}

/// `wegwijs glossary import FILE.csv`.
struct GlossaryImport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Write the labels of a glossary CSV (as 'glossary export --format csv' writes it) into glossary.yaml, changing nothing else.")

    @OptionGroup var options: ContentOptions

    @Argument(help: ArgumentHelp("The CSV file.", valueName: "file"))
    var file: String

    @OptionGroup var importOptions: ImportOptions

    func run() async throws {
        let data = try TranslationImport.contents(of: file)
        let session = try Po.openSession(options)
        let (batches, problems) = GlossaryCSVReader.read(data, file: file, site: session.site)
        guard !problems.hasErrors else {
            try TranslationImport.refuse(file, problems: problems)
        }
        try TranslationImport.run(
            batches, readProblems: problems, file: file, session: session, strict: importOptions.strict,
            exportCommand: "wegwijs glossary export --format csv")
    }
}
