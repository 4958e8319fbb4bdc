import ArgumentParser
import Foundation
import WegwijsCore

/// `wegwijs po export --lang CODE [-o FILE]`: every text to translate into a language, as a PO file.
struct PoExport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Write the texts to translate into a language as a gettext PO file.")

    @OptionGroup var options: ContentOptions

    @Option(name: .customLong("lang"), help: ArgumentHelp("The language to translate into.", valueName: "code"))
    var language: String

    @Option(name: [.customShort("o"), .customLong("output")], help: ArgumentHelp("The file to write (default: standard output).", valueName: "file"))
    var output: String?

    func run() async throws {
        let session = try Po.openSession(options)
        try Po.checkLanguage(language, of: session.site)
        let text = POWriter.text(of: POExporter(session: session).catalog(for: language))
        guard let output else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        do {
            try AtomicFile.write(Data(text.utf8), to: URL(fileURLWithPath: output))
        } catch {
            Report.printError("cannot write '\(output)': \(error.localizedDescription)")
            throw ExitCode(1)
        }
    }
}
