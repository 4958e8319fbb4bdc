import ArgumentParser
import Foundation
import WegwijsCore

/// `wegwijs language`: the site's languages.
struct LanguageCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "language", abstract: "Add a language to the site.", subcommands: [LanguageAdd.self])
}

/// `wegwijs language add CODE`.
struct LanguageAdd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Add a language to site.yaml (in place) and its interface strings to translate.",
        discussion: """
            The site stays buildable: until texts are translated they are 'untranslated' warnings (errors with \
            check --strict) and the source language's text is shown, figures' alternative text included.
            """)

    @OptionGroup var options: ContentOptions

    @Argument(help: ArgumentHelp("The language's BCP 47 code, such as de, fr or fr-BE.", valueName: "code"))
    var code: String

    func run() async throws {
        guard let code = LanguageAdder.normalizedCode(code) else {
            throw ValidationError("'\(self.code)' is not a language code such as de, fr or fr-BE (BCP 47: language, optional script and region)")
        }
        let session = try Po.openSession(options)
        let site = session.site
        if let existing = site.languages.first(where: { $0.lowercased() == code.lowercased() }) {
            throw ValidationError("the site has '\(existing)' already")
        }
        let loader = session.loader
        guard let siteURL = loader.url(forDisplayPath: site.file), let siteData = FileManager.default.contents(atPath: siteURL.path),
            let siteText = String(validating: siteData, as: UTF8.self)
        else {
            Report.printError("cannot read '\(site.file)'")
            throw ExitCode(1)
        }
        let edited: String
        do throws(LanguageAdder.Problem) {
            edited = try LanguageAdder.siteText(siteText, adding: code, after: site.languageLocations)
        } catch {
            Report.printError("cannot add '\(code)' to '\(site.file)': \(error.message); add it to 'languages' by hand")
            throw ExitCode(1)
        }
        // The edited file must load with the new language last, and nothing else of the site may change.
        let (reloaded, problems) = loader.site(site, withFile: site.file, holding: Data(edited.utf8))
        guard let reloaded, reloaded.languages == site.languages + [code] else {
            Report.printDiagnostics(problems.sorted)
            Report.printError("adding '\(code)' to '\(site.file)' would not give the languages \((site.languages + [code]).joined(separator: ", ")); nothing was changed")
            throw ExitCode(1)
        }
        let stringsFolder = URL(fileURLWithPath: options.templates).appendingPathComponent("strings")
        let sourceStrings = stringsFolder.appendingPathComponent("\(site.sourceLanguage).yaml")
        let newStrings = stringsFolder.appendingPathComponent("\(code).yaml")
        let stringsDisplay = "\(options.templates)/strings/\(code).yaml"
        var wroteStrings = false
        if !FileManager.default.fileExists(atPath: newStrings.path) {
            guard let data = FileManager.default.contents(atPath: sourceStrings.path), let text = String(validating: data, as: UTF8.self) else {
                Report.printError("cannot read '\(options.templates)/strings/\(site.sourceLanguage).yaml' to make the strings of '\(code)' from")
                throw ExitCode(1)
            }
            do {
                try AtomicFile.write(Data(LanguageAdder.stringsText(from: text, sourceLanguage: site.sourceLanguage, code: code).utf8), to: newStrings)
                wroteStrings = true
            } catch {
                Report.printError("cannot write '\(stringsDisplay)': \(error.localizedDescription)")
                throw ExitCode(1)
            }
        }
        do {
            try AtomicFile.write(Data(edited.utf8), to: siteURL)
        } catch {
            if wroteStrings { try? FileManager.default.removeItem(at: newStrings) }
            Report.printError("cannot write '\(site.file)': \(error.localizedDescription)")
            throw ExitCode(1)
        }
        let count = site.translationUnits.filter { !$0.text.isSameInEveryLanguage }.count
        StandardStreams.printError(
            "Added '\(code)' to '\(site.file)'" + (wroteStrings ? " and wrote '\(stringsDisplay)' (every value still '\(site.sourceLanguage)')" : "")
                + ": \(count) texts to translate, with 'wegwijs xliff export --lang \(code)' or 'wegwijs po export --lang \(code)'.")
    }
}
