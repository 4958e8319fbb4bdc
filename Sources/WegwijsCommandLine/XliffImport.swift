import ArgumentParser
import Foundation
import WegwijsCore

/// `wegwijs xliff import FILE`: write a translated XLIFF file's translations back into the content, in place.
struct XliffImport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Write the translations of an XLIFF 1.2 or 2.x file into the content's YAML files, changing nothing else.")

    @OptionGroup var options: ContentOptions

    @Argument(help: ArgumentHelp("The translated XLIFF file.", valueName: "file"))
    var file: String

    @Option(name: .customLong("lang"), help: ArgumentHelp("The language of the translations (default: the file's target language).", valueName: "code"))
    var language: String?

    @OptionGroup var importOptions: ImportOptions

    func run() async throws {
        let data = try TranslationImport.contents(of: file)
        let session = try Po.openSession(options)
        let export = TranslationExport(session: session)
        // The codes of a place depend on the target language's current translation, known once the file is read:
        // the document's language is read first from the same bytes.
        let (probe, probeProblems) = XLIFFReader.read(data, file: file, codes: { _ in nil })
        guard let probe else {
            try TranslationImport.refuse(file, problems: probeProblems)
        }
        guard let given = language ?? probe.targetLanguage, !given.isEmpty else {
            throw ValidationError("the file names no target language: give it with --lang")
        }
        let interface = TranslationImport.interfaceLanguage(of: session)
        let target = try TranslationImport.siteLanguage(for: given, in: session, interface: interface)
        var codes = export.codesByPlace(for: target)
        for unit in ImportOptions.strings(session, options).units(for: target) {
            codes[unit.place] = UnitCodes(source: unit.source, target: unit.target)
        }
        let (document, readProblems) = XLIFFReader.read(data, file: file, codes: { codes[$0] })
        guard let document else {
            try TranslationImport.refuse(file, problems: readProblems)
        }
        try TranslationImport.run(
            document.translations, readProblems: readProblems, file: file, language: target, session: session,
            strict: importOptions.strict, exportCommand: "wegwijs xliff export --lang {language}",
            strings: ImportOptions.strings(session, options))
    }
}
