import Foundation
import WegwijsCore

/// A console that answers from a script and keeps everything written, for tests of the runner.
public final class ScriptedConsole: RunConsole {
    public var capabilities: ConsoleCapabilities
    /// The inputs still to give; when they run out, the console reports the end of input.
    public private(set) var script: [RunInput]
    /// Everything written, in order.
    public private(set) var transcript = ""
    /// Files asked to be opened, and text asked to be copied.
    public private(set) var opened: [String] = []
    public private(set) var copied: [String] = []
    /// How many times pending input was discarded.
    public private(set) var discards = 0

    public init(capabilities: ConsoleCapabilities = .plain(width: 60), script: [RunInput]) {
        self.capabilities = capabilities
        self.script = script
    }

    /// A plain console answering with these lines.
    public convenience init(lines: [String], width: Int = 60) {
        self.init(capabilities: .plain(width: width), script: lines.map { .line($0) })
    }

    public func write(_ text: String) {
        transcript += text
    }

    /// What was written between one input asked for and the next: what the admin sees when asked (for
    /// checking that it fits a window).
    public private(set) var screens: [String] = []
    private var screenStart: String.Index?

    public func nextInput() -> RunInput {
        let start = screenStart ?? transcript.startIndex
        screens.append(String(transcript[start...]))
        screenStart = transcript.endIndex
        guard !script.isEmpty else { return .endOfInput }
        return script.removeFirst()
    }

    /// How many timed waits time out before the script is read again; `onTimeout` runs at each (to move a test clock).
    public var timeouts = 0
    public var onTimeout: () -> Void = {}

    public func nextInput(waitingAtMost limit: Duration?) -> RunInput? {
        if timeouts > 0 {
            timeouts -= 1
            onTimeout()
            return nil
        }
        return nextInput()
    }

    public func discardPendingInput() {
        discards += 1
    }

    /// What opening answers (default: opened).
    public var openOutcome: OpenOutcome = .opened
    /// Whether a clipboard takes copies (default: yes).
    public var hasClipboard = true

    public func open(file path: String) -> OpenOutcome {
        opened.append(path)
        return openOutcome
    }

    public func open(address: String) -> OpenOutcome {
        opened.append(address)
        return openOutcome
    }

    /// How many times a running command is asked about before Ctrl-C comes (nil: never).
    public var interruptsCommandAfter: Int?
    /// How many times the runner asked whether to stop a running command.
    public private(set) var interruptChecks = 0

    public func interruptRequested(waitingAtMost limit: Duration) -> Bool {
        interruptChecks += 1
        if let after = interruptsCommandAfter, interruptChecks > after { return true }
        Thread.sleep(forTimeInterval: 0.01)
        return false
    }

    public func copyToClipboard(_ text: String) -> String? {
        guard hasClipboard else { return nil }
        copied.append(text)
        return "test clipboard"
    }
}
