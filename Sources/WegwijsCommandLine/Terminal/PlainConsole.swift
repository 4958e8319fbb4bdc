#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import WegwijsCore

/// The run console for `--plain` and for standard input that is not a terminal: line by line, nothing
/// redrawn, no escape sequences, no change to the terminal's settings.
///
/// It serves screen-reader users and scripts (`printf 'y\n…' | wegwijs run ID --plain`): each answer is a
/// line; lines typed or piped ahead are answers waiting their turn, so `discardPendingInput()` keeps them.
///
/// Reading waits on standard input and a signal self-pipe together (`SignalRelay`), so SIGINT (Ctrl-C in
/// a terminal's cooked mode), SIGTERM, SIGHUP or SIGQUIT end a blocked read at once with `.interrupt`;
/// a second one ends the process. Ctrl-Z keeps the terminal's own meaning: nothing to restore here.
public final class PlainConsole: ClosableConsole {
    /// Plain capabilities: no colour, no hyperlinks, not interactive.
    public let capabilities: ConsoleCapabilities

    private let input: Descriptor
    private let output: Descriptor
    private let relay: SignalRelay?
    private let desktop: Desktop
    /// Bytes read after the last complete line.
    private var buffer: [UInt8] = []
    private var reachedEndOfFile = false
    private var isOver = false

    /// Opens the console on `input` and `output` (standard input and output by default).
    ///
    /// - Parameters:
    ///   - width: the columns to wrap to (from `ConsoleEnvironment.width`).
    ///   - environment: where the figure viewer and the clipboard tools are looked for.
    ///   - handlesSignals: installs handlers for SIGINT, SIGTERM, SIGHUP and SIGQUIT, unless another
    ///     console holds them already (then signals keep their usual effect). Tests pass false.
    public init(
        input: Int32 = STDIN_FILENO, output: Int32 = STDOUT_FILENO, width: Int = 80,
        environment: [String: String] = ProcessInfo.processInfo.environment, handlesSignals: Bool = true
    ) {
        self.input = Descriptor(input)
        self.output = Descriptor(output)
        let range = ConsoleEnvironment.widthRange
        capabilities = .plain(width: min(max(width, range.lowerBound), range.upperBound))
        desktop = Desktop(environment: environment)
        relay = handlesSignals ? SignalRelay.install(for: SignalRelay.terminationSignals) : nil
    }

    deinit { close() }

    /// Removes the signal handlers; idempotent.
    public func close() {
        isOver = true
        relay?.uninstall()
    }

    // MARK: - Output

    /// Writes `text` as it is, every byte.
    public func write(_ text: String) {
        output.writeAll(text.utf8)
    }

    // MARK: - Input

    /// The next line (without "\n" or "\r\n"), `.endOfInput` at the end, `.interrupt` on a signal.
    public func nextInput() -> RunInput {
        nextInput(waitingAtMost: nil) ?? .endOfInput
    }

    /// Waits at most `limit` (nil: as long as it takes) for the next input; nil when the time is up.
    public func nextInput(waitingAtMost limit: Duration?) -> RunInput? {
        let clock = ContinuousClock()
        let deadline = limit.map { clock.now + $0 }
        while true {
            if isOver { return .endOfInput }
            if let line = takeLine() { return .line(line) }
            if reachedEndOfFile { return .endOfInput }

            var descriptors = [input]
            if let relay { descriptors.append(relay.descriptor) }
            switch Descriptor.waitForInput(on: descriptors, timeout: deadline.map { $0 - clock.now }) {
            case .failed:
                reachedEndOfFile = true
            case .timedOut:
                if let deadline, clock.now >= deadline { return nil }
            case .ready(let ready):
                if let relay, ready.count > 1, ready[1], relay.takeSignals().contains(where: SignalRelay.terminationSignals.contains) {
                    isOver = true
                    return .interrupt
                }
                if ready[0] {
                    switch input.read() {
                    case .bytes(let bytes): buffer += bytes
                    case .endOfFile: reachedEndOfFile = true
                    case .again: break
                    }
                }
            }
        }
    }

    /// While a step's command runs: a signal (Ctrl-C in cooked mode, SIGTERM, …) within `limit`, reading no
    /// line, so that answers piped ahead stay for after the command.
    public func interruptRequested(waitingAtMost limit: Duration) -> Bool {
        guard let relay, !isOver else {
            usleep(UInt32(max(0, min(1_000_000, limit.components.seconds * 1_000_000 + limit.components.attoseconds / 1_000_000_000_000))))
            return false
        }
        if case .ready(let ready) = Descriptor.waitForInput(on: [relay.descriptor], timeout: limit), ready[0],
            relay.takeSignals().contains(where: SignalRelay.terminationSignals.contains)
        {
            isOver = true
            return true
        }
        return false
    }

    /// Keeps lines typed or piped ahead: in plain mode they are answers, not stray keys.
    public func discardPendingInput() {}

    /// The first complete line in the buffer, or at the end of input the unfinished last one.
    private func takeLine() -> String? {
        var line: ArraySlice<UInt8>
        if let newline = buffer.firstIndex(of: 0x0A) {
            line = buffer[..<newline]
            buffer.removeSubrange(...newline)
        } else if reachedEndOfFile && !buffer.isEmpty {
            line = buffer[...]
            buffer.removeAll()
        } else {
            return nil
        }
        if line.last == 0x0D { line = line.dropLast() }
        // Input that is not UTF-8 (a Latin-1 file piped in) is read with U+FFFD in place of bad bytes.
        return String(decoding: line, as: UTF8.self)
    }

    // MARK: - Desktop

    /// Opens a figure in the desktop's viewer (xdg-open, or open on macOS).
    public func open(file path: String) -> OpenOutcome {
        desktop.open(file: path)
    }

    /// Opens a web address with the desktop's opener (never a shell).
    public func open(address: String) -> OpenOutcome {
        desktop.open(address: address)
    }

    /// Puts `text` on the clipboard with wl-copy, xclip or pbcopy (no escape sequences in plain mode);
    /// the tool's name, or nil when none is installed or works.
    public func copyToClipboard(_ text: String) -> String? {
        desktop.copyWithTool(text)
    }
}
