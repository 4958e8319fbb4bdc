import WegwijsCore
import WegwijsMarkdown

/// Lays out the blocks of a text as terminal lines: the visitor behind ``TerminalTextRenderer/render(_:in:values:width:indent:)``.
///
/// Inline nodes go to a ``TerminalInlineBuilder``; at the end of each paragraph or heading its spans are
/// wrapped to the width left after the prefix. Containers add to the prefix of every line inside them:
/// an item its marker ("• ", "1. ") on its first line and as many spaces after, a quote "│ ".
struct TerminalBlockLayout: MarkdownVisitor {
    /// The part of each line's prefix that one container adds.
    struct Frame {
        /// On the container's first line.
        var first: String
        /// On its other lines.
        var rest: String
        /// Whether the first line has been written.
        var isUsed = false
    }

    /// A block that holds other blocks.
    enum Container {
        /// A block quote.
        case quote
        /// A list, and the number its next item gets when it is ordered.
        case list(isOrdered: Bool, isTight: Bool, nextNumber: Int)
        /// A list item, and whether its list is tight.
        case item(isTight: Bool)
        /// A custom block: no prefix, no spacing of its own.
        case other
    }

    /// The marker of a code block's continued line, in the code block's indent.
    static let continuationMark = "  ↪ "
    /// The indent of a code block.
    static let codeIndent = "    "

    /// Columns available, at least 1.
    let width: Int
    /// Spaces before every line.
    let indent: Int
    /// Builds the inline content of the current paragraph, and collects references.
    var inline: TerminalInlineBuilder

    /// The lines laid out so far.
    private(set) var lines: [[TerminalSpan]] = []
    private var frames: [Frame] = []
    private var containers: [Container] = []
    private var needsBlankLine = false

    /// A layout `width` columns wide with `indent` spaces before each line.
    init(width: Int, indent: Int, inline: TerminalInlineBuilder) {
        self.width = max(1, width)
        self.indent = max(0, indent)
        self.inline = inline
    }

    // MARK: - Walking

    /// Starts a block, or hands an inline node to the builder.
    mutating func enter(_ node: MarkdownNode) {
        switch node.kind {
        case .document, .htmlBlock:
            break
        case .paragraph:
            beginBlock()
        case .heading:
            beginBlock()
            inline.pushStyle(.heading)
        case .blockQuote:
            beginBlock()
            containers.append(.quote)
            frames.append(Frame(first: "│ ", rest: "│ "))
        case .list(let isOrdered, let start, let isTight):
            beginBlock()
            containers.append(.list(isOrdered: isOrdered, isTight: isTight, nextNumber: start))
        case .item:
            beginBlock()
            enterItem()
        case .codeBlock(let literal, _):
            beginBlock()
            layOutCode(literal)
            endBlock()
        case .thematicBreak:
            beginBlock()
            let rule = String(repeating: "─", count: max(1, width - prefixWidth()))
            emit([TerminalSpan(rule, style: .mark)])
            endBlock()
        case .customBlock:
            containers.append(.other)
        case .text, .code, .softBreak, .lineBreak, .emphasis, .strong, .link, .image, .htmlInline, .customInline:
            inline.enter(node)
        }
    }

    /// Ends a block: writes a paragraph's lines, or closes a container.
    mutating func exit(_ node: MarkdownNode) {
        switch node.kind {
        case .paragraph:
            layOutParagraph()
        case .heading:
            inline.popStyle()
            layOutParagraph()
        case .blockQuote:
            _ = frames.popLast()
            _ = containers.popLast()
            endBlock()
        case .list:
            _ = containers.popLast()
            endBlock()
        case .item:
            // An empty item still shows its marker.
            if let frame = frames.last, !frame.isUsed { emit([]) }
            _ = frames.popLast()
            _ = containers.popLast()
            endBlock()
        case .customBlock, .document:
            // Inline content straight inside a custom block (as ``MarkdownDocument/renderInlineHTML()`` makes
            // it) belongs to no paragraph: it is laid out as one when its container ends.
            if !inline.spans.isEmpty {
                beginBlock()
                layOutParagraph()
            }
            if case .customBlock = node.kind { _ = containers.popLast() }
        case .codeBlock, .thematicBreak, .htmlBlock:
            break
        case .text, .code, .softBreak, .lineBreak, .emphasis, .strong, .link, .image, .htmlInline, .customInline:
            inline.exit(node)
        }
    }

    // MARK: - Blocks

    /// One empty line before a block that follows another, unless in a tight list.
    private mutating func beginBlock() {
        if needsBlankLine, !lines.isEmpty { emitBlankLine() }
        needsBlankLine = false
    }

    private mutating func endBlock() {
        switch containers.last {
        case .item(isTight: true), .list(_, isTight: true, _): needsBlankLine = false
        default: needsBlankLine = true
        }
    }

