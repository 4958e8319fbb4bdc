import WegwijsCore

/// A run console on the process's own standard streams, which must be given back when the run ends.
///
/// `close()` restores the terminal as it was found (raw mode off) and removes the console's signal
/// handlers. Call it when the run ends, however it ends (`defer`); it is safe to call more than once,
/// and `deinit` calls it too. After it, `write` still works and `nextInput()` answers `.endOfInput`.
public protocol ClosableConsole: RunConsole {
    /// Gives the terminal and the signal handlers back; idempotent.
    func close()
}
