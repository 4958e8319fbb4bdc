/// Compiles a template's source into ``Node``s: delimiters resolved, standalone lines removed, names split.
///
/// The source is read as Unicode scalars so that columns count them. Sections nest at most
/// ``TemplateParser/maximumNesting`` deep; a delimiter is 1 to ``TemplateParser/maximumDelimiterLength``
/// scalars, which keeps looking for it linear in practice.
struct TemplateParser {
    /// How deep sections may nest in one template.
    static let maximumNesting = 100
    /// How long a delimiter set by `{{=… …=}}` may be, in Unicode scalars.
    static let maximumDelimiterLength = 16

    /// A section opened and not yet closed, with the nodes gathered inside it so far.
    private struct OpenSection {
        let name: Name
        let written: String
        let isInverted: Bool
        let tag: Tag
        var nodes: [Node] = []
    }

    /// What a tag is, by its sigil.
    fileprivate enum TagKind {
        case variable(isEscaped: Bool)
        case section(isInverted: Bool)
        case close
        case partial
        case comment
        case setDelimiters
    }

    private let scalars: [Unicode.Scalar]
    /// The index of the first scalar of each line.
    private let lineStarts: [Int]
    private var openDelimiter: [Unicode.Scalar] = ["{", "{"]
    private var closeDelimiter: [Unicode.Scalar] = ["}", "}"]
    private var nodes: [Node] = []
    private var sections: [OpenSection] = []

    /// A parser of `source`.
    init(_ source: String) {
        scalars = Array(source.unicodeScalars)
        var starts = [0]
        for (index, scalar) in scalars.enumerated() where scalar == "\n" { starts.append(index + 1) }
        lineStarts = starts
    }

    /// The compiled template.
    mutating func parse() throws(TemplateSyntaxError) -> [Node] {
        let count = scalars.count
        var index = 0
        var textStart = 0
        var lineStart = 0
        var lineHasTag = false
        while index < count {
            if scalars[index] == "\n" {
                index += 1
                lineStart = index
                lineHasTag = false
                continue
            }
            guard matches(openDelimiter, at: index) else {
                index += 1
                continue
            }
            let tagStart = index
            let (kind, content, tagEnd) = try readTag(at: tagStart)
            var end = tagEnd
            var isStandalone = false
            if kind.canStandAlone, !lineHasTag, isBlank(lineStart..<tagStart), let lineEnd = endOfLine(after: tagEnd) {
                isStandalone = true
                end = lineEnd
            }
            appendText(textStart..<(isStandalone ? lineStart : tagStart))
            if !isStandalone, isLineStart(tagStart) { append(.indentation) }
            let indentation = isStandalone ? string(lineStart..<tagStart) : ""
            try apply(kind, content: content, at: tagStart, indentation: indentation)
            index = end
            textStart = end
            if isStandalone {
                lineStart = end
                lineHasTag = false
            } else {
                lineHasTag = true
            }
        }
        appendText(textStart..<count)
        if let open = sections.last {
            throw TemplateSyntaxError(
                line: open.tag.line, column: open.tag.column,
                message: "the section '\(open.written)' is opened but never closed")
        }
        return nodes
    }

    // MARK: - Tags

    /// Reads the tag whose opening delimiter is at `start`: its kind, its trimmed content, and the index
    /// just after its closing delimiter.
    private func readTag(at start: Int) throws(TemplateSyntaxError) -> (TagKind, String, Int) {
        let sigilIndex = start + openDelimiter.count
        let sigil = sigilIndex < scalars.count ? scalars[sigilIndex] : nil
        let kind: TagKind
        var closing = closeDelimiter
        var contentStart = sigilIndex + 1
        switch sigil {
        case "{":
            kind = .variable(isEscaped: false)
            closing = ["}"] + closeDelimiter
        case "&": kind = .variable(isEscaped: false)
        case "#": kind = .section(isInverted: false)
        case "^": kind = .section(isInverted: true)
        case "/": kind = .close
        case ">": kind = .partial
        case "!": kind = .comment
        case "=":
            kind = .setDelimiters
            closing = ["="] + closeDelimiter
        default:
            kind = .variable(isEscaped: true)
            contentStart = sigilIndex
        }
        guard let contentEnd = find(closing, from: min(contentStart, scalars.count)) else {
            throw error(at: start, "a tag is not closed with '\(String(String.UnicodeScalarView(closing)))'")
        }
        let content = string(contentStart..<contentEnd).trimmingWhitespace()
        return (kind, content, contentEnd + closing.count)
    }

