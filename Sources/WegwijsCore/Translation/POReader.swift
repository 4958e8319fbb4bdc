import Foundation

/// Reads a gettext PO file, reporting every problem with its line.
///
/// Understood: the header entry (its `Content-Type` charset must be UTF-8), `msgctxt`, `msgid`, `msgstr`,
/// strings continued on following lines, C escapes, `#,` flags, `#|` previous strings, `#.`, `#:` and
/// translator comments, a UTF-8 byte order mark and CRLF line ends. Obsolete entries (`#~`) are skipped.
/// Plural entries (`msgid_plural`, `msgstr[n]`) are read, reported as unsupported and left out.
///
/// Three parts, one after the other: ``POLineScanner`` tells what each line is (and reads its string),
/// ``POEntryAssembler`` puts the lines together into entries (with the checks of an entry's parts and the
/// duplicate check), ``POHeaderParser`` reads the header entry's fields and charset. The reader decodes the file,
/// runs them, and keeps the count of errors (``POProblems``).
public struct POReader {
    /// How many errors one file may have before reading stops, like msgfmt's "too many errors, aborting":
    /// a 50 MB file that is not a PO file, or one broken the same way on every line, must give a readable
    /// report and finish quickly, not a million lines that all say the same.
    public static let maximumErrors = 1000

    /// Reads `data`; the catalogue is nil when the file has errors (all of them are in the diagnostics).
    public static func read(_ data: Data, file: String) -> (catalog: POCatalog?, diagnostics: Diagnostics) {
        var problems = POProblems(file: file)
        let catalog = read(data, problems: &problems)
        return (problems.diagnostics.hasErrors ? nil : catalog, problems.diagnostics)
    }

    static func read(_ data: Data, problems: inout POProblems) -> POCatalog? {
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            problems.error(line: lineOfFirstInvalidByte(in: bytes), column: 1, "the file is not valid UTF-8; Wegwijs reads PO files in UTF-8 only")
            return nil
        }
        var assembler = POEntryAssembler()
        for (offset, line) in TextLines.of(text).enumerated() {
            if problems.gaveUp { break }
            guard let scanned = POLineScanner.scan(line, number: offset + 1, problems: &problems) else { continue }
            assembler.take(scanned, problems: &problems)
        }
        if !problems.gaveUp { assembler.finish(problems: &problems) }
        guard let header = assembler.header else {
            if !problems.diagnostics.hasErrors {
                problems.error(line: 1, column: 1, "the file has no header entry (msgid \"\"), so its language and charset are unknown")
            }
            return nil
        }
        let fields = POHeaderParser.fields(of: header, problems: &problems)
        return POCatalog(header: fields, headerComments: assembler.headerComments, entries: assembler.entries)
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

/// The problems of one PO file, and when to stop reading it.
struct POProblems {
    /// The file as shown in diagnostics.
    let file: String
    var diagnostics = Diagnostics()
    /// Errors reported so far; reading stops at ``POReader/maximumErrors``.
    var errorCount = 0
    /// Whether reading stopped early because of too many errors.
    var gaveUp: Bool { errorCount >= POReader.maximumErrors }

    init(file: String) {
        self.file = file
    }

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
                "too many errors (\(POReader.maximumErrors)): stopped reading the file here",
                notes: ["Is this a PO file? Check it with 'msgfmt -c -o /dev/null FILE'."])
        }
    }

    mutating func warning(_ id: String, line: Int, _ summary: String) {
        diagnostics.warning(id, at: location(line, 1), summary)
    }
}

/// What one line of a PO file is: the first step of reading.
enum POLine {
    /// A comment (`#`, `#.`, `#:`, `#,`, `#|`), the text after the `#`.
    case comment(Substring, line: Int)
    /// A quoted string that continues the keyword before it, from its column.
    case continuation(Substring, column: Int, line: Int)
    /// A keyword (`msgctxt`, `msgid`, `msgid_plural`, `msgstr`, `msgstr[n]`) and the rest of its line (its
    /// quoted string), from that rest's column. Strings are read once the entry can take them, so a line
    /// that is wrong as a whole is reported once.
    case keyword(String, rest: Substring, column: Int, line: Int)
}

