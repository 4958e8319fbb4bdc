import WegwijsCore

/// Opens the console for `wegwijs run` on standard input and output.
///
/// A `TerminalConsole` when the run can be interactive (`ConsoleEnvironment.isInteractive(plain:)`),
/// otherwise, or when the terminal refuses raw mode, a `PlainConsole`. Either handles the process's
/// signals until `close()`; call it when the run ends (`defer { console.close() }`).
public func makeRunConsole(plain: Bool, environment: ConsoleEnvironment = .current()) -> any ClosableConsole {
    if environment.isInteractive(plain: plain),
        let console = try? TerminalConsole(capabilities: environment.capabilities(plain: false), environment: environment.variables)
    {
        return console
    }
    return PlainConsole(width: environment.width, environment: environment.variables)
}
