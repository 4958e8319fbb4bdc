import Foundation

/// site.yaml's web addresses: `base-url:`, `edit-url:` and `report-url:`, checked as they are read.
extension SiteHeader {
    /// `base-url: https://example.org/guides/`: an absolute `https://` or `http://` address with a host and no
    /// query or fragment, given back ending in `/`; nil (reported) for anything else.
    static func baseURL(_ node: YAMLNode, reader: inout NodeReader) -> Located<String>? {
        guard let text = reader.string(node, what: "'base-url'") else { return nil }
        guard SiteAddress.isWebAddress(text, allowingQuery: false) else {
            reader.error(
                "invalid-url", at: node, "'base-url' '\(text)' is not an absolute web address\(suggestion(for: text))",
                notes: ["Write where the HTML site is published, such as 'https://example.org/guides/': https or http, a host, no '?' or '#'."])
            return nil
        }
        return Located(text.hasSuffix("/") ? text : text + "/", at: reader.location(of: node))
    }

    /// `edit-url:` or `report-url:`: a ``URLTemplate``, or nil (reported) when it is no web address or names an
    /// unknown place.
    static func urlTemplate(_ node: YAMLNode, key: String, reader: inout NodeReader) -> URLTemplate? {
        guard let text = reader.string(node, what: "'\(key)'") else { return nil }
        let names = URLTemplate.Placeholder.allCases.map(\.rawValue)
        let places = names.map { "{\($0)}" }.joined(separator: ", ")
        switch URLTemplate.parse(text, at: reader.location(of: node)) {
        case .success(let template):
            return template
        case .failure(.unknownPlaceholder(let name)):
            var location = reader.location(of: node)
            if case .scalar(let scalar) = node.content, let range = text.range(of: "{\(name)}") {
                // A plain scalar's characters are where they are written; a quoted one's start after the quote.
                let offset = text.distance(from: text.startIndex, to: range.lowerBound)
                let quote = scalar.style == .singleQuoted || scalar.style == .doubleQuoted ? 1 : 0
                if scalar.style == .plain || quote == 1 {
                    location = SourceLocation(file: location.file, line: location.line, column: location.column + quote + offset)
                }
            }
            reader.diagnostics.error(
                "unknown-placeholder", at: location,
                "unknown place '{\(name)}' in '\(key)'" + Suggestion.didYouMean(name, among: names),
                notes: ["'\(key)' may name \(places)."])
        case .failure(.unclosedBrace):
            reader.error("invalid-url", at: node, "'\(key)' has a '{' or '}' that is no place", notes: ["Places are written \(places)."])
        case .failure(.notAnAddress):
            reader.error(
                "invalid-url", at: node, "'\(key)' '\(text)' is not an absolute web address\(suggestion(for: text))",
                notes: ["Write an https or http address with a host, such as 'https://example.org/edit/main/content/{path}'."])
        }
        return nil
    }

    /// " (did you mean 'https://…'?)" for an address written without its scheme or with a near one.
    static func suggestion(for text: String) -> String {
        if let separator = text.range(of: "://") {
            let scheme = text[..<separator.lowerBound].lowercased()
            guard scheme != "https", scheme != "http", let match = Suggestion.closest(to: scheme, among: ["https", "http"]) else { return "" }
            let candidate = "\(match)://\(text[separator.upperBound...])"
            return isSuggestible(candidate) ? " (did you mean '\(candidate)'?)" : ""
        }
        let candidate = "https://" + text.drop { $0 == "/" }
        return text.contains(".") && isSuggestible(candidate) ? " (did you mean '\(candidate)'?)" : ""
    }

    /// Whether `candidate` (places left out) is a web address worth suggesting.
    static func isSuggestible(_ candidate: String) -> Bool {
        SiteAddress.isWebAddress(candidate.replacingOccurrences(of: "{", with: "").replacingOccurrences(of: "}", with: ""), allowingQuery: true)
    }
}
