import Foundation

/// The rules for figure paths: relative to the content folder, inside it (after following links), an existing file.
public enum FigurePath {
    /// What is wrong with a figure path.
    public struct Problem: Sendable {
        public var id: String
        public var summary: String
        public var notes: [String]
    }

    /// The file a valid path names, or nil.
    public static func resolvedURL(of path: String, in contentDirectory: URL) -> URL? {
        problem(with: path, in: contentDirectory) == nil ? contentDirectory.appendingPathComponent(path) : nil
    }

    /// What is wrong with `path`, or nil when it names a file inside `contentDirectory`.
    public static func problem(with path: String, in contentDirectory: URL) -> Problem? {
        if path.isEmpty {
            return Problem(id: "figure-path", summary: "the figure path is empty", notes: [])
        }
        if path.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            return Problem(id: "figure-path", summary: "the figure path contains a control character", notes: [])
        }
        if path.hasPrefix("/") || path.hasPrefix("~") || path.contains("\\") {
            return Problem(
                id: "figure-outside-content", summary: "figure path '\(path)' must be relative to the content folder",
                notes: ["Write it as 'images/…', relative to the folder that holds site.yaml."])
        }
        let components = path.split(separator: "/", omittingEmptySubsequences: false)
        if components.contains("..") || components.contains("") || components.contains(".") {
            return Problem(
                id: "figure-outside-content",
                summary: "figure path '\(path)' must not use '..', '.' or empty parts",
                notes: ["Figures stay inside the content folder: 'images/…'."])
        }
        let root = contentDirectory.resolvingSymlinksInPath().standardizedFileURL.path
        let target = contentDirectory.appendingPathComponent(path)
        let resolved = target.resolvingSymlinksInPath().standardizedFileURL.path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: target.path, isDirectory: &isDirectory) else {
            return Problem(id: "figure-missing", summary: "figure file '\(path)' does not exist", notes: [])
        }
        guard resolved == root || resolved.hasPrefix(root + "/") else {
            return Problem(
                id: "figure-outside-content", summary: "figure '\(path)' is a link that leads outside the content folder",
                notes: [])
        }
        if isDirectory.boolValue {
            return Problem(id: "figure-missing", summary: "figure path '\(path)' is a folder, not a file", notes: [])
        }
        if let problem = RegularFile.problem(at: target) {
            return Problem(id: "figure-missing", summary: "figure '\(path)': \(problem)", notes: [])
        }
        return nil
    }
}
