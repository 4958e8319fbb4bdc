import ArgumentParser
import Foundation
import WegwijsCore

/// `wegwijs xliff export --lang CODE [--version 1|2] [-o FILE]`.
struct XliffExport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Write the texts to translate into a language as an XLIFF file.",
        discussion: """
            XLIFF 1.2 by default (what every CAT tool imports); --version 2 writes XLIFF 2.1, which holds one source \
            language per file: where texts are written in several, -o writes one file per source language \
            (de.xlf: de.from-en.xlf, de.from-nl.xlf), or --source-lang picks one.
            """)

    @OptionGroup var options: ContentOptions

    @Option(name: .customLong("lang"), help: ArgumentHelp("The language to translate into.", valueName: "code"))
    var language: String

    @Option(name: .customLong("version"), help: ArgumentHelp("The XLIFF version: 1 (1.2, the default) or 2 (2.1).", valueName: "1|2"))
    var version: String = "1"

    @Option(name: .customLong("source-lang"), help: ArgumentHelp("Only the texts written in this language.", valueName: "code"))
    var sourceLanguage: String?

    @Flag(help: "Add the interface strings (templates/strings/CODE.yaml) as a 'strings' part; import writes them back there.")
    var interface = false

    @Option(name: [.customShort("o"), .customLong("output")], help: ArgumentHelp("The file to write (default: standard output).", valueName: "file"))
    var output: String?

    func validate() throws {
        guard ["1", "1.2", "2", "2.1"].contains(version) else { throw ValidationError("--version is 1 (XLIFF 1.2) or 2 (XLIFF 2.1), not '\(version)'") }
    }

    func run() async throws {
        let session = try Po.openSession(options)
        try Po.checkLanguage(language, of: session)
        let export = TranslationExport(session: session)
        let xliffVersion: XLIFFWriter.Version = version.hasPrefix("2") ? .v2_1 : .v1_2
        let strings = interface ? ImportOptions.strings(session, options).units(for: language) : []
        guard xliffVersion == .v2_1 else {
            let units = export.units(for: language, sourceLanguage: sourceLanguage)
                + (sourceLanguage == nil || sourceLanguage == session.site.sourceLanguage ? strings : [])
            try ExchangeOutput.write(
                XLIFFWriter.text(of: units, language: language, sourceLanguage: sourceLanguage ?? session.site.sourceLanguage, version: .v1_2),
                to: output)
            return
        }
        let (sources, split) = try ExchangeOutput.sourceLanguages(sourceLanguage, export: export, language: language, output: output, session: session)
        for source in sources {
            let units = export.units(for: language, sourceLanguage: source)
                + (source == nil || source == session.site.sourceLanguage ? strings : [])
            let srcLang = source ?? units.first?.sourceLanguage ?? session.site.sourceLanguage
            let text = XLIFFWriter.text(of: units, language: language, sourceLanguage: srcLang, version: .v2_1)
            try ExchangeOutput.write(text, to: split ? output.map { ExchangeOutput.path($0, sourceLanguage: srcLang) } : output)
        }
    }
}
