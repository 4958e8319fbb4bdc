/// A small writer of XML documents: elements on lines of their own, indented by two spaces, and elements of
/// mixed content (a text with inline codes) on one line, nothing added inside them. Text and attribute values
/// are escaped so that an XML parser reads back exactly the characters written: `&`, `<`, `>` and, in
/// attributes, `"`, tab and line ends as character references; a carriage return in text as `&#13;` (parsers
/// turn a bare one into a line feed).
public struct XMLWriter: Sendable {
    /// The document so far.
    public private(set) var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    private var open: [String] = []

    /// An empty document (with its XML declaration).
    public init() {}

    /// An attribute list; a nil value leaves the attribute out.
    public typealias Attributes = KeyValuePairs<String, String?>

    /// Opens `name` on a line of its own.
    public mutating func open(_ name: String, _ attributes: Attributes = [:]) {
        text += indentation + "<" + name + Self.attributes(attributes) + ">\n"
        open.append(name)
    }

    /// Closes the innermost open element.
    public mutating func close() {
        let name = open.removeLast()
        text += indentation + "</" + name + ">\n"
    }

    /// `<name …>text</name>` on one line (`<name …/>` when `content` is nil).
    public mutating func element(_ name: String, _ attributes: Attributes = [:], text content: String?) {
        guard let content else {
            text += indentation + "<" + name + Self.attributes(attributes) + "/>\n"
            return
        }
        text += indentation + "<" + name + Self.attributes(attributes) + ">" + Self.escapeText(content) + "</" + name + ">\n"
    }

    /// `<name …>` then `markup` as it is (already escaped, mixed content) then `</name>`, on one line.
    public mutating func element(_ name: String, _ attributes: Attributes = [:], markup: String) {
        text += indentation + "<" + name + Self.attributes(attributes) + ">" + markup + "</" + name + ">\n"
    }

    var indentation: String { String(repeating: "  ", count: open.count) }

    /// ` a="1" b="2"`.
    public static func attributes(_ attributes: Attributes) -> String {
        var text = ""
        for (name, value) in attributes {
            guard let value else { continue }
            text += " " + name + "=\"" + escapeAttribute(value) + "\""
        }
        return text
    }

    /// `value` as element content.
    public static func escapeText(_ value: String) -> String {
        var text = ""
        text.reserveCapacity(value.utf8.count)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": text += "&amp;"
            case "<": text += "&lt;"
            case ">": text += "&gt;"
            case "\r": text += "&#13;"
            default: text.unicodeScalars.append(scalar)
            }
        }
        return text
    }

    /// `value` inside double quotes.
    public static func escapeAttribute(_ value: String) -> String {
        var text = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": text += "&amp;"
            case "<": text += "&lt;"
            case ">": text += "&gt;"
            case "\"": text += "&quot;"
            case "\n": text += "&#10;"
            case "\r": text += "&#13;"
            case "\t": text += "&#9;"
            default: text.unicodeScalars.append(scalar)
            }
        }
        return text
    }

    /// Whether XML 1.0 can hold `value` at all: no control characters but tab and line ends, no U+FFFE/U+FFFF.
    public static func canHold(_ value: String) -> Bool {
        value.unicodeScalars.allSatisfy { scalar in
            switch scalar.value {
            case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
            default: false
            }
        }
    }
}
