import ArgumentParser
import Foundation
import WegwijsCore

/// `wegwijs po confirm`: record that translations are right for the current source texts, without retyping them.
struct PoConfirm: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "confirm",
        abstract: "Record that translations are still right for their current source texts.",
        discussion: """
            A PLACE is a text's place as PO files name it (msgctxt), such as 'add-users/steps/fill-in/text', or the \
            start of places: 'add-users' confirms every text of that procedure, 'glossary' every label.
            """)

    @OptionGroup var options: ContentOptions

    @Option(name: .customLong("lang"), help: ArgumentHelp("The language of the translations (repeatable; default: every language).", valueName: "code"))
    var languages: [String] = []

    @Flag(help: "Confirm every translation that has no record yet (for content translated before Wegwijs kept records).")
    var unverified = false

    @Argument(help: ArgumentHelp("The texts to confirm.", valueName: "place"))
    var places: [String] = []

    func validate() throws {
        if places.isEmpty && !unverified { throw ValidationError("name the texts to confirm, or give --unverified") }
    }

    func run() async throws {
        let session = try Po.openSession(options)
        let site = session.site
        for language in languages { try Po.checkLanguage(language, of: session) }
        let units = site.translationUnits
        var confirmations: [(place: String, language: String)] = []
        var matched = Set<String>()
        for unit in units where !unit.text.isSameInEveryLanguage {
            guard let source = unit.text.entry(in: unit.sourceLanguage) else { continue }
            let named = places.first { unit.place == $0 || unit.place.hasPrefix($0 + "/") }
            for language in unit.targetLanguages(in: site) where languages.isEmpty || languages.contains(language) {
                guard unit.text.isTranslated(into: language) else { continue }
                let verdict = session.translationRecords.verdict(place: unit.place, language: language, source: source.value)
                if let named {
                    matched.insert(named)
                    if verdict != .current { confirmations.append((unit.place, language)) }
                } else if unverified, verdict == .unrecorded {
                    confirmations.append((unit.place, language))
                }
            }
        }
        let unknown = places.filter { !matched.contains($0) }
        for place in unknown {
            Report.printError(
                "'\(place)' names no translated text\(Suggestion.didYouMean(place, among: units.map(\.place)))",
                notes: ["Places are as 'wegwijs po export' writes them in msgctxt."])
        }
        guard unknown.isEmpty else { throw ExitCode(1) }
        var update = ContentUpdate(session: session)
        update.confirmations = confirmations
        let problems = update.write()
        Report.printDiagnostics(problems.sorted)
        if problems.hasErrors { throw ExitCode(1) }
        StandardStreams.printError("Confirmed \(confirmations.count) translation\(confirmations.count == 1 ? "" : "s").")
    }
}
