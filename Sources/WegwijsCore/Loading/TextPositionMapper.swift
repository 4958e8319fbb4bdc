/// Maps a position inside a text's string back to the YAML file it was written in.
///
/// cmark reports positions in the parsed string (line, and column in UTF-8 bytes). The string is what YAML
/// made of the source: indentation stripped from block scalars, lines folded in plain and quoted scalars,
/// escapes decoded in double-quoted ones. The mapper replays that for the scalar's style, checking every
/// character against the string, and answers nil where the replay and the string disagree.
public struct TextPositionMapper: Sendable {
    /// The lines of the YAML file, as Unicode scalars without line ends.
    let lines: [[Unicode.Scalar]]

    /// A mapper over the text of one YAML file.
    public init(fileText: String) {
        var lines: [[Unicode.Scalar]] = [[]]
        for scalar in fileText.unicodeScalars {
            if scalar == "\n" { lines.append([]) } else if scalar != "\r" { lines[lines.count - 1].append(scalar) }
        }
        self.lines = lines
    }

    /// Where in the file the character at (`line`, `utf8Column`) of `value` was written.
    public func location(
        line: Int, utf8Column: Int, in value: String, origin: TextOrigin
    ) -> SourceLocation? {
        guard let target = Self.scalarOffset(line: line, utf8Column: utf8Column, in: value) else { return nil }
        let expected = Array(value.unicodeScalars)
        var replay = Replay(expected: expected, target: target)
        switch origin.style {
        case .literal, .folded:
            replayBlock(origin: origin, replay: &replay)
        case .plain, .singleQuoted, .doubleQuoted:
            replayFlow(origin: origin, replay: &replay)
        }
        guard let found = replay.found else { return nil }
        return SourceLocation(file: origin.location.file, line: found.line + 1, column: found.column + 1)
    }

    /// The index, in Unicode scalars of the whole string, of a cmark position.
    static func scalarOffset(line: Int, utf8Column: Int, in value: String) -> Int? {
        var currentLine = 1, offset = 0, bytes = 0
        for scalar in value.unicodeScalars {
            if currentLine == line {
                if bytes >= utf8Column - 1 { return offset }
                if scalar == "\n" { return offset }
                bytes += String(scalar).utf8.count
            } else if scalar == "\n" {
                currentLine += 1
            }
            offset += 1
        }
        return currentLine == line ? offset : nil
    }

    /// Follows the characters of the string through the source, recording the source position of the target.
    struct Replay {
        let expected: [Unicode.Scalar]
        let target: Int
        var index = 0
        var found: (line: Int, column: Int)?
        var failed = false
        /// Just after the last character emitted: 0-based line, and the column after it.
        var end: (line: Int, column: Int)?

        var isDone: Bool { found != nil || failed || index >= expected.count }

        /// The string's next character is `scalar`, written at 0-based `line` and `column` of the file,
        /// over `width` characters of the file (an escape sequence is wider than one).
        mutating func emit(_ scalar: Unicode.Scalar, line: Int, column: Int, width: Int = 1) {
            guard !isDone else { return }
            guard expected[index] == scalar else { failed = true; return }
            if index == target { found = (line, column) }
            index += 1
            end = (line, column + width)
        }
    }

    // MARK: - Block scalars

