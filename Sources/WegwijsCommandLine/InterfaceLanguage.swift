import Foundation
import ArgumentParser
import WegwijsCore

/// The language the tool speaks to the user in, from the environment.
enum InterfaceLanguage {
    /// The language LC_ALL, LC_MESSAGES or LANG names (the first that is set decides, as in setlocale) when
    /// it is one of `languages`, else `fallback`.
    static func fromEnvironment(_ environment: [String: String], among languages: [String], fallback: String) -> String {
        for variable in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[variable], !value.isEmpty else { continue }
            let code = value.split(whereSeparator: { "_.@-".contains($0) }).first.map { String($0).lowercased() } ?? ""
            return languages.contains(code) ? code : fallback
        }
        return fallback
    }
}

/// Mistakes on the command line, said in the user's language (LC_ALL, LC_MESSAGES, LANG, as ``InterfaceLanguage``
/// finds it, or the language a run speaks in) and the site's register: the words are interface strings
/// (`cli.*`), never English written into the code.
struct CommandLineWords {
    let strings: InterfaceStrings
    let site: Site
    /// The language the words are in.
    let language: String

    /// The words of `session`'s strings in `language`, or else in the language the environment names.
    init(session: ContentSession, language: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment) {
        strings = session.strings
        site = session.site
        self.language = language
            ?? InterfaceLanguage.fromEnvironment(environment, among: session.site.languages, fallback: session.site.sourceLanguage)
    }

    /// The string `key` with its `{placeholders}` filled.
    func string(_ key: String, _ values: [String: String] = [:]) -> String {
        strings.string(key, in: language, values)
    }

    /// " (did you mean 'x'?)" for the candidate closest to `name`, or an empty string.
    func didYouMean(_ name: String, among candidates: some Sequence<String>) -> String {
        guard let match = Suggestion.closest(to: name, among: candidates) else { return "" }
        return string("cli.did-you-mean", ["name": TerminalText.safe(match)])
    }

    /// "'xx' is not a language of the site (en, nl)".
    func notASiteLanguage(_ given: String) -> ValidationError {
        ValidationError(string("cli.not-a-site-language", [
            "language": TerminalText.safe(given), "languages": site.languages.joined(separator: ", "),
        ]))
    }
}
