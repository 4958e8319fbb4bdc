extension TextPositionMapper {
    /// Where a scalar is written in the file: from its first character (its opening quote, or its `|`/`>`
    /// indicator) to just after its last (its closing quote, or the end of its last line of content).
    /// Lines are 0-based, columns 0-based in Unicode scalars.
    struct Extent: Equatable {
        var startLine: Int
        var startColumn: Int
        var endLine: Int
        var endColumn: Int
    }

    /// The extent of the scalar whose string is `value`, written in `origin`'s style at its location;
    /// nil when replaying the scalar does not give `value` (the file changed, or a construct the replay does not know).
    func extent(of value: String, origin: TextOrigin) -> Extent? {
        var replay = Replay(expected: Array(value.unicodeScalars), target: -1)
        let startLine = origin.location.line - 1, startColumn = origin.location.column - 1
        guard startLine >= 0, startLine < lines.count else { return nil }
        switch origin.style {
        case .literal, .folded:
            replayBlock(origin: origin, replay: &replay)
        case .plain, .singleQuoted, .doubleQuoted:
            replayFlow(origin: origin, replay: &replay)
        }
        guard !replay.failed, replay.index == replay.expected.count, let end = replay.end else { return nil }
        switch origin.style {
        case .literal, .folded:
            return Extent(startLine: startLine, startColumn: startColumn, endLine: end.line, endColumn: lines[end.line].count)
        case .plain:
            return Extent(startLine: startLine, startColumn: startColumn, endLine: end.line, endColumn: end.column)
        case .singleQuoted, .doubleQuoted:
            // After the last character: blank space (a folded line end) and the closing quote.
            let quote: Unicode.Scalar = origin.style == .singleQuoted ? "'" : "\""
            var line = end.line, column = end.column
            while line < lines.count {
                if column >= lines[line].count {
                    line += 1
                    column = 0
                    continue
                }
                let scalar = lines[line][column]
                if scalar == quote { return Extent(startLine: startLine, startColumn: startColumn, endLine: line, endColumn: column + 1) }
                guard scalar == " " || scalar == "\t" else { return nil }
                column += 1
            }
            return nil
        }
    }

    /// The text of line `line` (0-based), without its line end.
    func line(_ line: Int) -> [Unicode.Scalar] { line >= 0 && line < lines.count ? lines[line] : [] }

    /// The number of lines.
    var lineCount: Int { lines.count }
}
