import Foundation
import WegwijsCore

/// A content folder written to a temporary directory for one test, removed when the test is done with it.
public final class ContentFixture {
    /// The temporary directory holding `content/`, `templates/` and room for `output/`.
    public let root: URL
    /// The content folder.
    public var content: URL { root.appendingPathComponent("content") }
    /// The templates folder (a copy of the repository's).
    public var templates: URL { root.appendingPathComponent("templates") }

    /// A minimal valid site.yaml, in English and Dutch, with groups `portal` and `other`.
    public static let siteYAML = """
        title:
          en: Guides
          nl: Handleidingen
        languages: [en, nl]
        groups:
          - id: portal
            title: Portal
          - id: other
            title: {en: Other, nl: Overig}

        """

    /// A procedure that fills every field, each text being `text(field)` (a YAML scalar, quoted as needed), with
    /// input `account` and figure `images/a.svg` (which the caller writes): for tests that put the same kind of
    /// value everywhere.
    public static func procedureWithEveryField(_ text: (String) -> String) -> String {
        """
        title: \(text("title"))
        summary: \(text("summary"))
        requires: [\(text("requirement"))]
        inputs:
          - {id: account, label: \(text("label")), example: \(text("example"))}
        steps:
          - id: one
            title: \(text("step title"))
            text: \(text("text"))
            figure: {src: images/a.svg, alt: \(text("alt")), callouts: [\(text("callout"))]}
            notes: [{type: tip, text: \(text("note"))}]
            result: \(text("result"))

        """
    }

    /// Writes `files` (paths relative to the content folder) and copies the repository's templates.
    /// site.yaml defaults to ``siteYAML``.
    public init(_ files: [String: String], copyTemplates: Bool = true) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("wegwijs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("content"), withIntermediateDirectories: true)
        var all = files
        if all["site.yaml"] == nil { all["site.yaml"] = Self.siteYAML }
        for (path, text) in all { try write(text, to: path) }
        if copyTemplates {
            try FileManager.default.copyItem(at: Repository.root.appendingPathComponent("templates"), to: templates)
        }
    }

    deinit {
        try? FileManager.default.removeItem(at: root)
    }

    /// Writes `text` to `path` inside the content folder.
    public func write(_ text: String, to path: String) throws {
        try write(Data(text.utf8), to: path)
    }

    /// Writes bytes to `path` inside the content folder.
    public func write(_ data: Data, to path: String) throws {
        let url = content.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    /// Loads and validates the content, with paths shown as `content/…`.
    public func open() -> (session: ContentSession?, diagnostics: Diagnostics) {
        var timings = Timings()
        return ContentSession.open(
            ContentSession.Sources(content: content, contentDisplayPath: "content", templates: templates, templatesDisplayPath: "templates"),
            timings: &timings)
    }

    /// The diagnostics of loading and validating, as sorted `file:line:col: severity: summary` lines
    /// with the `content/` prefix left out.
    public func diagnosticLines() -> [String] {
        open().diagnostics.sorted.map { diagnostic in
            var line = diagnostic.headline
            if line.hasPrefix("content/") { line.removeFirst("content/".count) }
            return line
        }
    }
}

/// The repository this test run belongs to.
public enum Repository {
    /// The package root (the folder with Package.swift).
    public static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }()
}
