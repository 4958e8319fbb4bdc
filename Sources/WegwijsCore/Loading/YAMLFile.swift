import Foundation

/// One YAML file read from disk into a ``YAMLDocument``, or the diagnostics that stopped it.
///
/// Invalid UTF-8, NUL characters and YAML syntax errors become diagnostics with the line and column of the
/// problem. A UTF-8 byte order mark is skipped; CRLF line ends are read as LF by libyaml.
struct YAMLFile {
    /// The path as shown to the user.
    let displayPath: String
    /// The root node, or nil for an empty file or one that could not be read.
    let root: YAMLNode?

    /// Reads `url`, reporting problems under `displayPath`.
    init(url: URL, displayPath: String, diagnostics: inout Diagnostics) {
        self.displayPath = displayPath
        if let problem = RegularFile.problem(at: url) {
            diagnostics.error("unreadable-file", at: .start(of: displayPath), problem)
            root = nil
            return
        }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            diagnostics.error(
                "unreadable-file", at: .start(of: displayPath), "cannot read the file: \(Self.reason(for: error))")
            root = nil
            return
        }
        root = Self.read(data, displayPath: displayPath, diagnostics: &diagnostics)
    }

    /// Reads YAML from bytes (also used by tests and the fuzzer).
    static func read(_ data: Data, displayPath: String, diagnostics: inout Diagnostics) -> YAMLNode? {
        let bytes = data.starts(with: [0xEF, 0xBB, 0xBF]) ? data.dropFirst(3) : data
        guard let text = String(validating: bytes, as: UTF8.self) else {
            diagnostics.error(
                "invalid-utf8", at: firstInvalidUTF8(in: bytes, file: displayPath),
                "the file is not valid UTF-8", notes: ["Save it as UTF-8 (most editors offer this under 'Encoding')."])
            return nil
        }
        if let nul = text.utf8.firstIndex(of: 0) {
            let location = location(of: nul, in: text, file: displayPath)
            diagnostics.error("invalid-character", at: location, "the file contains a NUL character")
            return nil
        }
        let (document, problems) = YAMLEventReader.read(text)
        diagnostics.append(contentsOf: problems.map { diagnostic(for: $0, in: text, file: displayPath) })
        return document?.root
    }

    /// Our diagnostic for a problem the event reader met: its position and libyaml's problem, never raw text.
    static func diagnostic(for problem: YAMLEventReader.Problem, in yaml: String, file: String) -> Diagnostic {
        switch problem {
        case .syntax(let problem, let line, let column, let context):
            let location = SourceLocation(file: file, line: max(1, line), column: max(1, column))
            var notes: [String] = []
            if let context, context.line != line || context.column != column {
                notes.append("\(context.text) at line \(context.line), column \(context.column)")
            }
            // By scalars (TextLines): in a CRLF file "\r\n" is one Character and splitting at "\n" finds no line.
            let source = TextLines.of(yaml).dropFirst(max(0, line - 1)).first
            if problem.contains("tab") || source?.prefix(while: { $0 == " " || $0 == "\t" }).contains("\t") == true {
                notes.append("YAML indents with spaces only; replace the tab with spaces.")
            }
            if problem.hasPrefix("Maximum nesting level reached") {
                return Diagnostic(
                    .error, "yaml-nesting", at: location, "the YAML is nested more than 1000 levels deep",
                    notes: ["Content needs a few levels; look for runaway brackets or indentation."])
            }
            return Diagnostic(.error, "yaml-syntax", at: location, "YAML syntax error: \(problem)", notes: notes)
        case .duplicateKey(let key, let at, let first):
            return Diagnostic(
                .error, "duplicate-key", at: at.location(in: file), "duplicate key '\(key)' in this mapping",
                notes: [
                    "'\(key)' is first at line \(first.line + 1), column \(first.column + 1).",
                    "Each key may appear once; merge the two entries.",
                ])
        case .aliasExcess(let excess):
            return Diagnostic(
                .error, "alias-expansion", at: SourceLocation(file: file, line: excess.line, column: excess.column),
                "the alias '*\(TerminalText.safe(excess.anchor))' makes the file expand to more than \(YAMLAliasBudget.limit) YAML nodes",
                notes: ["Aliases that repeat aliases grow exponentially; write the values out, or use fewer aliases."])
        case .unreadable(let problem, let offset):
            let index = yaml.utf8.index(yaml.utf8.startIndex, offsetBy: offset, limitedBy: yaml.utf8.endIndex)
            let location = index.map { Self.location(of: $0, in: yaml, file: file) } ?? .start(of: file)
            return Diagnostic(.error, "yaml-syntax", at: location, "cannot read the YAML: \(problem)")
        case .memory:
            return Diagnostic(.error, "yaml-syntax", at: .start(of: file), "cannot parse the YAML")
        }
    }

    /// The line and column (in Unicode scalars) of a position in `text`.
    static func location(of index: String.Index, in text: String, file: String) -> SourceLocation {
        var line = 1, column = 1
        for scalar in text.unicodeScalars[..<index] {
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return SourceLocation(file: file, line: line, column: column)
    }

    /// Where the first byte that breaks UTF-8 is, counting the valid scalars before it as columns.
    static func firstInvalidUTF8(in bytes: Data, file: String) -> SourceLocation {
        var line = 1, column = 1
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
            case .emptyInput, .error:
                break loop
            }
        }
        return SourceLocation(file: file, line: line, column: column)
    }

    static func reason(for error: Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError,
            underlying.domain == NSPOSIXErrorDomain, let code = POSIXErrorCode(rawValue: Int32(underlying.code))
        {
            return String(cString: strerror(code.rawValue))
        }
        if nsError.domain == NSCocoaErrorDomain, nsError.code == NSFileReadNoPermissionError { return "permission denied" }
        if nsError.domain == NSCocoaErrorDomain, nsError.code == NSFileReadNoSuchFileError { return "no such file" }
        return "read error"
    }
}
