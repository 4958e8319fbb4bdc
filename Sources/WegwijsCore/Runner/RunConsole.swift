import Foundation

/// What the runner reads from the admin.
public enum RunInput: Sendable, Equatable {
    /// One key press (interactive terminals).
    case key(RunKey)
    /// One line of text, without its line end (plain mode and scripts).
    case line(String)
    /// Standard input was closed: stop and save.
    case endOfInput
    /// Ctrl-C or SIGTERM: save and exit with status 130.
    case interrupt
    /// The window changed size: redraw at the new width.
    case resize(width: Int)
}

/// Keys the runner knows.
public enum RunKey: Sendable, Equatable {
    case enter, space, left, right, up, down, backspace, escape
    /// A printable character, lowercased by nobody: the runner compares case-insensitively.
    case character(Character)
}

/// What a console can do, decided once when it is opened.
public struct ConsoleCapabilities: Sendable, Equatable {
    /// Whether escape sequences for colour and weight may be written (not with NO_COLOR, TERM=dumb, or a pipe).
    public var usesColor: Bool
    /// Whether links may be written as OSC 8 hyperlinks.
    public var supportsHyperlinks: Bool
    /// Whether input comes as single keys and the screen may be redrawn (raw mode); false in plain mode.
    public var isInteractive: Bool
    /// Columns available for text.
    public var width: Int
    /// Rows of the window, when known (interactive terminals): a screen taller than that is paged.
    public var rows: Int?

    public init(usesColor: Bool, supportsHyperlinks: Bool, isInteractive: Bool, width: Int, rows: Int? = nil) {
        self.usesColor = usesColor
        self.supportsHyperlinks = supportsHyperlinks
        self.isInteractive = isInteractive
        self.width = width
        self.rows = rows
    }

    /// Plain text at `width`: no escape sequences, line-by-line input.
    public static func plain(width: Int = 80) -> ConsoleCapabilities {
        ConsoleCapabilities(usesColor: false, supportsHyperlinks: false, isInteractive: false, width: width)
    }
}

/// What asking the desktop to open something gave.
public enum OpenOutcome: Sendable, Equatable {
    case opened
    /// No program to open it with is installed; its name (`xdg-open`, `open`).
    case noOpener(String)
    /// The opener could not start, or said it could not open it.
    case failed
}

/// Where the runner writes and reads: a real terminal, a pipe in plain mode, or a script in tests.
///
/// Text handed to `write` is already made safe (no control characters from content) and styled for
/// the console's capabilities; the console adds nothing but the bytes.
public protocol RunConsole: AnyObject {
    /// What this console can do (the width may change on resize).
    var capabilities: ConsoleCapabilities { get }
    /// Writes text as it is.
    func write(_ text: String)
    /// Waits for the next input.
    func nextInput() -> RunInput
    /// Waits at most `limit` for the next input; nil when the time is up (for a wait's countdown).
    func nextInput(waitingAtMost limit: Duration?) -> RunInput?
    /// Drops keys typed while a screen was being drawn, before the next answer is read.
    func discardPendingInput()
    /// Opens a file (a figure) in the desktop's viewer.
    func open(file path: String) -> OpenOutcome
    /// Opens a web address (`https:`, `mailto:`) with the desktop's opener, never through a shell.
    func open(address: String) -> OpenOutcome
    /// Puts text on the clipboard; the name of the way used (such as "OSC 52", "wl-copy"), or nil when none worked.
    func copyToClipboard(_ text: String) -> String?
    /// While a step's command runs: waits at most `limit` for the admin to stop it (Ctrl-C, or a signal to
    /// the runner), taking no other input (a script's next answers stay for after the command); true then.
    func interruptRequested(waitingAtMost limit: Duration) -> Bool
}

extension RunConsole {
    /// A console that cannot be interrupted: waits `limit` and says no.
    public func interruptRequested(waitingAtMost limit: Duration) -> Bool {
        let nanoseconds = limit.components.seconds * 1_000_000_000 + limit.components.attoseconds / 1_000_000_000
        if nanoseconds > 0 { Thread.sleep(forTimeInterval: Double(nanoseconds) / 1e9) }
        return false
    }
}
