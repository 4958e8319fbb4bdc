import ArgumentParser
import Foundation
import WegwijsCore

/// `--content` and `--templates`, taken by every command.
struct ContentOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The content folder: site.yaml, glossary.yaml, procedures/, images/.", valueName: "dir"))
    var content: String = "content"

    @Option(help: ArgumentHelp("The templates folder: Mustache templates, stylesheet, strings/.", valueName: "dir"))
    var templates: String = "templates"

    var sources: ContentSession.Sources {
        ContentSession.Sources(
            content: URL(fileURLWithPath: content), contentDisplayPath: content,
            templates: URL(fileURLWithPath: templates), templatesDisplayPath: templates)
    }
}

/// Printing diagnostics and summaries to standard error.
enum Report {
    /// Prints `diagnostics` (sorted) to standard error in the compiler style.
    static func printDiagnostics(_ diagnostics: [Diagnostic]) {
        let formatter = DiagnosticFormatter(usesColor: StandardStreams.errorIsColorTerminal, sourceLine: SourceLines.line(at:))
        for diagnostic in diagnostics { StandardStreams.printError(formatter.text(diagnostic)) }
    }

    /// Prints a plain warning without a place (what a helper program such as WeasyPrint said).
    static func printWarning(_ message: String) {
        let warning = StandardStreams.errorIsColorTerminal ? "\u{1B}[1;35mwarning\u{1B}[0m" : "warning"
        StandardStreams.printError("wegwijs: \(warning): \(TerminalText.safe(message))")
    }

    /// Prints a plain error without a place (for problems with the command line's folders, not content).
    static func printError(_ message: String, notes: [String] = []) {
        let error = StandardStreams.errorIsColorTerminal ? "\u{1B}[1;31merror\u{1B}[0m" : "error"
        StandardStreams.printError("wegwijs: \(error): \(TerminalText.safe(message))")
        for note in notes { StandardStreams.printError("    \(TerminalText.safe(note))") }
    }
}

/// The source line of a diagnostic, read from the file the diagnostic names.
enum SourceLines {
    @Sendable static func line(at location: SourceLocation) -> String? {
        guard location.line >= 1,
            let handle = FileHandle(forReadingAtPath: location.file),
            let data = try? handle.read(upToCount: 4 << 20)
        else { return nil }
        try? handle.close()
        var bytes = data[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        // Only the wanted line is decoded: a run can quote thousands of places in large files.
        var start = bytes.startIndex
        for _ in 1..<location.line {
            guard let newline = bytes[start...].firstIndex(of: 0x0A) else { return nil }
            start = newline + 1
        }
        var line = bytes[start..<(bytes[start...].firstIndex(of: 0x0A) ?? bytes.endIndex)]
        if line.last == 0x0D { line.removeLast() }
        guard let text = String(validating: line, as: UTF8.self) else { return nil }
        return text.allSatisfy(\.isWhitespace) ? nil : text
    }
}

/// Standard output and error, and what they are connected to.
enum StandardStreams {
    static var errorIsColorTerminal: Bool {
        isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
            && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    }

    static func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    static func printOutput(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }
}
