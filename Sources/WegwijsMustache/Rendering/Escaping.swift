/// How plain text is made safe for the output format where a template inserts it.
public enum Escaping: Sendable {
    /// Escapes exactly `&`, `<`, `>`, `"` and `'` as `&amp;`, `&lt;`, `&gt;`, `&quot;` and `&#39;`,
    /// byte-identical to swift-mustache 2.1.1's `htmlEscape`, which the project used until now.
    case html
    /// Inserts text as it is (Markdown and other formats that escape their own way).
    case none
}

extension Escaping {
    /// Appends `text` escaped for this format to `output`.
    @inline(__always)
    func append(_ text: String, to output: inout String) {
        switch self {
        case .none: output.append(text)
        case .html: Self.appendHTMLEscaped(text, to: &output)
        }
    }

    /// What an HTML-special ASCII byte becomes, or nil for any other byte.
    @inline(__always)
    private static func replacement(for byte: UInt8) -> String? {
        switch byte {
        case UInt8(ascii: "&"): "&amp;"
        case UInt8(ascii: "<"): "&lt;"
        case UInt8(ascii: ">"): "&gt;"
        case UInt8(ascii: "\""): "&quot;"
        case UInt8(ascii: "'"): "&#39;"
        default: nil
        }
    }

    /// Appends `text` HTML-escaped to `output`.
    ///
    /// swift-mustache replaced whole `Character`s, so a special character that a grapheme cluster joins to
    /// its neighbour (`"<\u{338}"`, or after a prepended mark) stayed as it was. Text without special bytes
    /// is appended whole, ASCII text byte by byte (no cluster there joins a special character), and only
    /// the rest goes by `Character`, as swift-mustache did, so the bytes are the same.
    private static func appendHTMLEscaped(_ text: String, to output: inout String) {
        var hasSpecial = false
        var isASCII = true
        for byte in text.utf8 {
            if byte >= 0x80 {
                isASCII = false
            } else if replacement(for: byte) != nil {
                hasSpecial = true
            }
        }
        guard hasSpecial else {
            output.append(text)
            return
        }
        if isASCII {
            let bytes = text.utf8
            var start = bytes.startIndex
            var index = start
            while index != bytes.endIndex {
                if let replacement = replacement(for: bytes[index]) {
                    if start != index { output.append(contentsOf: text[start..<index]) }
                    output.append(replacement)
                    start = bytes.index(after: index)
                }
                index = bytes.index(after: index)
            }
            if start != bytes.endIndex { output.append(contentsOf: text[start...]) }
            return
        }
        for character in text {
            if character.utf8.count == 1, let byte = character.utf8.first, let replacement = replacement(for: byte) {
                output.append(replacement)
            } else {
                output.append(character)
            }
        }
    }
}
