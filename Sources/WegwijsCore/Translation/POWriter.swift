/// Writes a ``POCatalog`` as gettext writes PO files with `--no-wrap`: a string that holds line breaks is
/// split after each `\n` (starting with `""`), lines are never wrapped at a width, so `msgcat --no-wrap`
/// leaves the file as it is.
public enum POWriter {
    /// The PO file's text.
    public static func text(of catalog: POCatalog) -> String {
        var lines: [String] = catalog.headerComments.map { $0.isEmpty ? "#" : "# \($0)" }
        lines += keyword("msgid", "")
        lines += keyword("msgstr", catalog.header.map { "\($0.name): \($0.value)\n" }.joined())
        for entry in catalog.entries {
            lines.append("")
            lines += entry.translatorComments.map { $0.isEmpty ? "#" : "# \($0)" }
            lines += entry.extractedComments.map { $0.isEmpty ? "#." : "#. \($0)" }
            lines += entry.references.map { "#: \($0)" }
            if !entry.flags.isEmpty { lines.append("#, " + entry.flags.joined(separator: ", ")) }
            if let previous = entry.previousID { lines += keyword("msgid", previous, prefix: "#| ") }
            if let context = entry.context { lines += keyword("msgctxt", context) }
            lines += keyword("msgid", entry.id)
            lines += keyword("msgstr", entry.translation)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `keyword "value"`, or `keyword ""` followed by one quoted line per line of the value.
    static func keyword(_ keyword: String, _ value: String, prefix: String = "") -> [String] {
        let parts = lines(of: value)
        guard parts.count > 1 else { return ["\(prefix)\(keyword) \(CString.quote(value))"] }
        return ["\(prefix)\(keyword) \"\""] + parts.map { "\(prefix)\(CString.quote($0))" }
    }

    /// The value split after each line break; a final line break does not start another part.
    static func lines(of value: String) -> [String] {
        var parts: [String] = []
        var current = ""
        for scalar in value.unicodeScalars {
            current.unicodeScalars.append(scalar)
            if scalar == "\n" {
                parts.append(current)
                current = ""
            }
        }
        if !current.isEmpty || parts.isEmpty { parts.append(current) }
        return parts
    }
}
