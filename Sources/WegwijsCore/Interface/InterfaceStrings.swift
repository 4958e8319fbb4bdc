/// The tool's own words (Step, Note, Prerequisites, runner prompts…) in every language, from
/// `templates/strings/<language>.yaml`. Code refers to them by key; a new language is a new file.
public struct InterfaceStrings: Sendable {
    /// Strings by language, then by key.
    let table: [String: [String: String]]
    /// The folder as shown in diagnostics.
    public let directoryDisplayPath: String

    /// Strings from a table of languages to keys to strings.
    public init(table: [String: [String: String]], directoryDisplayPath: String) {
        self.table = table
        self.directoryDisplayPath = directoryDisplayPath
    }

    /// The languages that have a strings file.
    public var languages: [String] { table.keys.sorted() }

    /// The keys the program uses; every language must have them all.
    public static let requiredKeys = [
        "language.name", "page.skip-to-content", "page.choose-language", "page.this-page-in", "page.not-translated",
        "page.all-guides", "page.contents", "procedure.prerequisites", "procedure.inputs", "procedure.steps",
        "procedure.step", "procedure.result", "procedure.figure-legend", "procedure.include", "procedure.example",
        "reference.step", "callout.marker", "note.note", "note.tip", "note.important", "note.warning", "audience.admin",
    ]

    /// Whether `key` exists (in the first language; all languages are checked to have the same keys).
    public func hasKey(_ key: String) -> Bool {
        table.values.contains { $0[key] != nil }
    }

    /// The keys that start with `prefix`, without it, sorted.
    public func keys(withPrefix prefix: String) -> [String] {
        Set(table.values.flatMap { $0.keys }).filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }.sorted()
    }

    /// The string for `key` in `language`, with `{name}` placeholders filled from `values`.
    ///
    /// Falls back to the first language that has the key, then to the key itself, so a gap never hides text.
    public func string(_ key: String, in language: String, _ values: [String: String] = [:]) -> String {
        let template = table[language]?[key] ?? languages.lazy.compactMap { table[$0]?[key] }.first ?? key
        guard !values.isEmpty else { return template }
        var result = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            let name = String(rest[rest.index(after: open)..<close])
            result += values[name] ?? String(rest[open...close])
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }

    /// Every string of `language`, for templates (`{{strings.note.warning}}` reads `note.warning`).
    public func all(in language: String) -> [String: String] {
        var merged: [String: String] = [:]
        for key in Set(table.values.flatMap { $0.keys }) { merged[key] = string(key, in: language) }
        return merged
    }
}
