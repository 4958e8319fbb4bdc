import Foundation

/// Reads a gettext PO file, reporting every problem with its line.
///
/// Understood: the header entry (its `Content-Type` charset must be UTF-8), `msgctxt`, `msgid`, `msgstr`,
/// strings continued on following lines, C escapes, `#,` flags, `#|` previous strings, `#.`, `#:` and
/// translator comments, a UTF-8 byte order mark and CRLF line ends. Obsolete entries (`#~`) are skipped.
/// Plural entries (`msgid_plural`, `msgstr[n]`) are read, reported as unsupported and left out.
public struct POReader {
    /// The file as shown in diagnostics.
    let file: String
    var diagnostics = Diagnostics()
    /// Errors reported so far; reading stops at ``maximumErrors``.
    var errorCount = 0
    /// Whether reading stopped early because of too many errors.
    var gaveUp: Bool { errorCount >= Self.maximumErrors }

    /// How many errors one file may have before reading stops, like msgfmt's "too many errors, aborting":
    /// a 50 MB file that is not a PO file, or one broken the same way on every line, must give a readable
    /// report and finish quickly, not a million lines that all say the same.
    public static let maximumErrors = 1000

    /// Reads `data`; the catalogue is nil when the file has errors (all of them are in the diagnostics).
    public static func read(_ data: Data, file: String) -> (catalog: POCatalog?, diagnostics: Diagnostics) {
        var reader = POReader(file: file)
        let catalog = reader.read(data)
        return (reader.diagnostics.hasErrors ? nil : catalog, reader.diagnostics)
    }

    /// Which string a continuation line adds to.
    enum Field { case context, id, pluralID, translation, pluralTranslation, previousContext, previousID, previousPluralID }

    /// The entry being read, and where its parts were.
    struct Pending {
        var entry = POEntry(id: "", translation: "")
        var hasID = false
        var hasTranslation = false
        var isPlural = false
        var hasContent = false
        var field: Field?
        var headerComments: [String] = []
    }

    mutating func read(_ data: Data) -> POCatalog? {
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let line = Self.lineOfFirstInvalidByte(in: bytes)
            error(line: line, column: 1, "the file is not valid UTF-8; Wegwijs reads PO files in UTF-8 only")
            return nil
        }
        var entries: [POEntry] = []
        var header: POEntry?
        var headerComments: [String] = []
        var pending = Pending()
        var seen: [String: Int] = [:]

        func finish(_ pending: inout Pending) {
            defer { pending = Pending() }
            guard pending.hasContent else { return }
            guard pending.hasID else {
                if pending.hasTranslation || pending.entry.context != nil {
                    error(line: pending.entry.line, column: 1, "an entry without 'msgid'")
                }
                return
            }
            guard pending.hasTranslation else {
                error(line: pending.entry.line, column: 1, "'msgid' without 'msgstr'")
                return
            }
            if pending.isPlural {
                diagnostics.warning(
                    "po-plural", at: location(pending.entry.line, 1),
                    "plural entries (msgid_plural) are not supported: left out")
                return
            }
            if pending.entry.isHeader && header == nil && entries.isEmpty {
                header = pending.entry
                headerComments = pending.headerComments
                return
            }
            let key = (pending.entry.context ?? "") + "\u{4}" + pending.entry.id
            if let first = seen[key] {
                error(line: pending.entry.line, column: 1, "duplicate entry: the same msgctxt and msgid are at line \(first)")
                return
            }
            seen[key] = pending.entry.line
            entries.append(pending.entry)
        }

