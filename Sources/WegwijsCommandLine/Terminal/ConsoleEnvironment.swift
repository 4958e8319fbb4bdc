#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import WegwijsCore

/// What the process's surroundings say about the console: environment variables, and whether standard
/// input and output are terminals.
///
/// The decisions are pure functions of these values, so they are tested without a terminal;
/// `current()` is the only part that looks at the real process.
public struct ConsoleEnvironment: Sendable, Equatable {
    /// The environment variables (`TERM`, `NO_COLOR`, `COLUMNS`, …).
    public var variables: [String: String]
    /// Whether standard input is a terminal.
    public var inputIsTerminal: Bool
    /// Whether standard output is a terminal.
    public var outputIsTerminal: Bool
    /// The columns standard output's terminal reports, or nil when it is not a terminal or reports none.
    public var terminalColumns: Int?

    /// The rows standard output's terminal reports, or nil.
    public var terminalRows: Int?

    /// An environment as given (tests describe one; `current()` reads the real one).
    public init(
        variables: [String: String], inputIsTerminal: Bool, outputIsTerminal: Bool, terminalColumns: Int? = nil,
        terminalRows: Int? = nil
    ) {
        self.variables = variables
        self.inputIsTerminal = inputIsTerminal
        self.outputIsTerminal = outputIsTerminal
        self.terminalColumns = terminalColumns
        self.terminalRows = terminalRows
    }

    /// This process's environment and standard streams.
    public static func current() -> ConsoleEnvironment {
        let output = Descriptor(STDOUT_FILENO)
        return ConsoleEnvironment(
            variables: ProcessInfo.processInfo.environment,
            inputIsTerminal: Descriptor(STDIN_FILENO).isTerminal,
            outputIsTerminal: output.isTerminal,
            terminalColumns: output.terminalColumns, terminalRows: output.terminalRows)
    }

    // MARK: - Decisions

    /// The widest text the runner is asked to wrap to; wider windows get margins, not longer lines.
    public static let widthRange = 1...500

    /// Columns for text: the terminal's when standard output is one, else `$COLUMNS`, else 80; kept within `widthRange`.
    public var width: Int {
        let columns = terminalColumns.flatMap { $0 > 0 ? $0 : nil } ?? variables["COLUMNS"].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) } ?? 80
        return min(max(columns, Self.widthRange.lowerBound), Self.widthRange.upperBound)
    }

    /// Rows of the window: the terminal's, else `$LINES`; nil when neither says (then nothing is paged).
    public var rows: Int? {
        let rows = terminalRows.flatMap { $0 > 0 ? $0 : nil } ?? variables["LINES"].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        return rows.flatMap { $0 > 0 ? min($0, 10_000) : nil }
    }

    /// Whether escape sequences for colour and weight may be written: only to a terminal, never with a
    /// non-empty `NO_COLOR` (no-color.org) or `TERM=dumb`.
    public var usesColor: Bool {
        outputIsTerminal && (variables["NO_COLOR"] ?? "").isEmpty && variables["TERM"] != "dumb"
    }

    /// Whether links may be written as OSC 8 hyperlinks.
    ///
    /// Only where escape sequences may be written at all. `WEGWIJS_HYPERLINKS=1` or `0` decides outright;
    /// otherwise only terminals known to show OSC 8 links get them. A terminal that does not understand
    /// OSC 8 drops the sequence and with it the address, so the list errs on the side of writing the
    /// address in brackets:
    /// - iTerm2, WezTerm, VS Code's terminal and Ghostty (`TERM_PROGRAM`);
    /// - VTE terminals from 0.50 on (GNOME Terminal 3.26+, Tilix, …: `VTE_VERSION` ≥ 5000);
    /// - Windows Terminal (`WT_SESSION`, seen from WSL);
    /// - kitty and foot (their `TERM`).
    ///
    /// Not Alacritty (only from 0.11, and its `TERM` does not say which), Konsole (a setting), Apple's
    /// Terminal, nor anything inside tmux or screen, which drop OSC 8 unless configured to pass it on
    /// and pass the outer terminal's `VTE_VERSION`/`WT_SESSION` into their panes.
    public var supportsHyperlinks: Bool {
        guard usesColor else { return false }
        switch variables["WEGWIJS_HYPERLINKS"] {
        case "1": return true
        case "0": return false
        default: break
        }
        let term = variables["TERM"] ?? ""
        if variables["TMUX"] != nil || variables["STY"] != nil || term.hasPrefix("screen") || term.hasPrefix("tmux") {
            return false
        }
        if let program = variables["TERM_PROGRAM"], ["iTerm.app", "WezTerm", "vscode", "ghostty"].contains(program) {
            return true
        }
        if let vte = variables["VTE_VERSION"].flatMap({ Int($0) }), vte >= 5000 { return true }
        if let session = variables["WT_SESSION"], !session.isEmpty { return true }
        return term.contains("kitty") || term.hasPrefix("foot")
    }

    /// Whether the run may read single keys and redraw: standard input and output are terminals, `--plain`
    /// was not asked for, and the terminal is not `TERM=dumb`, which cannot move the cursor (Emacs'
    /// shell buffers, some screen-reader setups) and so is better served line by line.
    public func isInteractive(plain: Bool) -> Bool {
        !plain && inputIsTerminal && outputIsTerminal && variables["TERM"] != "dumb"
    }

    /// The capabilities of the console `makeRunConsole(plain:)` opens here: all of the above when
    /// interactive, and plain text without escape sequences otherwise (plain mode serves scripts and
    /// screen readers, for whom colour codes are noise).
    public func capabilities(plain: Bool) -> ConsoleCapabilities {
        guard isInteractive(plain: plain) else { return .plain(width: width) }
        return ConsoleCapabilities(
            usesColor: usesColor, supportsHyperlinks: supportsHyperlinks, isInteractive: true, width: width, rows: rows)
    }
}
