import Foundation

/// Runs a helper program of the tests (a checker script, a PDF reader) found on PATH.
public enum ProgramRunner {
    /// Runs `arguments` (program first) and returns its exit status and everything it printed, standard
    /// output and error together, read before waiting so that a full pipe cannot block it.
    public static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
