/// A text split into what a translator translates and the CommonMark markup around it, as inline codes that
/// exchange formats protect (XLIFF's `<ph>`, `<bpt>`/`<ept>`, `<pc>`).
///
/// The markup is found by a small scanner of CommonMark's inline syntax: code spans, autolinks and raw HTML,
/// images and links (with nested brackets and parentheses), emphasis and strong emphasis (delimiter runs of
/// `*` and `_`, paired as CommonMark pairs them in all but its rarest cases) and, at the start of a line, list
/// markers, block quotes and headings. Whatever it finds, every code keeps the exact bytes it stands for, so
/// joining the pieces always gives the text back byte for byte; a construct it does not recognise stays text
/// that the translator sees as written.
public struct SegmentedText: Sendable, Equatable {
    /// One inline code: a placeholder, or one half of a pair around translatable text.
    public struct Code: Sendable, Equatable {
        /// Whether the code stands alone or opens or closes a pair.
        public enum Role: String, Sendable { case placeholder, opening, closing }
        /// What the markup is.
        public enum Kind: String, Sendable {
            case link, term, input, reference, callout, image, code, html, emphasis, strong, block
        }
        /// The code's number, 1-based in document order; the two halves of a pair share it.
        public var id: Int
        public var role: Role
        public var kind: Kind
        /// The exact CommonMark the code stands for.
        public var native: String
        /// For links, the destination.
        public var destination: String?
    }

    /// A piece of the text.
    public enum Piece: Sendable, Equatable {
        case text(String)
        case code(Code)
    }

    /// The pieces, in order.
    public var pieces: [Piece]

    /// The pieces.
    public init(pieces: [Piece]) {
        self.pieces = pieces
    }

    /// `text`, split.
    public init(commonMark text: String) {
        var scanner = InlineScanner(Array(text.unicodeScalars))
        pieces = scanner.scan()
    }

    /// The text back, as CommonMark.
    public var commonMark: String {
        var text = ""
        for piece in pieces {
            switch piece {
            case .text(let value): text += value
            case .code(let code): text += code.native
            }
        }
        return text
    }

    /// The codes, in order.
    public var codes: [Code] {
        pieces.compactMap { if case .code(let code) = $0 { code } else { nil } }
    }

    /// Whether the text has any code.
    public var hasCodes: Bool { pieces.contains { if case .code = $0 { true } else { false } } }
}

extension SegmentedText.Code.Kind {
    /// The kind of a link to `destination` whose text is empty (a placeholder that shows what Wegwijs fills in).
    static func ofLink(to destination: String) -> Self {
        switch destination.prefix { $0 != ":" }.lowercased() {
        case "term": .term
        case "input": .input
        case "ref": .reference
        case "callout": .callout
        default: .link
        }
    }
}

/// The scanner behind ``SegmentedText``.
struct InlineScanner {
    typealias Piece = SegmentedText.Piece
    typealias Code = SegmentedText.Code

    let scalars: [Unicode.Scalar]
    var nextID = 1

    init(_ scalars: [Unicode.Scalar]) {
        self.scalars = scalars
    }

    /// A token of one stretch of text, before emphasis is paired.
    enum Token {
        case text(Range<Int>)
        case code(Code)
        /// A run of `*` or `_`, with whether it may open or close emphasis.
        case delimiters(Range<Int>, canOpen: Bool, canClose: Bool)
        /// A link with text: the opening `[`, the text's tokens, and the closing `](…)`.
        case link(opening: Range<Int>, inner: [Token], closing: Range<Int>, destination: String)
    }

    mutating func scan() -> [Piece] {
        let tokens = tokenize(0..<scalars.count, atLineStart: true)
        return pieces(of: tokens)
    }

    func string(_ range: Range<Int>) -> String {
        var text = ""
        text.unicodeScalars.append(contentsOf: scalars[range])
        return text
    }

    func scalar(_ index: Int) -> Unicode.Scalar? { index < scalars.count && index >= 0 ? scalars[index] : nil }

    // MARK: - Tokens

