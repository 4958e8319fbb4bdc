import ArgumentParser

/// The `wegwijs` command and its subcommands.
public struct Wegwijs: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "wegwijs",
        abstract: "Bilingual step-by-step admin guides from structured procedures.",
        subcommands: [Build.self, PDF.self, Check.self, List.self, Run.self, Po.self, Xliff.self, GlossaryCommand.self, Tm.self, LanguageCommand.self, Serve.self]
    )

    public init() {}
}

extension Wegwijs {
    /// Parses the process's arguments and runs the chosen subcommand, exiting with its status.
    ///
    /// The executable calls this rather than `main()`, whose synchronous overload would be chosen from a
    /// top-level `main.swift` and refuses asynchronous subcommands.
    public static func runAsMain() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }
}
