import WegwijsCore

/// A console that answers from a fixed script and throws away what is written.
public final class FuzzConsole: RunConsole {
    public var capabilities: ConsoleCapabilities
    var script: [RunInput]
    /// How many characters were written.
    public private(set) var written = 0

    /// A console of `capabilities` answering `script`, then reporting the end of input.
    public init(capabilities: ConsoleCapabilities, script: [RunInput]) {
        self.capabilities = capabilities
        self.script = script
    }

    public func write(_ text: String) { written += text.utf8.count }

    public func nextInput() -> RunInput { script.isEmpty ? .endOfInput : script.removeFirst() }

    /// Never waits: a wait's countdown reads the script like any answer.
    public func nextInput(waitingAtMost limit: Duration?) -> RunInput? { nextInput() }

    public func discardPendingInput() {}

    public func open(file path: String) -> OpenOutcome { .opened }

    public func open(address: String) -> OpenOutcome { .opened }

    public func copyToClipboard(_ text: String) -> String? { "fuzz" }
}
