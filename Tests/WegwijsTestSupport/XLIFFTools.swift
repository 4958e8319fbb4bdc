import Foundation

/// The tools the XLIFF tests check exported files with: `xmllint` against the OASIS schemas (fetched by
/// `scripts/xliff-schemas` into `.build/xliff-schemas`) and translate-toolkit (`xliff2po`, its Python API).
public enum XLIFFTools {
    /// Runs `tool arguments…`; its status, standard output and standard error.
    public static func run(_ tool: String, _ arguments: [String], in directory: URL? = nil) throws -> (status: Int32, output: String, error: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        if let directory { process.currentDirectoryURL = directory }
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        nonisolated(unsafe) var errorData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errorData = error.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outputData, as: UTF8.self), String(decoding: errorData, as: UTF8.self))
    }

    /// The folder with `xliff-core-1.2-strict.xsd`, `xliff-core-2.0.xsd` and `xml.xsd` (fetched once).
    public static func schemas() throws -> URL {
        let folder = Repository.root.appendingPathComponent(".build/xliff-schemas")
        let result = try run(Repository.root.appendingPathComponent("scripts/xliff-schemas").path, [folder.path])
        guard result.status == 0 else { throw Failure(message: "scripts/xliff-schemas: \(result.error)") }
        return folder
    }

    /// `xmllint --nonet --schema` of `file` against the 1.2 strict or the 2.0 schema.
    public static func validate(_ file: URL, version: Int) throws -> (status: Int32, error: String) {
        let schema = try schemas().appendingPathComponent(version == 1 ? "xliff-core-1.2-strict.xsd" : "xliff-core-2.0.xsd")
        let result = try run("xmllint", ["--noout", "--nonet", "--schema", schema.path, file.path])
        return (result.status, result.error)
    }

    /// The system's Python, where Debian's translate-toolkit is installed.
    public static var python: String { FileManager.default.isExecutableFile(atPath: "/usr/bin/python3") ? "/usr/bin/python3" : "python3" }

    public struct Failure: Error, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }
}
