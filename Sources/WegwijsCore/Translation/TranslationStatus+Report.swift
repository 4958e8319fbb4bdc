extension TranslationStatus {
    /// The status as text, in the interface language `language`: per language a heading, one line per
    /// procedure (and the site's own texts and the glossary) with its counts, the total, then every text
    /// that is missing or outdated as `file:line:column: state: place`, and how many are unverified.
    public func text(strings: InterfaceStrings, in language: String) -> String {
        func s(_ key: String, _ values: [String: String] = [:]) -> String { strings.string(key, in: language, values) }
        func counts(_ counts: Counts) -> String {
            State.allCases.map { "\(counts[$0]) \(s("translation.status.\($0.rawValue)"))" }.joined(separator: ", ")
        }
        var lines: [String] = []
        for status in languages {
            let name = strings.string("language.name", in: status.code)
            lines.append(s("translation.status.heading", ["name": name, "language": status.code]))
            let total = s("translation.status.total")
            let width = max(total.count, status.rows.map(\.name.count).max() ?? 0)
            func padded(_ text: String) -> String { text + String(repeating: " ", count: width - text.count) }
            for row in status.rows { lines.append("  \(padded(row.name))  \(counts(row.counts))") }
            lines.append("  \(padded(total))  \(counts(status.total))")
            for item in status.items where item.state != .unverified {
                lines.append("  \(item.location): \(s("translation.status.\(item.state.rawValue)")): \(item.place)")
            }
            if status.total.unverified > 0 {
                lines.append("  " + s("translation.status.unverified-hint", ["count": String(status.total.unverified), "language": status.code]))
            }
        }
        return lines.joined(separator: "\n")
    }

    /// `{"diagnostics": […], "translations": […]}`: the diagnostics as `--format json` prints them, and the
    /// status of every language.
    public func json(diagnostics: [Diagnostic]) -> String {
        struct Report: Encodable {
            var diagnostics: [DiagnosticFormatter.JSONEntry]
            var translations: [LanguageReport]
        }
        struct LanguageReport: Encodable {
            var language: String
            var total: Counts
            var parts: [PartReport]
            var texts: [TextReport]
        }
        struct PartReport: Encodable {
            var kind: String
            var name: String
            var file: String
            var translated, missing, outdated, unverified: Int
        }
        struct TextReport: Encodable {
            var place: String
            var state: String
            var file: String
            var line: Int
            var column: Int
            var previousSource: String?
        }
        let report = Report(
            diagnostics: diagnostics.map(DiagnosticFormatter.JSONEntry.init),
            translations: languages.map { status in
                LanguageReport(
                    language: status.code, total: status.total,
                    parts: status.rows.map {
                        PartReport(
                            kind: $0.kind.rawValue, name: $0.name, file: $0.file, translated: $0.counts.translated,
                            missing: $0.counts.missing, outdated: $0.counts.outdated, unverified: $0.counts.unverified)
                    },
                    texts: status.items.map {
                        TextReport(
                            place: $0.place, state: $0.state.rawValue, file: $0.location.file, line: $0.location.line,
                            column: $0.location.column, previousSource: $0.previousSource)
                    })
            })
        return DiagnosticFormatter.encodeJSON(report) ?? "{}"
    }
}
