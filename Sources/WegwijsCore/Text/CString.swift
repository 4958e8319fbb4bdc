/// C-style string literals, as gettext PO files and the translation record file write them.
///
/// Escapes: `\\`, `\"`, `\n`, `\t`, `\r`, `\a`, `\b`, `\f`, `\v`, and other control characters in octal
/// (`\033`); every other character, ASCII or not, is written as it is (PO files are UTF-8).
public enum CString {
    /// Why a quoted string cannot be read, and where in the line (0-based, in characters).
    public struct Problem: Error, Sendable, Equatable {
        public var message: String
        public var offset: Int
    }

    /// `text` escaped, without the surrounding quotes.
    ///
    /// `other` may escape further characters its own way (YAML's double quotes share the escapes above,
    /// but write other characters as `\xHH` and `\uHHHH`); by default control characters are octal.
    public static func escape(_ text: String, other: (Unicode.Scalar) -> String? = octal) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            case "\u{07}": result += "\\a"
            case "\u{08}": result += "\\b"
            case "\u{0C}": result += "\\f"
            case "\u{0B}": result += "\\v"
            default:
                if let escaped = other(scalar) {
                    result += escaped
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }

    /// A control character as an octal escape (`\033`); nil for any other character.
    public static func octal(_ scalar: Unicode.Scalar) -> String? {
        guard scalar.value < 0x20 || scalar.value == 0x7F else { return nil }
        let digits = String(scalar.value, radix: 8)
        return "\\" + String(repeating: "0", count: 3 - digits.count) + digits
    }

    /// `"text"`: the escaped text in double quotes.
    public static func quote(_ text: String) -> String { "\"\(escape(text))\"" }

    /// Reads one quoted string at the start of `line` (after leading spaces), and whatever follows it.
    ///
    /// Octal (`\ooo`) and hexadecimal (`\xhh`) escapes give bytes, decoded as UTF-8 with the rest.
    public static func unquote(_ line: Substring) throws(Problem) -> (value: String, rest: Substring) {
        let characters = Array(line.unicodeScalars)
        var index = 0
        while index < characters.count, characters[index] == " " || characters[index] == "\t" { index += 1 }
        guard index < characters.count, characters[index] == "\"" else {
            throw Problem(message: "expected a string in double quotes", offset: index)
        }
        let opening = index
        index += 1
        var bytes: [UInt8] = []
        func append(_ scalar: Unicode.Scalar) {
            if scalar.isASCII {
                bytes.append(UInt8(scalar.value))
            } else if let encoded = UTF8.encode(scalar) {
                bytes.append(contentsOf: encoded)
            }
        }
        while true {
            guard index < characters.count else { throw Problem(message: "the string has no closing quote", offset: opening) }
            let scalar = characters[index]
            if scalar == "\"" { index += 1; break }
            guard scalar == "\\" else { append(scalar); index += 1; continue }
            let escapeStart = index
            index += 1
            guard index < characters.count else { throw Problem(message: "the string has no closing quote", offset: opening) }
            let escaped = characters[index]
            index += 1
            switch escaped {
            case "n": bytes.append(0x0A)
            case "t": bytes.append(0x09)
            case "r": bytes.append(0x0D)
            case "a": bytes.append(0x07)
            case "b": bytes.append(0x08)
            case "f": bytes.append(0x0C)
            case "v": bytes.append(0x0B)
            case "\\", "\"", "'", "?": append(escaped)
            case "0"..."7":
                var value = Int(escaped.value - 48)
                var digits = 1
                while digits < 3, index < characters.count, ("0"..."7").contains(characters[index]) {
                    value = value * 8 + Int(characters[index].value - 48)
                    index += 1
                    digits += 1
                }
                guard value <= 0xFF else { throw Problem(message: "octal escape out of range", offset: escapeStart) }
                bytes.append(UInt8(value))
            case "x":
                var value = 0
                var digits = 0
                while index < characters.count, characters[index].isASCII,
                    let digit = Character(characters[index]).hexDigitValue
                {
                    value = value * 16 + digit
                    index += 1
                    digits += 1
                    guard value <= 0xFF else { throw Problem(message: "hexadecimal escape out of range", offset: escapeStart) }
                }
                guard digits > 0 else { throw Problem(message: "'\\x' needs hexadecimal digits", offset: escapeStart) }
                bytes.append(UInt8(value))
            default:
                throw Problem(message: "unknown escape '\\\(escaped)'", offset: escapeStart)
            }
        }
        guard let value = String(validating: bytes, as: UTF8.self) else {
            throw Problem(message: "the escapes in the string do not make valid UTF-8", offset: 0)
        }
        let rest = String(String.UnicodeScalarView(characters[index...]))
        return (value, Substring(rest))
    }
}
