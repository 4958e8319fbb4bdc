import ArgumentParser
import Foundation
import WegwijsCore

/// `wegwijs po export --lang CODE [-o FILE]`: every text to translate into a language, as a PO file.
struct PoExport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Write the texts to translate into a language as a gettext PO file.",
        discussion: """
            A PO file has one source language: where the texts to translate are written in several (a third language \
            of a site with Dutch-written procedures), -o writes one file per source language (de.po: de.from-en.po, \
            de.from-nl.po), or --source-lang picks one.
            """)

    @OptionGroup var options: ContentOptions

    @Option(name: .customLong("lang"), help: ArgumentHelp("The language to translate into.", valueName: "code"))
    var language: String

    @Option(name: .customLong("source-lang"), help: ArgumentHelp("Only the texts written in this language.", valueName: "code"))
    var sourceLanguage: String?

    @Flag(help: "Add the interface strings (templates/strings/CODE.yaml) as a 'strings' part; import writes them back there.")
    var interface = false

    @Option(name: [.customShort("o"), .customLong("output")], help: ArgumentHelp("The file to write (default: standard output).", valueName: "file"))
    var output: String?

    func run() async throws {
        let session = try Po.openSession(options)
        try Po.checkLanguage(language, of: session)
        // A PO file has one source language (X-Source-Language): texts written in several go to one file each.
        let exporter = POExporter(session: session)
        let (sources, split) = try ExchangeOutput.sourceLanguages(
            sourceLanguage, export: TranslationExport(session: session), language: language, output: output, session: session)
        let strings = interface ? ImportOptions.strings(session, options).units(for: language) : []
        for source in sources {
            // The strings are written in the site's source language: they go with its texts.
            let extra = source == nil || source == session.site.sourceLanguage ? strings : []
            let text = POWriter.text(of: exporter.catalog(for: language, sourceLanguage: source, adding: extra))
            try ExchangeOutput.write(text, to: split ? output.map { ExchangeOutput.path($0, sourceLanguage: source ?? "") } : output)
        }
    }
}
