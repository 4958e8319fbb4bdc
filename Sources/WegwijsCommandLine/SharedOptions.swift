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
        let sourceLines = SourceLines()
        let formatter = DiagnosticFormatter(usesColor: StandardStreams.errorIsColorTerminal, sourceLine: sourceLines.line(at:))
        // Written in pieces of about 64 KB: one write per diagnostic is slow when there are 100,000 of them.
        var pending = ""
        for diagnostic in diagnostics {
            pending += formatter.text(diagnostic) + "\n"
            if pending.utf8.count >= 1 << 16 {
                FileHandle.standardError.write(Data(pending.utf8))
                pending = ""
            }
        }
        if !pending.isEmpty { FileHandle.standardError.write(Data(pending.utf8)) }
    }

    /// Prints a plain warning without a place (what a helper program such as WeasyPrint said).
    static func printWarning(_ message: String) {
        let warning = SGR.boldMagenta.apply(to: "warning", when: StandardStreams.errorIsColorTerminal)
        StandardStreams.printError("wegwijs: \(warning): \(TerminalText.safe(message))")
    }

    /// Prints a plain error without a place (for problems with the command line's folders, not content).
    static func printError(_ message: String, notes: [String] = []) {
        let error = SGR.boldRed.apply(to: "error", when: StandardStreams.errorIsColorTerminal)
        StandardStreams.printError("wegwijs: \(error): \(TerminalText.safe(message))")
        for note in notes { StandardStreams.printError("    \(TerminalText.safe(note))") }
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
