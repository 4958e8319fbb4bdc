/// Splitting text into lines the way files mean them.
enum TextLines {
    /// The lines of `text`, split at LF, each without a CR before it. Splits on Unicode scalars, since
    /// CRLF is a single `Character` and would not split at "\n".
    static func of(_ text: String) -> [Substring] {
        text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            Substring(line.last == "\r" ? line.dropLast() : line)
        }
    }
}
