/// Which link destinations may reach the output.
///
/// Content is untrusted: a destination with a scheme is kept only when that scheme is on a short allow list.
/// Destinations without a scheme (relative paths, `#fragment`) are kept, and so are the meaningful
/// schemes (`ref:`, `term:`, `input:`, `callout:`), which the resolver rewrites before rendering.
public enum LinkSafety {
    /// Schemes a link may use.
    public static let linkSchemes: Set<String> = ["http", "https", "mailto", "tel", "ref", "term", "input", "callout"]
    /// Schemes an image may use, besides `data:` images in a raster format.
    public static let imageSchemes: Set<String> = ["http", "https"]
    static let dataImageTypes = ["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"]

    /// The scheme of a destination, lowercased, or nil when it has none.
    ///
    /// Browsers ignore ASCII control characters and spaces inside a scheme (`java\tscript:`), so they are
    /// skipped here too, and a scheme is only what RFC 3986 allows before the first colon.
    public static func scheme(of destination: String) -> String? {
        var scheme = ""
        for scalar in destination.unicodeScalars {
            if scalar == ":" { return scheme.isEmpty ? nil : scheme.lowercased() }
            if scalar.value <= 0x20 { continue }
            let isSchemeCharacter = scalar.properties.isASCIIHexDigit || (scalar.isASCII && (
                ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                || scalar == "+" || scalar == "-" || scalar == "."))
            if !isSchemeCharacter { return nil }
            scheme.unicodeScalars.append(scalar)
        }
        return nil
    }

    /// Whether a link to `destination` may be rendered as a link.
    public static func isSafe(linkDestination destination: String) -> Bool {
        guard let scheme = scheme(of: destination) else { return true }
        return linkSchemes.contains(scheme)
    }

    /// Whether an image from `source` may be rendered.
    public static func isSafe(imageSource source: String) -> Bool {
        guard let scheme = scheme(of: source) else { return true }
        if scheme == "data" {
            let lowered = source.lowercased().filter { !$0.isWhitespace }
            return dataImageTypes.contains { lowered.hasPrefix($0 + ";") || lowered.hasPrefix($0 + ",") }
        }
        return imageSchemes.contains(scheme)
    }
}