    mutating func tokenize(_ range: Range<Int>, atLineStart: Bool) -> [Token] {
        var tokens: [Token] = []
        var textStart = range.lowerBound
        var index = range.lowerBound
        var lineStart = atLineStart
        func flush(to end: Int) {
            if textStart < end { tokens.append(.text(textStart..<end)) }
        }
        while index < range.upperBound {
            if lineStart, let end = blockMarkerEnd(from: index, limit: range.upperBound) {
                flush(to: index)
                tokens.append(.code(code(.placeholder, .block, index..<end)))
                index = end
                textStart = end
                lineStart = false
                continue
            }
            lineStart = false
            let c = scalars[index]
            switch c {
            case "\n":
                lineStart = true
                index += 1
            case "\\":
                // An escaped character is text, backslash and all.
                index += index + 1 < range.upperBound && scalars[index + 1].isASCII && scalars[index + 1].properties.isPatternSyntax ? 2 : 1
            case "`":
                let run = runLength(of: "`", from: index, limit: range.upperBound)
                if let end = codeSpanEnd(from: index, run: run, limit: range.upperBound) {
                    flush(to: index)
                    tokens.append(.code(code(.placeholder, .code, index..<end)))
                    index = end
                    textStart = end
                } else {
                    index += run
                }
            case "<":
                if let end = angleEnd(from: index, limit: range.upperBound) {
                    flush(to: index)
                    let isAutolink = scalars[(index + 1)..<(end - 1)].contains(":") && !scalars[index + 1].properties.isPatternSyntax
                    tokens.append(.code(code(.placeholder, isAutolink ? .link : .html, index..<end)))
                    index = end
                    textStart = end
                } else {
                    index += 1
                }
            case "!" where scalar(index + 1) == "[":
                if let (textEnd, end, _) = linkEnds(from: index + 1, limit: range.upperBound) {
                    _ = textEnd
                    flush(to: index)
                    tokens.append(.code(code(.placeholder, .image, index..<end)))
                    index = end
                    textStart = end
                } else {
                    index += 2
                }
            case "[":
                if let (textEnd, end, destination) = linkEnds(from: index, limit: range.upperBound) {
                    flush(to: index)
                    if textEnd == index + 1 {
                        tokens.append(.code(code(.placeholder, .ofLink(to: destination), index..<end, destination: destination)))
                    } else {
                        let inner = tokenize((index + 1)..<textEnd, atLineStart: false)
                        tokens.append(.link(opening: index..<(index + 1), inner: inner, closing: textEnd..<end, destination: destination))
                    }
                    index = end
                    textStart = end
                } else {
                    index += 1
                }
            case "*", "_":
                let run = runLength(of: c, from: index, limit: range.upperBound)
                let end = index + run
                let before = index > range.lowerBound ? scalars[index - 1] : " "
                let after = end < range.upperBound ? scalars[end] : " "
                let leftFlanking = !isWhitespace(after) && (!isPunctuation(after) || isWhitespace(before) || isPunctuation(before))
                let rightFlanking = !isWhitespace(before) && (!isPunctuation(before) || isWhitespace(after) || isPunctuation(after))
                var canOpen = leftFlanking
                var canClose = rightFlanking
                if c == "_" {
                    canOpen = leftFlanking && (!rightFlanking || isPunctuation(before))
                    canClose = rightFlanking && (!leftFlanking || isPunctuation(after))
                }
                flush(to: index)
                tokens.append(.delimiters(index..<end, canOpen: canOpen, canClose: canClose))
                index = end
                textStart = end
            default:
                index += 1
            }
        }
        flush(to: range.upperBound)
        return tokens
    }

    /// A code over `range`; it is numbered when the pieces are made.
    func code(_ role: Code.Role, _ kind: Code.Kind, _ range: Range<Int>, destination: String? = nil) -> Code {
        Code(id: 0, role: role, kind: kind, native: string(range), destination: destination)
    }

    func isWhitespace(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.isWhitespace }