    /// Adds what the tag of `kind` with `content` at `start` means.
    private mutating func apply(
        _ kind: TagKind, content: String, at start: Int, indentation: String
    ) throws(TemplateSyntaxError) {
        switch kind {
        case .comment:
            return
        case .setDelimiters:
            try setDelimiters(content, at: start)
        case .variable(let isEscaped):
            try requireName(content, at: start)
            let sigil = scalars[start + openDelimiter.count]
            let shown = isEscaped ? "{{\(content)}}" : sigil == "&" ? "{{&\(content)}}" : "{{{\(content)}}}"
            append(.variable(Name(content), isEscaped: isEscaped, tag(at: start, shown: shown)))
        case .partial:
            try requireName(content, at: start)
            append(.partial(content, indentation: indentation, tag(at: start, shown: "{{>\(content)}}")))
        case .section(let isInverted):
            try requireName(content, at: start)
            guard sections.count < Self.maximumNesting else {
                throw error(at: start, "sections are nested more than \(Self.maximumNesting) deep")
            }
            let shown = "{{\(isInverted ? "^" : "#")\(content)}}"
            sections.append(
                OpenSection(name: Name(content), written: content, isInverted: isInverted, tag: tag(at: start, shown: shown)))
        case .close:
            guard let open = sections.popLast() else {
                throw error(at: start, "'{{/\(content)}}' closes a section that is not open")
            }
            guard open.written == content else {
                throw error(
                    at: start,
                    "'{{/\(content)}}' closes '\(content)', but the open section is '\(open.written)' (close it with '{{/\(open.written)}}')"
                )
            }
            append(
                open.isInverted
                    ? .invertedSection(open.name, open.nodes, open.tag) : .section(open.name, open.nodes, open.tag))
        }
    }

    /// Changes the delimiters to the two written in `content` (`<% %>` for `{{=<% %>=}}`).
    private mutating func setDelimiters(_ content: String, at start: Int) throws(TemplateSyntaxError) {
        let parts = content.unicodeScalars.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
        guard parts.count == 2,
            parts.allSatisfy({ !$0.contains("=") && $0.count <= Self.maximumDelimiterLength })
        else {
            throw error(
                at: start,
                "invalid set-delimiter tag: write two delimiters of 1 to \(Self.maximumDelimiterLength) characters without spaces or '=', as in '{{=<% %>=}}'"
            )
        }
        openDelimiter = Array(parts[0])
        closeDelimiter = Array(parts[1])
    }

    /// Throws unless `content` names something.
    private func requireName(_ content: String, at start: Int) throws(TemplateSyntaxError) {
        if content.isEmpty { throw error(at: start, "a tag names nothing") }
    }

    // MARK: - Nodes

    /// Appends `node` to the innermost open section, or to the template.
    private mutating func append(_ node: Node) {
        if sections.isEmpty { nodes.append(node) } else { sections[sections.count - 1].nodes.append(node) }
    }

    /// Appends the source in `range` as text, after an indentation point when it starts a line.
    private mutating func appendText(_ range: Range<Int>) {
        guard !range.isEmpty else { return }
        if isLineStart(range.lowerBound) { append(.indentation) }
        append(.text(string(range)))
    }

    // MARK: - Scanning

    /// Whether `index` is the first scalar of a line of the source.
    private func isLineStart(_ index: Int) -> Bool {
        index < scalars.count && (index == 0 || scalars[index - 1] == "\n")
    }

    /// Whether the source in `range` is only spaces and tabs.
    private func isBlank(_ range: Range<Int>) -> Bool {
        range.allSatisfy { scalars[$0] == " " || scalars[$0] == "\t" }
    }

    /// The index after the line break that ends the line at `index` when only spaces and tabs come before
    /// it (or the end of the source); nil when something else does.
    private func endOfLine(after index: Int) -> Int? {
        var index = index
        while index < scalars.count, scalars[index] == " " || scalars[index] == "\t" { index += 1 }
        if index == scalars.count { return index }
        if scalars[index] == "\n" { return index + 1 }
        if scalars[index] == "\r", index + 1 < scalars.count, scalars[index + 1] == "\n" { return index + 2 }
        return nil
    }

    /// Whether `delimiter` is at `index`.
    private func matches(_ delimiter: [Unicode.Scalar], at index: Int) -> Bool {
        guard index + delimiter.count <= scalars.count else { return false }
        for offset in delimiter.indices where scalars[index + offset] != delimiter[offset] { return false }
        return true
    }

    /// The first index at or after `start` where `delimiter` is.
    private func find(_ delimiter: [Unicode.Scalar], from start: Int) -> Int? {
        var index = start
        while index + delimiter.count <= scalars.count {
            if matches(delimiter, at: index) { return index }
            index += 1
        }
        return nil
    }

    /// The source in `range`.
    private func string(_ range: Range<Int>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[range])
        return String(view)
    }

    // MARK: - Positions

    /// The tag at `index`, shown in messages as `shown`.
    private func tag(at index: Int, shown: String) -> Tag {
        let (line, column) = position(of: index)
        return Tag(line: line, column: column, shown: shown)
    }

    /// A syntax error at the tag at `index`.
    private func error(at index: Int, _ message: String) -> TemplateSyntaxError {
        let (line, column) = position(of: index)
        return TemplateSyntaxError(line: line, column: column, message: message)
    }

    /// The 1-based line and column (in scalars) of `index`.
    private func position(of index: Int) -> (line: Int, column: Int) {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= index { low = middle } else { high = middle - 1 }
        }
        return (low + 1, index - lineStarts[low] + 1)
    }
}


extension TemplateParser.TagKind {
    /// Whether a tag of this kind alone on its line takes the line with it (interpolations never do).
    fileprivate var canStandAlone: Bool {
        if case .variable = self { false } else { true }
    }
}

extension String {
    /// This string without spaces, tabs and line breaks at either end.
    fileprivate func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        let isWhitespace: (Unicode.Scalar) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = scalars.firstIndex(where: { !isWhitespace($0) }),
            let last = scalars.lastIndex(where: { !isWhitespace($0) })
        else { return "" }
        return String(scalars[first...last])
    }
}
