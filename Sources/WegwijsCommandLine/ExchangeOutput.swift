import ArgumentParser
import Foundation
import WegwijsCore

/// Writing an export: to standard output or a file, and one file per source language where the format holds
/// one (PO's `X-Source-Language`, XLIFF 2's `srcLang`) and the texts have several.
enum ExchangeOutput {
    /// The file for the texts of `sourceLanguage` when an export is split: `de.po` → `de.from-nl.po`.
    static func path(_ output: String, sourceLanguage: String) -> String {
        let url = URL(fileURLWithPath: output)
        let ext = url.pathExtension
        let base = ext.isEmpty ? output : String(output.dropLast(ext.count + 1))
        return ext.isEmpty ? "\(base).from-\(sourceLanguage)" : "\(base).from-\(sourceLanguage).\(ext)"
    }

    /// Writes `text` to `output`, or to standard output when it is nil.
    static func write(_ text: String, to output: String?) throws {
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

    /// The source languages to write a file for: the one asked for, all of them (split) when there are several
    /// and a file is named, and an error when they go to standard output.
    static func sourceLanguages(
        _ asked: String?, export: TranslationExport, language: String, output: String?, session: ContentSession
    ) throws -> (languages: [String?], split: Bool) {
        if let asked {
            guard session.site.languages.contains(asked) else { throw CommandLineWords(session: session).notASiteLanguage(asked) }
            return ([asked], false)
        }
        let sources = export.sourceLanguages(for: language)
        guard sources.count > 1 else { return ([nil], false) }
        guard output != nil else {
            throw ValidationError(
                "the texts to translate into '\(language)' are written in \(sources.joined(separator: " and ")): give --source-lang, or -o to write one file per source language")
        }
        return (sources, true)
    }
}