        let lines = TextLines.of(text)
        for (offset, line) in lines.enumerated() {
            if gaveUp { break }
            let number = offset + 1
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if trimmed.isEmpty || trimmed.hasPrefix("#~") {
                continue
            }
            if trimmed.hasPrefix("#") {
                // A comment after a complete entry starts the next one.
                if pending.hasTranslation { finish(&pending) }
                readComment(trimmed, line: number, into: &pending)
                continue
            }
            if trimmed.hasPrefix("\"") {
                guard let field = pending.field else {
                    error(line: number, column: 1, "a string that continues no keyword")
                    continue
                }
                guard let value = string(trimmed, line: number, column: 1 + line.count - trimmed.count) else { continue }
                append(value, to: field, of: &pending)
                continue
            }
            let keyword = String(trimmed.prefix { $0 != " " && $0 != "\t" && $0 != "\"" })
            let rest = trimmed.dropFirst(keyword.count)
            let column = 1 + line.count - rest.count
            switch keyword {
            case "msgctxt", "msgid":
                if pending.hasTranslation || (keyword == "msgctxt" && pending.hasID) { finish(&pending) }
                if pending.hasID {
                    error(line: number, column: 1, "'msgid' twice in one entry")
                    continue
                }
                if pending.entry.context == nil { pending.entry.line = number }
                pending.hasContent = true
                // A broken string still counts as the keyword's, so the lines after it report nothing more.
                let value = string(rest, line: number, column: column) ?? ""
                if keyword == "msgctxt" {
                    if pending.entry.context != nil { error(line: number, column: 1, "'msgctxt' twice in one entry") }
                    pending.entry.context = value
                    pending.field = .context
                } else {
                    pending.entry.id = value
                    pending.hasID = true
                    pending.field = .id
                }
            case "msgid_plural":
                guard pending.hasID, !pending.hasTranslation else {
                    error(line: number, column: 1, "'msgid_plural' must follow 'msgid'")
                    continue
                }
                pending.isPlural = true
                pending.entry.pluralID = string(rest, line: number, column: column)
                pending.field = .pluralID
            case "msgstr":
                guard pending.hasID else {
                    error(line: number, column: 1, "'msgstr' without 'msgid'")
                    continue
                }
                if pending.hasTranslation { error(line: number, column: 1, "'msgstr' twice in one entry") }
                if pending.isPlural { error(line: number, column: 1, "a plural entry needs 'msgstr[0]', not 'msgstr'") }
                pending.hasTranslation = true
                pending.entry.translation = string(rest, line: number, column: column) ?? ""
                pending.field = .translation
            default:
                if keyword.hasPrefix("msgstr["), keyword.hasSuffix("]"), Int(keyword.dropFirst(7).dropLast()) != nil {
                    guard pending.hasID else {
                        error(line: number, column: 1, "'\(keyword)' without 'msgid'")
                        continue
                    }
                    if !pending.isPlural { error(line: number, column: 1, "'\(keyword)' without 'msgid_plural'") }
                    pending.hasTranslation = true
                    _ = string(rest, line: number, column: column)
                    pending.field = .pluralTranslation
                } else {
                    error(line: number, column: 1, "unexpected '\(keyword.prefix(30))': expected msgctxt, msgid, msgstr, a string or a comment")
                }
            }
        }
        if !gaveUp { finish(&pending) }
        guard let header else {
            if !diagnostics.hasErrors {
                error(line: 1, column: 1, "the file has no header entry (msgid \"\"), so its language and charset are unknown")
            }
            return nil
        }
        let fields = readHeader(header)
        return POCatalog(header: fields, headerComments: headerComments, entries: entries)
    }

    // MARK: - Parts

    mutating func readComment(_ line: Substring, line number: Int, into pending: inout Pending) {
        if !pending.hasContent { pending.entry.line = number }
        pending.hasContent = true
        let marker = line.dropFirst().first
        let body = { (text: Substring) -> String in
            String(text.hasPrefix(" ") ? text.dropFirst() : text)
        }
        switch marker {
        case ".": pending.entry.extractedComments.append(body(line.dropFirst(2)))
        case ":": pending.entry.references.append(body(line.dropFirst(2)))
        case ",":
            pending.entry.flags += line.dropFirst(2).split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
                !$0.isEmpty
            }
        case "|":
            let rest = line.dropFirst(2).drop { $0 == " " || $0 == "\t" }
            let column = 1 + line.count - rest.count
            if rest.hasPrefix("\"") {
                guard let field = pending.field, let value = string(rest, line: number, column: column) else {
                    if pending.field == nil { error(line: number, column: 1, "a '#|' string that continues no keyword") }
                    return
                }
                append(value, to: field, of: &pending)
                return
            }
            let keyword = rest.prefix { $0 != " " && $0 != "\"" }
            let value = string(rest.dropFirst(keyword.count), line: number, column: column + keyword.count)
            switch keyword {
            case "msgid":
                pending.entry.previousID = value ?? ""
                pending.field = .previousID
            case "msgctxt": pending.field = .previousContext
            case "msgid_plural": pending.field = .previousPluralID
            default: error(line: number, column: column, "unexpected '\(keyword.prefix(30))' after '#|'")
            }
        default:
            let comment = body(line.dropFirst())
            pending.entry.translatorComments.append(comment)
            if !pending.hasID { pending.headerComments.append(comment) }
        }
    }

    mutating func append(_ value: String, to field: Field, of pending: inout Pending) {
        switch field {
        case .context: pending.entry.context = (pending.entry.context ?? "") + value
        case .id: pending.entry.id += value
        case .pluralID: pending.entry.pluralID = (pending.entry.pluralID ?? "") + value
        case .translation: pending.entry.translation += value
        case .previousID: pending.entry.previousID = (pending.entry.previousID ?? "") + value
        case .pluralTranslation, .previousContext, .previousPluralID: break
        }
    }

    /// The quoted string in `text`, which must be all that is left on the line.
    mutating func string(_ text: Substring, line: Int, column: Int) -> String? {
        do throws(CString.Problem) {
            let (value, rest) = try CString.unquote(text)
            let trailing = rest.drop { $0 == " " || $0 == "\t" }
            guard trailing.isEmpty else {
                error(line: line, column: column + text.count - trailing.count, "unexpected text after the string")
                return nil
            }
            return value
        } catch {
            self.error(line: line, column: column + error.offset, error.message)
            return nil
        }
    }

    /// The header's `Name: value` lines; a charset other than UTF-8 is an error.
    mutating func readHeader(_ header: POEntry) -> [(name: String, value: String)] {
        var fields: [(name: String, value: String)] = []
        // Split on scalars: "\r\n" is one Character and would not split at "\n" (a fuzzer found a header
        // whose "Last-Translator: \r\n" swallowed the next field when written back and read again).
        for scalars in header.translation.unicodeScalars.split(separator: "\n") {
            let line = Substring(scalars)
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields.append((line[..<colon].trimmingCharacters(in: .whitespaces), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
        }
        if let contentType = fields.first(where: { $0.name.lowercased() == "content-type" })?.value,
            let range = contentType.range(of: "charset=", options: .caseInsensitive)
        {
            let charset = contentType[range.upperBound...].prefix { $0 != ";" && $0 != " " }
            if !["utf-8", "utf8"].contains(charset.lowercased()) {
                error(
                    line: header.line, column: 1,
                    "the file's charset is '\(charset)': Wegwijs reads PO files in UTF-8 only",
                    notes: ["Save the file as UTF-8 (Poedit: Catalog > Properties) and set 'Content-Type: text/plain; charset=UTF-8'."])
            }
        }
        return fields
    }

    // MARK: - Diagnostics

    func location(_ line: Int, _ column: Int) -> SourceLocation {
        SourceLocation(file: file, line: max(1, line), column: max(1, column))
    }

    mutating func error(line: Int, column: Int, _ summary: String, notes: [String] = []) {
        guard !gaveUp else { return }
        errorCount += 1
        diagnostics.error("po-syntax", at: location(line, column), summary, notes: notes)
        if gaveUp {
            diagnostics.error(
                "po-too-many-errors", at: location(line, column),
                "too many errors (\(Self.maximumErrors)): stopped reading the file here",
                notes: ["Is this a PO file? Check it with 'msgfmt -c -o /dev/null FILE'."])
        }
    }

    static func lineOfFirstInvalidByte(in bytes: Data) -> Int {
        var line = 1
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while case .scalarValue(let scalar) = decoder.decode(&iterator) {
            if scalar == "\n" { line += 1 }
        }
        return line
    }
}
