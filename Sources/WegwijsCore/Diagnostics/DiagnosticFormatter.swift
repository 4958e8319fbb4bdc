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
        let coloredSeverity = usesColor ? (diagnostic.severity == .error ? "\u{1B}[1;31m\(severity)\u{1B}[0m" : "\u{1B}[1;35m\(severity)\u{1B}[0m") : severity
        var lines = ["\(TerminalText.safe(diagnostic.location.description)): \(coloredSeverity): \(TerminalText.safe(diagnostic.summary))"]
        if let source = sourceLine(diagnostic.location) {
            let visible = TerminalText.safe(source.replacingOccurrences(of: "\t", with: " "))
            let prefix = String(visible.unicodeScalars.prefix(max(0, diagnostic.location.column - 1)))
            let padding = String(repeating: " ", count: TerminalText.displayWidth(prefix))
            lines.append("    \(visible)")
            lines.append("    \(padding)^")
        }
        for note in diagnostic.notes { lines.append("    \(TerminalText.safe(note))") }
        return lines.joined(separator: "\n")
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
        struct Entry: Encodable {
            var file: String
            var line: Int
            var column: Int
            var severity: String
            var id: String
            var message: String
            var notes: [String]
        }
        let entries = diagnostics.map {
            Entry(
                file: $0.location.file, line: $0.location.line, column: $0.location.column, severity: $0.severity.rawValue,
                id: $0.id, message: $0.summary, notes: $0.notes)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(entries)).flatMap { String(data: $0, encoding: .utf8) } ?? "[]"
    }
}

/// Text made safe for a terminal, and its width on screen.
public enum TerminalText {
    /// `text` without control characters: C0 and C1 codes and DEL are shown as U+FFFD, so no escape
    /// sequence from content can reach the terminal. Tabs become a space; line breaks are kept only if asked.
    public static func safe(_ text: String, keepingNewlines: Bool = false) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0A where keepingNewlines: result.append(scalar)
            case 0x09: result.append(" ")
            case 0x00...0x1F, 0x7F...0x9F: result.append("\u{FFFD}")
            default: result.append(scalar)
            }
        }
        return String(result)
    }

    /// Columns `text` takes in a terminal: wide East Asian characters and emoji count 2, combining marks 0.
    public static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + width(of: $1) }
    }

    /// Columns one scalar takes.
    public static func width(of scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value == 0 { return 0 }
        let properties = scalar.properties
        switch properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if value == 0x200B || (0x1160...0x11FF).contains(value) { return 0 }
        if properties.isEmojiPresentation { return 2 }
        let isWide =
            (0x1100...0x115F).contains(value) || (0x2E80...0x303E).contains(value) || (0x3041...0x33FF).contains(value)
            || (0x3400...0x4DBF).contains(value) || (0x4E00...0x9FFF).contains(value) || (0xA000...0xA4CF).contains(value)
            || (0xAC00...0xD7A3).contains(value) || (0xF900...0xFAFF).contains(value) || (0xFE30...0xFE4F).contains(value)
            || (0xFF00...0xFF60).contains(value) || (0xFFE0...0xFFE6).contains(value) || (0x20000...0x3FFFD).contains(value)
        return isWide ? 2 : 1
    }
}
