import Foundation

/// Prints diagnostics the way compilers do, or as JSON for editors and CI.
public struct DiagnosticFormatter: Sendable {
    /// Whether to colour severities (only on a terminal, and never with `NO_COLOR`).
    public var usesColor: Bool
    /// Reads a source line for the snippet under a diagnostic; nil leaves the snippet out.
    public var sourceLine: @Sendable (SourceLocation) -> String?

    public init(usesColor: Bool, sourceLine: @escaping @Sendable (SourceLocation) -> String?) {
        self.usesColor = usesColor
        self.sourceLine = sourceLine
    }

    /// `file:line:column: severity: summary`, the source line with a caret, then the notes indented.
    public func text(_ diagnostic: Diagnostic) -> String {
        let severity = diagnostic.severity.rawValue
        let coloredSeverity = (diagnostic.severity == .error ? SGR.boldRed : SGR.boldMagenta).apply(to: severity, when: usesColor)
        var lines = ["\(TerminalText.safe(diagnostic.location.description)): \(coloredSeverity): \(TerminalText.safe(diagnostic.summary))"]
        if let source = sourceLine(diagnostic.location) {
            let (visible, caretColumn) = Self.excerpt(
                of: TerminalText.safe(source.replacingOccurrences(of: "\t", with: " ")), column: diagnostic.location.column)
            let prefix = String(visible.unicodeScalars.prefix(max(0, caretColumn - 1)))
            let padding = String(repeating: " ", count: TerminalText.displayWidth(prefix))
            lines.append("    \(visible)")
            lines.append("    \(padding)^")
        }
        for note in diagnostic.notes { lines.append("    \(TerminalText.safe(note))") }
        return lines.joined(separator: "\n")
    }

    /// How many characters of a source line a snippet shows at most.
    static let snippetWidth = 120

    /// At most ``snippetWidth`` characters of `line` around `column`, with `…` where it was cut, and the
    /// column of the same character in the excerpt: a 40 KB line of brackets must not flood the terminal.
    static func excerpt(of line: String, column: Int) -> (text: String, column: Int) {
        let scalars = Array(line.unicodeScalars)
        guard scalars.count > snippetWidth else { return (line, column) }
        let start = max(0, min(column - 1 - snippetWidth / 2, scalars.count - snippetWidth))
        let end = min(scalars.count, start + snippetWidth)
        var text = String(String.UnicodeScalarView(scalars[start..<end]))
        var caret = column - start
        if start > 0 {
            text = "…" + text
            caret += 1
        }
        if end < scalars.count { text += "…" }
        return (text, caret)
    }

    /// A one-line count such as "2 errors, 1 warning".
    public static func summary(of diagnostics: [Diagnostic]) -> String {
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        func plural(_ count: Int, _ word: String) -> String { "\(count) \(word)\(count == 1 ? "" : "s")" }
        return "\(plural(errors, "error")), \(plural(warnings, "warning"))"
    }

    /// The diagnostics as a JSON array of `{file, line, column, severity, id, message, notes}`.
    public static func json(_ diagnostics: [Diagnostic]) -> String {
        encodeJSON(diagnostics.map(JSONEntry.init)) ?? "[]"
    }

    /// One diagnostic as JSON shows it.
    struct JSONEntry: Encodable {
        var file: String
        var line: Int
        var column: Int
        var severity: String
        var id: String
        var message: String
        var notes: [String]

        init(_ diagnostic: Diagnostic) {
            file = diagnostic.location.file
            line = diagnostic.location.line
            column = diagnostic.location.column
            severity = diagnostic.severity.rawValue
            id = diagnostic.id
            message = diagnostic.summary
            notes = diagnostic.notes
        }
    }

    /// `value` as pretty-printed JSON with sorted keys.
    static func encodeJSON(_ value: some Encodable) -> String? {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(value)).flatMap { String(data: $0, encoding: .utf8) }
    }
}
