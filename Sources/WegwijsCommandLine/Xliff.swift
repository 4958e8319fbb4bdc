import ArgumentParser
import Foundation
import WegwijsCore

/// `wegwijs xliff`: exchange translations with CAT tools as XLIFF 1.2 or 2.1.
struct Xliff: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Exchange translations with CAT tools (Trados, memoQ, Phrase) as XLIFF 1.2 or 2.1.",
        subcommands: [XliffExport.self, XliffImport.self])
}
