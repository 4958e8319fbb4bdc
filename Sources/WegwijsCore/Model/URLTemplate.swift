/// An address in site.yaml with places for a procedure's values (`edit-url: https://…/edit/main/content/{path}`),
/// filled in per page, each value percent-encoded for where its place is in the address.
public struct URLTemplate: Sendable {
    /// What a place may name.
    public enum Placeholder: String, Sendable, CaseIterable {
        /// The procedure's file, relative to the content folder: `procedures/dhl-esecure/add-users.yaml`.
        case path
        /// The procedure's id.
        case id
        /// The procedure's title in the page's language, as plain text.
        case title
        /// The page's language code.
        case lang
    }

    /// A piece of the address: written text, or a place.
    enum Piece: Sendable {
        case literal(String)
        case placeholder(Placeholder, inQuery: Bool)
    }

    let pieces: [Piece]
    /// Where it is written.
    public let location: SourceLocation
    /// The template as written.
    public let source: String

    /// What is wrong with a written template.
    public enum Problem: Error, Sendable, Equatable {
        case unknownPlaceholder(String)
        case unclosedBrace
        case notAnAddress
    }

    /// The template in `text`, or what is wrong with it. Only `https://` and `http://` addresses with a host are
    /// templates; `{name}` must be one of ``Placeholder``.
    public static func parse(_ text: String, at location: SourceLocation) -> Result<URLTemplate, Problem> {
        var pieces: [Piece] = []
        var literal = ""
        var isInQuery = false
        var sample = ""
        var rest = Substring(text)
        while let character = rest.first {
            if character == "{" {
                guard let close = rest.firstIndex(of: "}") else { return .failure(.unclosedBrace) }
                let name = String(rest[rest.index(after: rest.startIndex)..<close])
                guard let placeholder = Placeholder(rawValue: name) else { return .failure(.unknownPlaceholder(name)) }
                if !literal.isEmpty { pieces.append(.literal(literal)) }
                literal = ""
                pieces.append(.placeholder(placeholder, inQuery: isInQuery))
                sample += "x"
                rest = rest[rest.index(after: close)...]
                continue
            }
            if character == "}" { return .failure(.unclosedBrace) }
            if character == "?" || character == "#" { isInQuery = true }
            literal.append(character)
            sample.append(character)
            rest = rest.dropFirst()
        }
        if !literal.isEmpty { pieces.append(.literal(literal)) }
        guard SiteAddress.isWebAddress(sample, allowingQuery: true) else { return .failure(.notAnAddress) }
        return .success(URLTemplate(pieces: pieces, location: location, source: text))
    }

    /// The address with every place filled in from `values`, each percent-encoded for its place: a path keeps its
    /// `/` before the query, every other value is one component.
    public func filled(_ values: [Placeholder: String]) -> String {
        var result = ""
        for piece in pieces {
            switch piece {
            case .literal(let text): result += text
            case .placeholder(let placeholder, let inQuery):
                result += SiteAddress.percentEncoded(values[placeholder] ?? "", keepingSlashes: placeholder == .path && !inQuery)
            }
        }
        return result
    }
}

/// Absolute web addresses from site.yaml: checked, normalised and encoded.
public enum SiteAddress {
    /// Whether `text` is an `https://` or `http://` address with a host, and nothing a browser would read
    /// otherwise (spaces, control characters, quotes, angle brackets, a backslash); a query and fragment
    /// only with `allowingQuery`.
    public static func isWebAddress(_ text: String, allowingQuery: Bool) -> Bool {
        let lower = text.lowercased()
        let scheme = lower.hasPrefix("https://") ? "https://" : lower.hasPrefix("http://") ? "http://" : nil
        guard let scheme else { return false }
        guard text.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F && !"\"'<>\\^`{|}".unicodeScalars.contains($0) })
        else { return false }
        let afterScheme = text.dropFirst(scheme.count)
        let authority = afterScheme.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        let host = authority.split(separator: "@", omittingEmptySubsequences: false).last ?? ""
        let hostName = host.hasPrefix("[") ? host : host.split(separator: ":", omittingEmptySubsequences: false).first ?? ""
        guard !hostName.isEmpty, !authority.contains("@") else { return false }
        if let port = host.hasPrefix("[") ? nil : host.split(separator: ":", omittingEmptySubsequences: false).dropFirst().first {
            guard !port.isEmpty, port.allSatisfy(\.isASCII), port.allSatisfy(\.isNumber) else { return false }
        }
        return allowingQuery || !text.contains("?") && !text.contains("#")
    }

    /// `value`'s UTF-8 bytes with everything but ASCII letters, digits and `-._~` (and `/`, when kept)
    /// percent-encoded.
    public static func percentEncoded(_ value: String, keepingSlashes: Bool) -> String {
        let hex = Array("0123456789ABCDEF".unicodeScalars)
        var result = String.UnicodeScalarView()
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                result.append(Unicode.Scalar(byte))
            case UInt8(ascii: "/") where keepingSlashes:
                result.append("/")
            default:
                result.append("%")
                result.append(hex[Int(byte >> 4)])
                result.append(hex[Int(byte & 0xF)])
            }
        }
        return String(result)
    }
}
