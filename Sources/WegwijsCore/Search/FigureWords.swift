import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The words a figure shows: the text of an SVG screenshot (its `<text>` elements: "Intrekken", "Adresboek"),
/// which readers see on the page and search for, though no text of the content says them.
///
/// Read once per build, before the jobs, on one thread (libxml2's parser is not started from several threads
/// at once), for every SVG figure of the site; a raster image shows no words the build can read.
public struct FigureWords: Sendable {
    /// The words of each SVG figure, by its path as the content writes it.
    private let words: [String: String]

    /// No figure's words.
    public static let none = FigureWords(words: [:])

    /// An SVG figure larger than this is not read (a screenshot's text is a few kilobytes).
    static let maximumBytes = 2 << 20

    private init(words: [String: String]) {
        self.words = words
    }

    /// The words of every SVG figure of `site`'s procedures under `contentDirectory`.
    public init(site: Site, contentDirectory: URL) {
        var words: [String: String] = [:]
        var seen = Set<String>()
        for procedure in site.procedures {
            for case .step(let step) in procedure.steps {
                for path in step.figure?.allPaths ?? [] where seen.insert(path.value).inserted {
                    guard path.value.lowercased().hasSuffix(".svg"),
                        let url = FigurePath.resolvedURL(of: path.value, in: contentDirectory),
                        let size = (try? url.resourceValues(forKeys: [.fileSizeKey]))?.fileSize, size <= Self.maximumBytes,
                        let data = FileManager.default.contents(atPath: url.path)
                    else { continue }
                    let text = Self.text(ofSVG: data)
                    if !text.isEmpty { words[path.value] = text }
                }
            }
        }
        self.words = words
    }

    /// The words of the figure at `path` (as the content writes it), one line; nil for none.
    func text(of path: String) -> String? {
        words[path]
    }

    /// The character data inside an SVG's `<text>` elements (with their `<tspan>`s), each run of text set
    /// apart by a space; empty when the file is not well-formed XML. External entities are never loaded.
    static func text(ofSVG data: Data) -> String {
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        let collector = Collector()
        parser.delegate = collector
        guard parser.parse() else { return "" }
        return collector.runs.joined(separator: " ").split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    private final class Collector: NSObject, XMLParserDelegate {
        var runs: [String] = []
        private var depth = 0
        private var current = ""

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            if Self.local(name) == "text" { depth += 1 }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            guard Self.local(name) == "text", depth > 0 else { return }
            depth -= 1
            if depth == 0 {
                runs.append(current)
                current = ""
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if depth > 0 { current += string }
        }

        /// An element's name without its namespace prefix (`svg:text` is `text`).
        static func local(_ name: String) -> Substring {
            name.split(separator: ":").last ?? Substring(name)
        }
    }
}
