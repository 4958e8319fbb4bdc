import Foundation

/// Writes output files under one root, each in one call, creating folders as needed.
struct OutputWriter: Sendable {
    let root: URL

    func createFolders(_ paths: [String]) throws {
        for path in paths {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(path), withIntermediateDirectories: true)
        }
    }

    func write(_ file: OutputFile) throws {
        let url = root.appendingPathComponent(file.path)
        let folder = url.deletingLastPathComponent()
        if !FileManager.default.fileExists(atPath: folder.path) {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        try file.contents.write(to: url)
    }
}
