import Foundation
import Testing
import WegwijsCore

/// What ``TerminalText/safe(_:keepingNewlines:)`` lets through, scalar class by scalar class, and that
/// diagnostics, which quote content, use it everywhere.
@Suite struct TerminalSafetyTests {
    @Test func controlsEscapesC1AndBidiOverridesAreReplaced() {
        let hostile = "a\u{1B}[31mb\u{9B}c\u{7}d\u{7F}e\u{85}f\r\u{202A}\u{202B}\u{202C}\u{202D}\u{202E}\u{2066}\u{2067}\u{2068}\u{2069}g"
        let safe = TerminalText.safe(hostile)
        #expect(safe == "a\u{FFFD}[31mb\u{FFFD}c\u{FFFD}d\u{FFFD}e\u{FFFD}f\u{FFFD}" + String(repeating: "\u{FFFD}", count: 9) + "g")
        #expect(TerminalText.safe("x\ny\tz\u{2028}w") == "x\u{FFFD}y z w")
        #expect(TerminalText.safe("x\ny", keepingNewlines: true) == "x\ny")
    }

    @Test func marksThatLanguagesNeedStay() {
        // Zero-width joiner and non-joiner (Persian, emoji), left-to-right, right-to-left and Arabic letter marks.
        let needed = "می\u{200C}خواهم 👩\u{200D}💻 abc\u{200E} שלום\u{200F} عربي\u{061C}"
        #expect(TerminalText.safe(needed) == needed)
    }

    @Test func diagnosticsQuotingContentAreSafeInEveryPart() {
        let hostile = "x\u{1B}]0;t\u{7}\u{202E}y"
        let diagnostic = Diagnostic(
            .error, "test", at: SourceLocation(file: "a\u{1B}[2J.yaml", line: 1, column: 3), "unknown term '\(hostile)'",
            notes: ["did you mean '\(hostile)'?"])
        let text = DiagnosticFormatter(usesColor: false, sourceLine: { _ in "key: \(hostile)" }).text(diagnostic)
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || (0x202A...0x202E).contains($0.value) })
        let colored = DiagnosticFormatter(usesColor: true, sourceLine: { _ in hostile }).text(diagnostic)
        #expect(colored.components(separatedBy: "\u{1B}").count == 3, "only the severity's own colour: \(colored)")
    }
}