    private mutating func enterItem() {
        var marker = "• "
        if case .list(let isOrdered, let isTight, let number) = containers.last {
            if isOrdered {
                marker = "\(number). "
                containers[containers.count - 1] = .list(isOrdered: true, isTight: isTight, nextNumber: number + 1)
            }
            containers.append(.item(isTight: isTight))
        } else {
            containers.append(.item(isTight: false))
        }
        frames.append(Frame(first: marker, rest: String(repeating: " ", count: TerminalText.displayWidth(marker))))
    }

    private mutating func layOutParagraph() {
        let spans = inline.takeSpans()
        guard !spans.isEmpty else { return endBlock() }
        for line in TerminalLineWrapper.wrap(spans, width: width - prefixWidth()) {
            emit(line)
        }
        endBlock()
    }

    /// Each line of the code as it is (tabs expanded), broken by display width where it is wider than
    /// the room left; a continued line shows ``continuationMark`` in the indent.
    private mutating func layOutCode(_ literal: String) {
        var sourceLines = literal.split(separator: "\n", omittingEmptySubsequences: false)
        if sourceLines.last?.isEmpty == true { sourceLines.removeLast() }
        let room = width - prefixWidth(adding: Self.codeIndent)
        for sourceLine in sourceLines {
            let text = TerminalText.safe(Self.expandingTabs(String(sourceLine)))
            let pieces = TerminalLineWrapper.breakingEverywhere(text, width: room)
            for (index, piece) in pieces.enumerated() {
                let gutter = index == 0 ? TerminalSpan(Self.codeIndent) : TerminalSpan(Self.continuationMark, style: .mark)
                emit(piece.isEmpty ? [] : [TerminalSpan(piece, style: .code)], gutter: gutter)
            }
        }
    }

    /// `line` with each tab replaced by spaces up to the next multiple of four columns.
    static func expandingTabs(_ line: String) -> String {
        var result = ""
        var column = 0
        for character in line {
            if character == "\t" {
                let spaces = 4 - column % 4
                result += String(repeating: " ", count: spaces)
                column += spaces
            } else {
                result.append(character)
                column += TerminalLineWrapper.width(of: character)
            }
        }
        return result
    }

    // MARK: - Lines and their prefixes

    /// Writes a line: the prefix (with each container's first-line part where its first line is due), an
    /// optional gutter, then `content`. A line without content loses the prefix's trailing spaces.
    private mutating func emit(_ content: [TerminalSpan], gutter: TerminalSpan? = nil) {
        var prefix = String(repeating: " ", count: indent)
        for index in frames.indices {
            prefix += frames[index].isUsed ? frames[index].rest : frames[index].first
            frames[index].isUsed = true
        }
        var prefixSpans = [TerminalSpan(prefix)]
        if let gutter { prefixSpans.append(gutter) }
        // A character wider than the room left (a wide one at a narrow width) takes columns from the prefix.
        let contentWidth = content.reduce(0) { $0 + TerminalText.displayWidth($1.text) }
        prefixSpans = Self.keepingLast(columns: min(prefixBudget, max(0, width - contentWidth)), of: prefixSpans)
        if content.isEmpty { prefixSpans = Self.trimmingTrailingSpaces(prefixSpans) }
        lines.append(prefixSpans.filter { !$0.text.isEmpty } + content)
    }

    private mutating func emitBlankLine() {
        let prefix = String(repeating: " ", count: indent) + frames.map(\.rest).joined()
        lines.append(Self.trimmingTrailingSpaces(Self.keepingLast(columns: prefixBudget, of: [TerminalSpan(prefix)])).filter { !$0.text.isEmpty })
    }

    /// The most columns a prefix may take: at least half the width stays for text.
    private var prefixBudget: Int { width - (width / 2 + width % 2) }

    /// The columns the prefix takes, plus `extra`, within ``prefixBudget``.
    private func prefixWidth(adding extra: String = "") -> Int {
        let full = indent + frames.reduce(0) { $0 + TerminalText.displayWidth($1.rest) } + TerminalText.displayWidth(extra)
        return min(full, prefixBudget)
    }

    /// The rightmost `columns` columns of `spans` (the innermost markers stay when a prefix is too wide).
    static func keepingLast(columns: Int, of spans: [TerminalSpan]) -> [TerminalSpan] {
        var remaining = max(0, columns)
        var kept: [TerminalSpan] = []
        for span in spans.reversed() {
            var text = ""
            for character in span.text.reversed() {
                let characterWidth = TerminalLineWrapper.width(of: character)
                guard characterWidth <= remaining else {
                    remaining = 0
                    break
                }
                text.insert(character, at: text.startIndex)
                remaining -= characterWidth
            }
            kept.insert(TerminalSpan(text, style: span.style), at: 0)
            if remaining == 0 { break }
        }
        return kept
    }

    /// `spans` without the spaces at their end (for lines that have only a prefix).
    static func trimmingTrailingSpaces(_ spans: [TerminalSpan]) -> [TerminalSpan] {
        var result = spans
        while let last = result.last {
            var text = last.text
            while text.last == " " { text.removeLast() }
            if text.isEmpty {
                result.removeLast()
            } else {
                result[result.count - 1].text = text
                break
            }
        }
        return result
    }
}