    func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isPatternSyntax || [.connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
            .initialPunctuation, .finalPunctuation, .otherPunctuation].contains(scalar.properties.generalCategory)
    }

    func runLength(of scalar: Unicode.Scalar, from index: Int, limit: Int) -> Int {
        var end = index
        while end < limit, scalars[end] == scalar { end += 1 }
        return end - index
    }

    /// The end of the list marker, block quote marker or heading marker (with its indentation) at `index`.
    func blockMarkerEnd(from index: Int, limit: Int) -> Int? {
        var position = index
        while position < limit, position - index < 3, scalars[position] == " " { position += 1 }
        guard position < limit else { return nil }
        let c = scalars[position]
        func followedBySpace(_ end: Int) -> Int? {
            guard end < limit, scalars[end] == " " || scalars[end] == "\t" else { return nil }
            return end + 1
        }
        switch c {
        case "-", "*", "+": return followedBySpace(position + 1)
        case ">": return followedBySpace(position + 1) ?? position + 1
        case "#":
            let run = runLength(of: "#", from: position, limit: limit)
            return run <= 6 ? followedBySpace(position + run) : nil
        default:
            var end = position
            while end < limit, end - position < 9, ("0"..."9").contains(scalars[end]) { end += 1 }
            guard end > position, end < limit, scalars[end] == "." || scalars[end] == ")" else { return nil }
            return followedBySpace(end + 1)
        }
    }

    /// The end of the code span whose opening run of `run` backticks is at `index`.
    func codeSpanEnd(from index: Int, run: Int, limit: Int) -> Int? {
        var position = index + run
        while position < limit {
            if scalars[position] == "`" {
                let length = runLength(of: "`", from: position, limit: limit)
                if length == run { return position + length }
                position += length
            } else {
                position += 1
            }
        }
        return nil
    }

    /// The end of an autolink (`<https://…>`) or an HTML tag (`<b>`, `</b>`, `<!-- … -->`) at `index`.
    func angleEnd(from index: Int, limit: Int) -> Int? {
        guard let first = scalar(index + 1), index + 1 < limit else { return nil }
        let isTag = first.properties.isAlphabetic || first == "/" || first == "!" || first == "?"
        guard isTag else { return nil }
        var position = index + 1
        while position < limit {
            let c = scalars[position]
            if c == ">" { return position + 1 }
            if c == "<" || c == "\n" { return nil }
            position += 1
        }
        return nil
    }

    /// For a `[` at `index` that starts an inline link: the index of its `]`, the end of the whole link, and
    /// its destination.
    func linkEnds(from index: Int, limit: Int) -> (textEnd: Int, end: Int, destination: String)? {
        var depth = 0
        var position = index
        var textEnd: Int?
        while position < limit {
            let c = scalars[position]
            if c == "\\" {
                position += 2
                continue
            }
            if c == "`" {
                let run = runLength(of: "`", from: position, limit: limit)
                position = codeSpanEnd(from: position, run: run, limit: limit) ?? position + run
                continue
            }
            if c == "[" { depth += 1 }
            if c == "]" {
                depth -= 1
                if depth == 0 {
                    textEnd = position
                    break
                }
            }
            position += 1
        }
        guard let textEnd, textEnd + 1 < limit, scalars[textEnd + 1] == "(" else { return nil }
        var parens = 0
        position = textEnd + 1
        var inAngle = false
        while position < limit {
            let c = scalars[position]
            if c == "\\" {
                position += 2
                continue
            }
            if c == "\n", scalar(position + 1) == "\n" { return nil }
            if c == "<" && position == textEnd + 2 { inAngle = true }
            if inAngle {
                if c == ">" { inAngle = false }
            } else if c == "(" {
                parens += 1
            } else if c == ")" {
                parens -= 1
                if parens == 0 {
                    let inside = string((textEnd + 2)..<position).trimmingCharacters(in: .whitespacesAndNewlines)
                    var destination = String(inside.prefix { !$0.isWhitespace })
                    if destination.hasPrefix("<"), let close = destination.firstIndex(of: ">") {
                        destination = String(destination[destination.index(after: destination.startIndex)..<close])
                    }
                    return (textEnd, position + 1, destination)
                }
            }
            position += 1
        }
        return nil
    }

    // MARK: - Pairing emphasis

    mutating func pieces(of tokens: [Token]) -> [Piece] {
        // Delimiter runs are paired first (innermost, nearest opener first), then everything becomes pieces.
        struct Run {
            var range: Range<Int>
            var canOpen: Bool
            var canClose: Bool
            var character: Unicode.Scalar
            /// Delimiters taken from the start and the end of the run by pairs, with the pair's id.
            var fromStart: [(count: Int, pair: Int)] = []
            var fromEnd: [(count: Int, pair: Int)] = []
            var remaining: Int { range.count - fromStart.reduce(0) { $0 + $1.count } - fromEnd.reduce(0) { $0 + $1.count } }
        }
        var runs: [Int: Run] = [:]
        var order: [Int] = []
        for (offset, token) in tokens.enumerated() {
            if case .delimiters(let range, let canOpen, let canClose) = token {
                runs[offset] = Run(range: range, canOpen: canOpen, canClose: canClose, character: scalars[range.lowerBound])
                order.append(offset)
            }
        }
        // Ids of pairs are given in the order of their openers, after the placeholders already numbered.
        var pairCount = 0
        for (position, closer) in order.enumerated() where runs[closer]!.canClose {
            var openerPosition = position - 1
            while runs[closer]!.remaining > 0 && openerPosition >= 0 {
                let opener = order[openerPosition]
                guard let candidate = runs[opener], candidate.canOpen, candidate.remaining > 0,
                    candidate.character == runs[closer]!.character
                else {
                    openerPosition -= 1
                    continue
                }
                // CommonMark's "rule of 3": a run that can both open and close pairs only when the sum is not a multiple of 3.
                let closing = runs[closer]!
                if (candidate.canClose || closing.canOpen), (candidate.range.count + closing.range.count) % 3 == 0,
                    candidate.range.count % 3 != 0 || closing.range.count % 3 != 0
                {
                    openerPosition -= 1
                    continue
                }
                let count = candidate.remaining >= 2 && closing.remaining >= 2 ? 2 : 1
                runs[opener]!.fromEnd.insert((count, pairCount), at: 0)
                runs[closer]!.fromStart.append((count, pairCount))
                pairCount += 1
                // Openers between the two can no longer pair.
                for between in order[(openerPosition + 1)..<position] { runs[between]!.canOpen = false }
            }
        }
        // Number everything in document order: an opener always comes before its closer.
        var pieces: [Piece] = []
        var pairIDs: [Int: Int] = [:]
        for (offset, token) in tokens.enumerated() {
            switch token {
            case .text(let range):
                append(.text(string(range)), to: &pieces)
            case .code(var code):
                code.id = nextID
                nextID += 1
                pieces.append(.code(code))
            case .link(let opening, let inner, let closing, let destination):
                let id = nextID
                nextID += 1
                pieces.append(.code(Code(id: id, role: .opening, kind: .link, native: string(opening), destination: destination)))
                for piece in self.pieces(of: inner) { append(piece, to: &pieces) }
                pieces.append(.code(Code(id: id, role: .closing, kind: .link, native: string(closing), destination: destination)))
            case .delimiters(let range, _, _):
                let run = runs[offset]!
                var position = range.lowerBound
                for part in run.fromStart {
                    let native = string(position..<(position + part.count))
                    pieces.append(.code(Code(id: pairIDs[part.pair]!, role: .closing, kind: part.count == 2 ? .strong : .emphasis, native: native)))
                    position += part.count
                }
                let plain = run.remaining
                if plain > 0 {
                    append(.text(string(position..<(position + plain))), to: &pieces)
                    position += plain
                }
                for part in run.fromEnd {
                    pairIDs[part.pair] = nextID
                    let native = string(position..<(position + part.count))
                    pieces.append(.code(Code(id: nextID, role: .opening, kind: part.count == 2 ? .strong : .emphasis, native: native)))
                    nextID += 1
                    position += part.count
                }
            }
        }
        return pieces
    }

    func append(_ piece: Piece, to pieces: inout [Piece]) {
        if case .text(let new) = piece, case .text(let old)? = pieces.last {
            pieces[pieces.count - 1] = .text(old + new)
        } else {
            pieces.append(piece)
        }
    }
}