/// Tells what each line of a PO file is, reading its quoted string.
enum POLineScanner {
    /// The line `line` (number `number`); nil for a blank line, an obsolete entry's line, or one that is
    /// not PO (reported).
    static func scan(_ line: Substring, number: Int, problems: inout POProblems) -> POLine? {
        let trimmed = line.drop { $0 == " " || $0 == "\t" }
        if trimmed.isEmpty || trimmed.hasPrefix("#~") { return nil }
        if trimmed.hasPrefix("#") { return .comment(trimmed, line: number) }
        if trimmed.hasPrefix("\"") { return .continuation(trimmed, column: 1 + line.count - trimmed.count, line: number) }
        let keyword = String(trimmed.prefix { $0 != " " && $0 != "\t" && $0 != "\"" })
        let rest = trimmed.dropFirst(keyword.count)
        let column = 1 + line.count - rest.count
        let isPluralTranslation = keyword.hasPrefix("msgstr[") && keyword.hasSuffix("]") && Int(keyword.dropFirst(7).dropLast()) != nil
        guard ["msgctxt", "msgid", "msgid_plural", "msgstr"].contains(keyword) || isPluralTranslation else {
            problems.error(line: number, column: 1, "unexpected '\(keyword.prefix(30))': expected msgctxt, msgid, msgstr, a string or a comment")
            return nil
        }
        return .keyword(keyword, rest: rest, column: column, line: number)
    }

    /// The quoted string in `text`, which must be all that is left on the line.
    static func string(_ text: Substring, line: Int, column: Int, problems: inout POProblems) -> String? {
        do throws(CString.Problem) {
            let (value, rest) = try CString.unquote(text)
            let trailing = rest.drop { $0 == " " || $0 == "\t" }
            guard trailing.isEmpty else {
                problems.error(line: line, column: column + text.count - trailing.count, "unexpected text after the string")
                return nil
            }
            return value
        } catch {
            problems.error(line: line, column: column + error.offset, error.message)
            return nil
        }
    }
}

/// Puts the lines of a PO file together into entries: checks an entry's parts (one `msgid`, a `msgstr`,
/// plural forms), keeps the header entry apart, and refuses a second entry with the same `msgctxt` and `msgid`.
struct POEntryAssembler {
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

    private(set) var entries: [POEntry] = []
    private(set) var header: POEntry?
    private(set) var headerComments: [String] = []
    private var pending = Pending()
    private var seen: [String: Int] = [:]

    mutating func take(_ line: POLine, problems: inout POProblems) {
        switch line {
        case .comment(let text, let number):
            // A comment after a complete entry starts the next one.
            if pending.hasTranslation { finish(problems: &problems) }
            comment(text, line: number, problems: &problems)
        case .continuation(let text, let column, let number):
            guard let field = pending.field else {
                problems.error(line: number, column: 1, "a string that continues no keyword")
                return
            }
            if let value = POLineScanner.string(text, line: number, column: column, problems: &problems) { append(value, to: field) }
        case .keyword(let keyword, let rest, let column, let number):
            self.keyword(keyword, rest: rest, column: column, line: number, problems: &problems)
        }
    }

    mutating func keyword(_ keyword: String, rest: Substring, column: Int, line number: Int, problems: inout POProblems) {
        func readString() -> String? { POLineScanner.string(rest, line: number, column: column, problems: &problems) }
        switch keyword {
        case "msgctxt", "msgid":
            if pending.hasTranslation || (keyword == "msgctxt" && pending.hasID) { finish(problems: &problems) }
            if pending.hasID {
                problems.error(line: number, column: 1, "'msgid' twice in one entry")
                return
            }
            if pending.entry.context == nil { pending.entry.line = number }
            pending.hasContent = true
            // A broken string still counts as the keyword's, so the lines after it report nothing more.
            let value = readString() ?? ""
            if keyword == "msgctxt" {
                if pending.entry.context != nil { problems.error(line: number, column: 1, "'msgctxt' twice in one entry") }
                pending.entry.context = value
                pending.field = .context
            } else {
                pending.entry.id = value
                pending.hasID = true
                pending.field = .id
            }
        case "msgid_plural":
            guard pending.hasID, !pending.hasTranslation else {
                problems.error(line: number, column: 1, "'msgid_plural' must follow 'msgid'")
                return
            }
            pending.isPlural = true
            pending.entry.pluralID = readString()
            pending.field = .pluralID
        case "msgstr":
            guard pending.hasID else {
                problems.error(line: number, column: 1, "'msgstr' without 'msgid'")
                return
            }
            if pending.hasTranslation { problems.error(line: number, column: 1, "'msgstr' twice in one entry") }
            if pending.isPlural { problems.error(line: number, column: 1, "a plural entry needs 'msgstr[0]', not 'msgstr'") }
            pending.hasTranslation = true
            pending.entry.translation = readString() ?? ""
            pending.field = .translation
        default:
            // msgstr[n]
            guard pending.hasID else {
                problems.error(line: number, column: 1, "'\(keyword)' without 'msgid'")
                return
            }
            if !pending.isPlural { problems.error(line: number, column: 1, "'\(keyword)' without 'msgid_plural'") }
            pending.hasTranslation = true
            _ = readString()
            pending.field = .pluralTranslation
        }
    }

