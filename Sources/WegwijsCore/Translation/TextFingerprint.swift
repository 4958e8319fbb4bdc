/// The fingerprint of a source text: what a translation was made from, insensitive to how the YAML wraps it.
///
/// The text is normalised before hashing: line ends become LF, lines are trimmed, lines of one paragraph
/// are joined with single spaces (reflowing a paragraph, or switching between YAML's block, folded and
/// quoted styles, changes nothing), runs of spaces become one, blank lines separate paragraphs. A line
/// that starts a list item, heading, quote or code fence keeps its own line. Any change of words,
/// punctuation, markup or link destinations changes the fingerprint.
public enum TextFingerprint {
    /// The normalised form that is hashed.
    public static func normalized(_ text: String) -> String {
        var paragraphs: [String] = []
        var current = ""
        for rawLine in TextLines.of(text) {
            let words = rawLine.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
            guard !words.isEmpty else {
                if !current.isEmpty { paragraphs.append(current) }
                current = ""
                continue
            }
            let line = words.joined(separator: " ")
            if current.isEmpty {
                current = line
            } else {
                current += startsBlock(line) ? "\n" : " "
                current += line
            }
        }
        if !current.isEmpty { paragraphs.append(current) }
        return paragraphs.joined(separator: "\n\n")
    }

    /// The fingerprint: 16 hexadecimal digits of FNV-1a over the normalised text.
    public static func of(_ text: String) -> String {
        var hasher = StableHasher()
        hasher.combine(normalized(text))
        return hasher.hexDigest
    }

    /// Whether a (trimmed) line starts a block of its own in CommonMark.
    static func startsBlock(_ line: String) -> Bool {
        if line.hasPrefix("#") || line.hasPrefix(">") || line.hasPrefix("```") || line.hasPrefix("~~~") { return true }
        for marker in ["- ", "* ", "+ "] where line.hasPrefix(marker) { return true }
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 9 else { return false }
        let rest = line.dropFirst(digits.count)
        return rest.hasPrefix(". ") || rest.hasPrefix(") ")
    }
}
