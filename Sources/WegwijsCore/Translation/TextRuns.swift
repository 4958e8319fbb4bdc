import WegwijsMarkdown

/// The running text of a CommonMark document outside links, images and code, with where each character is.
///
/// Consecutive text nodes (cmark splits text at `&`, `[` and the like) and soft line breaks (as spaces) are
/// joined into one run; a link, image, code span or block boundary ends a run, so nothing is found across them.
struct TextRuns: MarkdownVisitor {
    /// One character of a run and where cmark says it is: line, and column in UTF-8 bytes, both 1-based.
    struct Character {
        var scalar: Unicode.Scalar
        var line: Int
        var utf8Column: Int
    }

    /// A run of text.
    struct Run {
        var characters: [Character] = []
        /// Whether the run starts a paragraph, heading or other block (so its first word may start a sentence).
        var startsBlock: Bool
    }

    private(set) var runs: [Run] = []
    private var current = Run(startsBlock: true)
    private var linkDepth = 0

    mutating func enter(_ node: MarkdownNode) {
        switch node.kind {
        case .link, .image:
            finish(startingBlock: false)
            linkDepth += 1
        case .code:
            finish(startingBlock: false)
        case .text(let literal) where linkDepth == 0:
            var column = node.utf8Column
            for scalar in literal.unicodeScalars {
                current.characters.append(Character(scalar: scalar, line: node.line, utf8Column: column))
                column += String(scalar).utf8.count
            }
        case .softBreak, .lineBreak:
            if linkDepth == 0, let last = current.characters.last {
                current.characters.append(Character(scalar: " ", line: last.line, utf8Column: last.utf8Column + 1))
            }
        default:
            if node.kind.isBlock { finish(startingBlock: true) }
        }
    }

    mutating func exit(_ node: MarkdownNode) {
        switch node.kind {
        case .link, .image: linkDepth -= 1
        default: if node.kind.isBlock { finish(startingBlock: true) }
        }
    }

    mutating func finish(startingBlock: Bool) {
        if !current.characters.isEmpty { runs.append(current) }
        current = Run(startsBlock: startingBlock)
    }

    /// The runs of `text`.
    static func of(_ text: String) -> [Run] {
        of(MarkdownDocument(parsing: text))
    }

    /// The runs of a parsed text.
    static func of(_ document: borrowing MarkdownDocument) -> [Run] {
        var visitor = TextRuns()
        document.walk(&visitor)
        visitor.finish(startingBlock: true)
        return visitor.runs
    }
}

extension TextRuns.Run {
    /// Whether the word at `offset` starts a sentence (after `.`, `!`, `?` or `:`, or at the start of a block).
    func startsSentence(at offset: Int) -> Bool {
        var index = offset - 1
        while index >= 0, characters[index].scalar.properties.isWhitespace { index -= 1 }
        guard index >= 0 else { return startsBlock }
        return [".", "!", "?", ":"].contains(characters[index].scalar)
    }

    /// Whether `scalar` is a letter or a digit. ASCII is answered without Unicode's property tables, whose
    /// lookups were the largest cost of `check` on a large site.
    static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            switch scalar.value {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return true
            default: return false
            }
        }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }
}
