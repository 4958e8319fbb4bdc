import Foundation
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
