import ArgumentParser
import Foundation
import WegwijsCore

/// `wegwijs tm`: the content's translations as a translation memory.
struct Tm: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export the translations already in the content as a TMX translation memory.", subcommands: [TmExport.self])
}

/// `wegwijs tm export [-o FILE]`.
struct TmExport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Write every aligned translation as TMX 1.4b (one <tu> per translated text).")

    @OptionGroup var options: ContentOptions

    @Option(name: [.customShort("o"), .customLong("output")], help: ArgumentHelp("The file to write (default: standard output).", valueName: "file"))
    var output: String?

    func run() async throws {
        let session = try Po.openSession(options)
        try ExchangeOutput.write(TermbaseWriter(session: session).tmx, to: output)
    }
}
