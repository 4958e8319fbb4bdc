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
    static func checkLanguage(_ language: String, of site: Site) throws {
        guard site.languages.contains(language) else {
            throw ValidationError("'\(language)' is not a language of the site (\(site.languages.joined(separator: ", ")))")
        }
    }
}
