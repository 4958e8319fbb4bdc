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

    @OptionGroup var importOptions: ImportOptions

    func run() async throws {
        let data = try TranslationImport.contents(of: file)
        let (catalog, readProblems) = POReader.read(data, file: file)
        guard let catalog else {
            try TranslationImport.refuse(file, problems: readProblems)
        }
        let session = try Po.openSession(options)
        guard let given = language ?? catalog.headerField("Language"), !given.isEmpty else {
            throw ValidationError("the file names no language in its header: give it with --lang")
        }
        let interface = TranslationImport.interfaceLanguage(of: session)
        let language = try TranslationImport.siteLanguage(for: given, in: session, interface: interface)
        try TranslationImport.run(
            catalog.exchangedTranslations(file: file), readProblems: readProblems, file: file, language: language, session: session,
            strict: importOptions.strict, exportCommand: "wegwijs po export --lang {language}",
            strings: ImportOptions.strings(session, options))
    }
}
