/// Matching a language code as translators' tools write it (`nl_NL`, `nl-NL`, `NL`, `fr-be`) to a site's codes.
public enum LanguageMatch: Sendable, Equatable {
    /// The site has this language (compared without case, `_` as `-`).
    case exact(String)
    /// The site lacks the region or script, but has the primary language: BCP 47's lookup fallback.
    case fallback(String)
    /// The site has neither.
    case none

    /// The site's language that `given` stands for: its own code when it has it, else the longest of its codes
    /// that `given` starts with, subtag by subtag (`fr-BE-x` → `fr-BE`, else `fr`).
    public static func match(_ given: String, among languages: [String]) -> LanguageMatch {
        let wanted = normalized(given)
        guard !wanted.isEmpty else { return .none }
        if let exact = languages.first(where: { normalized($0) == wanted }) { return .exact(exact) }
        var subtags = wanted.split(separator: "-").map(String.init)
        while subtags.count > 1 {
            subtags.removeLast()
            let prefix = subtags.joined(separator: "-")
            if let found = languages.first(where: { normalized($0) == prefix }) { return .fallback(found) }
        }
        return .none
    }

    /// `given` lowercased, `_` as `-`, without a POSIX locale's `.UTF-8` or `@modifier`.
    static func normalized(_ given: String) -> String {
        let code = given.prefix { $0 != "." && $0 != "@" }
        return code.replacingOccurrences(of: "_", with: "-").lowercased().trimmingCharacters(in: .whitespaces)
    }
}

import Foundation
