/// Writes strings as YAML scalars that read back as exactly the same string.
///
/// Plain where that is safe, in single quotes where it is not, in double quotes (with escapes) for line
/// breaks inside flow collections and for characters YAML cannot carry as they are; and as `|` literal
/// block scalars for texts of several lines in block mappings.
enum YAMLScalarWriter {
    /// `value` on one line, in the style that was there (`preferring`) when it can carry the value.
    static func flow(_ value: String, preferring style: TextOrigin.Style?, inFlowCollection: Bool) -> String {
        // By scalar: "\r\n" is one Character, so `contains("\n")` misses it, and a CR, NEL, LS or PS written
        // plain or in single quotes would read back as a line break folded into a space.
        let canBeQuoted = value.unicodeScalars.allSatisfy { isPrintable($0) && $0 != "\t" && !isLineBreak($0) }
        switch style {
        case .doubleQuoted:
            return doubleQuoted(value)
        case .singleQuoted:
            return canBeQuoted ? singleQuoted(value) : doubleQuoted(value)
        default:
            if canBeQuoted && isPlainSafe(value, inFlowCollection: inFlowCollection) { return value }
            return canBeQuoted ? singleQuoted(value) : doubleQuoted(value)
        }
    }

    /// Whether `value` can be written as a `|` literal block scalar.
    static func canBeLiteral(_ value: String) -> Bool {
        guard let first = value.unicodeScalars.first, first != " ", first != "\t", first != "\n" else { return false }
        return value.unicodeScalars.allSatisfy { $0 == "\n" || $0 == "\t" || (!isLineBreak($0) && isPrintable($0)) }
    }

    /// `|` (after it, `headerTail`: a comment kept from the line), then each line of `value` indented by
    /// `indent` spaces; empty lines stay empty. Nothing follows the last line: the file's line end does.
    static func literal(_ value: String, indent: Int, headerTail: String, lineEnd: String) -> String {
        let padding = String(repeating: " ", count: indent)
        let body = value.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.isEmpty ? "" : padding + String(Substring($0))
        }
        return "|" + headerTail + lineEnd + body.joined(separator: lineEnd)
    }

    static func singleQuoted(_ value: String) -> String {
        "'" + value.replacingOccurrences(of: "'", with: "''") + "'"
    }

    /// `value` in double quotes, with C's escapes (which YAML shares) and YAML's `\x`/`\u` for the rest.
    static func doubleQuoted(_ value: String) -> String {
        let escaped = CString.escape(value) { scalar in
            guard !isPrintable(scalar) || isLineBreak(scalar) else { return nil }
            let hex = String(scalar.value, radix: 16, uppercase: true)
            return scalar.value <= 0xFF
                ? "\\x" + String(repeating: "0", count: 2 - hex.count) + hex
                : "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        }
        return "\"" + escaped + "\""
    }

    /// Whether `value` reads back as itself when written plain.
    static func isPlainSafe(_ value: String, inFlowCollection: Bool) -> Bool {
        guard let first = value.unicodeScalars.first, let last = value.unicodeScalars.last else { return false }
        if "-?:,[]{}#&*!|>'\"%@`".unicodeScalars.contains(first) || first == " " || last == " " || last == ":" { return false }
        if value.contains(": ") || value.contains(" #") || value.hasPrefix("...") { return false }
        if ["~", "null", "Null", "NULL"].contains(value) { return false }
        if inFlowCollection, value.unicodeScalars.contains(where: { ",[]{}".unicodeScalars.contains($0) }) { return false }
        return true
    }

    /// The characters YAML reads as line breaks: LF, CR, NEL, and the line and paragraph separators.
    static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        [0x0A, 0x0D, 0x85, 0x2028, 0x2029].contains(scalar.value)
    }

    /// YAML's printable characters (tab and line ends included).
    static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D, 0x20...0x7E, 0x85, 0xA0...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF:
            scalar.value != 0xFEFF
        default:
            false
        }
    }
}
