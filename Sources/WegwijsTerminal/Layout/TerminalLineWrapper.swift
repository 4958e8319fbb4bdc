import WegwijsCore

/// Breaks styled text into lines of at most a given number of display columns.
///
/// Lines break at spaces only; a run of spaces becomes one, and no line starts or ends with one. A no-break
/// space (U+00A0) holds its neighbours together and is written as a plain space; a group held together that
/// is wider than the line breaks at its no-break spaces after all. A word wider than the line starts a line
/// of its own and is broken between characters (grapheme clusters) by display width; one that starts with a
/// wide character (Chinese, Japanese, Korean: scripts that wrap between characters) fills the current line
/// first. A single character wider than the whole line (a wide character at width 1) gets a line of its own.
/// "\n" in a span is a hard line break. Every step consumes input, so the wrapper always ends.
struct TerminalLineWrapper {
    /// A word: spans without spaces, and the columns they take.
    struct Word {
        /// The word's characters, by style.
        var spans: [TerminalSpan] = []
        /// The columns they take.
        var width = 0
    }

    /// The most columns a line may take, at least 1.
    let width: Int

    private var lines: [[TerminalSpan]] = []
    private var current: [TerminalSpan] = []
    private var currentWidth = 0
    private var word = Word()
    private var pendingSpace: TerminalSpan?

    /// A wrapper for lines of `width` columns (1 if less is asked).
    init(width: Int) {
        self.width = max(1, width)
    }

    /// `spans` as lines of at most ``width`` columns (characters wider than the line excepted).
    static func wrap(_ spans: [TerminalSpan], width: Int) -> [[TerminalSpan]] {
        var wrapper = TerminalLineWrapper(width: width)
        for span in spans { wrapper.add(span) }
        return wrapper.finish()
    }

    /// `text` in pieces of at most `width` columns, broken anywhere (code lines); one empty piece for "".
    static func breakingEverywhere(_ text: String, width: Int) -> [String] {
        let width = max(1, width)
        var pieces: [String] = []
        var piece = ""
        var pieceWidth = 0
        for character in text {
            let characterWidth = Self.width(of: character)
            if pieceWidth + characterWidth > width, !piece.isEmpty {
                pieces.append(piece)
                piece = ""
                pieceWidth = 0
            }
            piece.append(character)
            pieceWidth += characterWidth
        }
        pieces.append(piece)
        return pieces
    }

    // MARK: - Input

    /// Adds the characters of `span`.
    mutating func add(_ span: TerminalSpan) {
        for character in span.text {
            switch character {
            case "\n":
                placeWord()
                pendingSpace = nil
                finishLine()
            case " ":
                placeWord()
                if pendingSpace == nil { pendingSpace = TerminalSpan(" ", style: span.style, hyperlink: span.hyperlink) }
            default:
                Self.append(character, style: span.style, hyperlink: span.hyperlink, to: &word.spans, keepingNoBreakSpaces: true)
                word.width += Self.width(of: character)
            }
        }
    }

    /// The lines, once every span is added.
    mutating func finish() -> [[TerminalSpan]] {
        placeWord()
        if !current.isEmpty { finishLine() }
        return lines
    }

    // MARK: - Layout

    private mutating func placeWord() {
        guard !word.spans.isEmpty else { return }
        let whole = word
        word = Word()
        let parts = whole.width > width ? Self.splitAtNoBreakSpaces(whole) : [(separator: nil, word: whole)]
        for part in parts {
            if let separator = part.separator { pendingSpace = separator }
            place(part.word)
        }
        pendingSpace = nil
    }

    private mutating func place(_ word: Word) {
        if !current.isEmpty {
            if currentWidth + 1 + word.width <= width {
                appendSpace()
                for span in word.spans { Self.append(span, to: &current) }
                currentWidth += word.width
                return
            }
            let first = word.spans.first?.text.first.map(Self.width(of:)) ?? 0
            if word.width > width, first > 1, currentWidth + 1 + first <= width {
                appendSpace()
                breakWord(word)
                return
            }
            finishLine()
        }
        if word.width <= width {
            for span in word.spans { Self.append(span, to: &current) }
            currentWidth = word.width
        } else {
            breakWord(word)
        }
    }

    /// Puts the word's characters on lines one by one, starting a line whenever the next one does not fit.
    private mutating func breakWord(_ word: Word) {
        for span in word.spans {
            for character in span.text {
                let characterWidth = Self.width(of: character)
                if currentWidth + characterWidth > width, !current.isEmpty { finishLine() }
                Self.append(character, style: span.style, hyperlink: span.hyperlink, to: &current)
                currentWidth += characterWidth
            }
        }
    }

    private mutating func appendSpace() {
        current.append(pendingSpace ?? TerminalSpan(" "))
        currentWidth += 1
    }

    private mutating func finishLine() {
        lines.append(current)
        current = []
        currentWidth = 0
    }

    /// The parts of a word between its no-break spaces, each with the space before it (as a plain space).
    static func splitAtNoBreakSpaces(_ word: Word) -> [(separator: TerminalSpan?, word: Word)] {
        var parts: [(separator: TerminalSpan?, word: Word)] = [(nil, Word())]
        for span in word.spans {
            for character in span.text {
                if character == "\u{00A0}" {
                    parts.append((TerminalSpan(" ", style: span.style, hyperlink: span.hyperlink), Word()))
                } else {
                    append(
                        character, style: span.style, hyperlink: span.hyperlink, to: &parts[parts.count - 1].word.spans,
                        keepingNoBreakSpaces: true)
                    parts[parts.count - 1].word.width += width(of: character)
                }
            }
        }
        return parts.filter { !$0.word.spans.isEmpty }
    }

    /// Appends a character to the last span when the style matches. On a line (unless `keepingNoBreakSpaces`,
    /// for words still being laid out) a no-break space is written as a space.
    static func append(
        _ character: Character, style: TerminalStyle, hyperlink: String?, to spans: inout [TerminalSpan],
        keepingNoBreakSpaces: Bool = false
    ) {
        let shown: Character = character == "\u{00A0}" && !keepingNoBreakSpaces ? " " : character
        // Compared through the index, not a copy of the last span: a copy would share the text's storage and
        // make every append copy the whole text (quadratic on a long word).
        if let last = spans.indices.last, spans[last].style == style, spans[last].hyperlink == hyperlink {
            spans[last].text.append(shown)
        } else {
            spans.append(TerminalSpan(String(shown), style: style, hyperlink: hyperlink))
        }
    }

    /// Appends the characters of `span`, as the other `append` does.
    static func append(_ span: TerminalSpan, to spans: inout [TerminalSpan]) {
        for character in span.text { append(character, style: span.style, hyperlink: span.hyperlink, to: &spans) }
    }

    /// Columns a character takes: the sum of its scalars' widths (combining marks add nothing).
    static func width(of character: Character) -> Int {
        character.unicodeScalars.reduce(0) { $0 + TerminalText.width(of: $1) }
    }
}