    /// Ends the entry being read: checks it and keeps it (as the header when it is the first and has no msgid).
    mutating func finish(problems: inout POProblems) {
        defer { pending = Pending() }
        guard pending.hasContent else { return }
        guard pending.hasID else {
            if pending.hasTranslation || pending.entry.context != nil {
                problems.error(line: pending.entry.line, column: 1, "an entry without 'msgid'")
            }
            return
        }
        guard pending.hasTranslation else {
            problems.error(line: pending.entry.line, column: 1, "'msgid' without 'msgstr'")
            return
        }
        if pending.isPlural {
            problems.warning("po-plural", line: pending.entry.line, "plural entries (msgid_plural) are not supported: left out")
            return
        }
        if pending.entry.isHeader && header == nil && entries.isEmpty {
            header = pending.entry
            headerComments = pending.headerComments
            return
        }
        let key = (pending.entry.context ?? "") + "\u{4}" + pending.entry.id
        if let first = seen[key] {
            problems.error(line: pending.entry.line, column: 1, "duplicate entry: the same msgctxt and msgid are at line \(first)")
            return
        }
        seen[key] = pending.entry.line
        entries.append(pending.entry)
    }

    mutating func comment(_ line: Substring, line number: Int, problems: inout POProblems) {
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
        case "|": previous(line, line: number, problems: &problems)
        default:
            let comment = body(line.dropFirst())
            pending.entry.translatorComments.append(comment)
            if !pending.hasID { pending.headerComments.append(comment) }
        }
    }

    /// A `#|` line: a previous `msgctxt`, `msgid` or `msgid_plural`, or a string continuing one.
    mutating func previous(_ line: Substring, line number: Int, problems: inout POProblems) {
        let rest = line.dropFirst(2).drop { $0 == " " || $0 == "\t" }
        let column = 1 + line.count - rest.count
        if rest.hasPrefix("\"") {
            guard let field = pending.field, let value = POLineScanner.string(rest, line: number, column: column, problems: &problems) else {
                if pending.field == nil { problems.error(line: number, column: 1, "a '#|' string that continues no keyword") }
                return
            }
            append(value, to: field)
            return
        }
        let keyword = rest.prefix { $0 != " " && $0 != "\"" }
        let value = POLineScanner.string(rest.dropFirst(keyword.count), line: number, column: column + keyword.count, problems: &problems)
        switch keyword {
        case "msgid":
            pending.entry.previousID = value ?? ""
            pending.field = .previousID
        case "msgctxt": pending.field = .previousContext
        case "msgid_plural": pending.field = .previousPluralID
        default: problems.error(line: number, column: column, "unexpected '\(keyword.prefix(30))' after '#|'")
        }
    }

    mutating func append(_ value: String, to field: Field) {
        switch field {
        case .context: pending.entry.context = (pending.entry.context ?? "") + value
        case .id: pending.entry.id += value
        case .pluralID: pending.entry.pluralID = (pending.entry.pluralID ?? "") + value
        case .translation: pending.entry.translation += value
        case .previousID: pending.entry.previousID = (pending.entry.previousID ?? "") + value
        case .pluralTranslation, .previousContext, .previousPluralID: break
        }
    }
}

/// Reads the header entry's `Name: value` lines; a charset other than UTF-8 is an error.
enum POHeaderParser {
    static func fields(of header: POEntry, problems: inout POProblems) -> [(name: String, value: String)] {
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
                problems.error(
                    line: header.line, column: 1,
                    "the file's charset is '\(charset)': Wegwijs reads PO files in UTF-8 only",
                    notes: ["Save the file as UTF-8 (Poedit: Catalog > Properties) and set 'Content-Type: text/plain; charset=UTF-8'."])
            }
        }
        return fields
    }
}
