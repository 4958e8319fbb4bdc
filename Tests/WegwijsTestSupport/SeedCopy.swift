import Foundation

/// A copy of the repository's `content/` and `templates/` in a temporary folder, removed when done with.
public final class SeedCopy {
    /// The temporary folder holding `content/` and `templates/`.
    public let root: URL
    /// The copied content folder.
    public var content: URL { root.appendingPathComponent("content") }

    /// Copies the seed content and templates.
    public init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("wegwijs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for folder in ["content", "templates"] {
            try FileManager.default.copyItem(at: Repository.root.appendingPathComponent(folder), to: root.appendingPathComponent(folder))
        }
    }

    deinit {
        try? FileManager.default.removeItem(at: root)
    }
}

/// gettext's own tools, to check the PO files Wegwijs writes.
public enum Gettext {
    /// Runs `tool arguments…` and answers its exit status and standard error.
    public static func run(_ tool: String, _ arguments: [String]) throws -> (status: Int32, standardError: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        let error = Pipe()
        process.standardError = error
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let data = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// `msgfmt -c` on `file`: its status and complaints (both empty-handed when the file is valid).
    public static func check(_ file: URL) throws -> (status: Int32, standardError: String) {
        try run("msgfmt", ["-c", "-o", "/dev/null", file.path])
    }
}
