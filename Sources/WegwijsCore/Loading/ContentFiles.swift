import Foundation
import WegwijsMarkdown

/// Reads content files again when a diagnostic must point inside a text, and caches what it read.
///
/// Diagnostics are rare, so files are not kept in memory for them: the first diagnostic in a file reads it.
public final class ContentFiles: Sendable {
    let loader: ContentLoader
    private let mappers = Protected<[String: TextPositionMapper]>([:])

    /// Files of the content folder `loader` reads.
    public init(loader: ContentLoader) {
        self.loader = loader
    }

    /// Where `link` (found in `entry`) is in its file; the start of the string when it cannot be placed.
    public func location(of link: MarkdownLink, in entry: Text.Entry) -> SourceLocation {
        location(line: link.line, utf8Column: link.utf8Column, in: entry)
    }

    /// Where the character at `line` and `utf8Column` of `entry`'s string (as cmark counts) is in its file;
    /// the start of the string when it cannot be placed.
    public func location(line: Int, utf8Column: Int, in entry: Text.Entry) -> SourceLocation {
        let origin = entry.origin
        guard let mapper = mapper(for: origin.location.file),
            let location = mapper.location(line: line, utf8Column: utf8Column, in: entry.value, origin: origin)
        else { return origin.location }
        return location
    }

    func mapper(for displayPath: String) -> TextPositionMapper? {
        if let mapper = mappers.withLock({ $0[displayPath] }) { return mapper }
        // Read outside the lock: two workers may read the same file once each, and the first one's is kept.
        guard let url = loader.url(forDisplayPath: displayPath), let data = try? Data(contentsOf: url) else { return nil }
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard let text = String(validating: bytes, as: UTF8.self) else { return nil }
        let mapper = TextPositionMapper(fileText: text)
        return mappers.withLock { mappers in
            if let kept = mappers[displayPath] { return kept }
            mappers[displayPath] = mapper
            return mapper
        }
    }
}

extension ContentLoader {
    /// The file behind a path shown in diagnostics.
    public func url(forDisplayPath displayPath: String) -> URL? {
        if displayPrefix == "." { return contentDirectory.appendingPathComponent(displayPath) }
        guard displayPath.hasPrefix(displayPrefix + "/") else { return nil }
        return contentDirectory.appendingPathComponent(String(displayPath.dropFirst(displayPrefix.count + 1)))
    }
}