    func replayBlock(origin: TextOrigin, replay: inout Replay) {
        let header = origin.location.line - 1
        var first = header + 1
        while first < lines.count, lines[first].allSatisfy({ $0 == " " }) { first += 1 }
        guard first < lines.count else { return }
        let indent = lines[first].prefix { $0 == " " }.count
        var lineIndex = header + 1
        let isFolded = origin.style == .folded
        while lineIndex < lines.count, !replay.isDone {
            let line = lines[lineIndex]
            let isBlank = line.allSatisfy { $0 == " " }
            if !isBlank, line.prefix(while: { $0 == " " }).count < indent { break }
            let content = isBlank ? [] : Array(line.dropFirst(indent))
            for (offset, scalar) in content.enumerated() {
                replay.emit(scalar, line: lineIndex, column: indent + offset)
            }
            let endColumn = indent + content.count
            if !isFolded || isBlank {
                replay.emit("\n", line: lineIndex, column: endColumn)
            } else {
                let next = lineIndex + 1 < lines.count ? lines[lineIndex + 1] : []
                let nextIsBlank = next.allSatisfy { $0 == " " }
                let isMoreIndented = content.first == " " || (!nextIsBlank && next.prefix { $0 == " " }.count > indent)
                // The last line of the scalar keeps its line break (clipped or kept chomping).
                let isLast = lineIndex + 1 >= lines.count || (!nextIsBlank && next.prefix { $0 == " " }.count < indent)
                if isMoreIndented || isLast {
                    replay.emit("\n", line: lineIndex, column: endColumn)
                } else if !nextIsBlank {
                    replay.emit(" ", line: lineIndex, column: endColumn)
                }
            }
            lineIndex += 1
        }
    }

    // MARK: - Flow scalars

    func replayFlow(origin: TextOrigin, replay: inout Replay) {
        var line = origin.location.line - 1
        var column = origin.location.column - 1
        guard line < lines.count else { return }
        let quote: Unicode.Scalar? =
            switch origin.style {
            case .singleQuoted: "'"
            case .doubleQuoted: "\""
            default: nil
            }
        if quote != nil { column += 1 }
        var pendingSpaces: [(Unicode.Scalar, Int, Int)] = []
        func at(_ l: Int, _ c: Int) -> Unicode.Scalar? { l < lines.count && c < lines[l].count ? lines[l][c] : nil }

        while !replay.isDone, line < lines.count {
            guard let scalar = at(line, column) else {
                // A line break inside the scalar: folded into a space, or into newlines for each empty line.
                pendingSpaces.removeAll()
                let breakLine = line, breakColumn = column
                var empty = 0
                line += 1
                while line < lines.count, lines[line].allSatisfy({ $0 == " " || $0 == "\t" }) {
                    empty += 1
                    line += 1
                }
                guard line < lines.count else { return }
                column = lines[line].prefix { $0 == " " || $0 == "\t" }.count
                if empty == 0 {
                    replay.emit(" ", line: breakLine, column: breakColumn)
                } else {
                    for _ in 0..<empty { replay.emit("\n", line: breakLine, column: breakColumn) }
                }
                continue
            }
            if let quote, scalar == quote {
                if quote == "'", at(line, column + 1) == "'" {
                    flushSpaces(&pendingSpaces, into: &replay)
                    replay.emit("'", line: line, column: column, width: 2)
                    column += 2
                    continue
                }
                // Spaces before the closing quote belong to the string.
                flushSpaces(&pendingSpaces, into: &replay)
                return
            }
            if quote == "\"", scalar == "\\" {
                guard let escaped = at(line, column + 1) else {
                    // An escaped line break joins the lines without a space.
                    line += 1
                    guard line < lines.count else { return }
                    column = lines[line].prefix { $0 == " " || $0 == "\t" }.count
                    continue
                }
                let length: Int =
                    switch escaped {
                    case "x": 4
                    case "u": 6
                    case "U": 10
                    default: 2
                    }
                flushSpaces(&pendingSpaces, into: &replay)
                if replay.index < replay.expected.count {
                    // The decoded character is whatever the string holds here; its place is the backslash.
                    replay.emit(replay.expected[replay.index], line: line, column: column, width: length)
                }
                column += length
                continue
            }
            if scalar == " " || scalar == "\t" {
                pendingSpaces.append((scalar, line, column))
            } else {
                flushSpaces(&pendingSpaces, into: &replay)
                replay.emit(scalar, line: line, column: column)
            }
            column += 1
        }
    }

    func flushSpaces(_ spaces: inout [(Unicode.Scalar, Int, Int)], into replay: inout Replay) {
        for (scalar, line, column) in spaces { replay.emit(scalar, line: line, column: column) }
        spaces.removeAll()
    }
}
