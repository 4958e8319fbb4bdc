/// A text laid out for the terminal in one language: lines ready to write, and what the runner needs to know
/// about them.
///
/// Made by ``TerminalTextRenderer``. The static helpers that make any string safe for a terminal and measure it
/// (``safe(_:keepingNewlines:)``, ``displayWidth(_:)``) are in `TerminalText+Safety.swift`.
public struct TerminalText: Sendable, Equatable {
    /// A `ref:` link met in the text.
    public struct Reference: Sendable, Equatable {
        /// The procedure referred to.
        public var procedureID: String
        /// The step referred to, for `ref:procedure#step`.
        public var stepID: String?
        /// The referred procedure's title in the rendered language (for a step reference too), as plain
        /// text already made safe (``TerminalText/safe(_:keepingNewlines:)``) and without styles.
        public var title: String

        /// A reference to `procedureID` (and `stepID`), titled `title`.
        public init(procedureID: String, stepID: String? = nil, title: String) {
            self.procedureID = procedureID
            self.stepID = stepID
            self.title = title
        }
    }

    /// The lines, without line ends. Each is complete: every style and hyperlink it opens is closed on the
    /// same line, so lines may be written, cleared or redrawn one at a time. Without colour they hold no
    /// escape sequence at all.
    public var lines: [String]
    /// The `ref:` links met, in the order of the text, one entry per link (a procedure referred to twice
    /// appears twice), for the runner's "open the referred procedure" key.
    public var references: [Reference]
    /// Whether the text is shown in another language than asked because it is not translated.
    /// The runner adds the interface string `page.not-translated` where it shows the text.
    public var isFallback: Bool
    /// The language the text is really in.
    public var language: String

    /// A text of `lines` in `language`.
    public init(lines: [String], references: [Reference] = [], isFallback: Bool = false, language: String) {
        self.lines = lines
        self.references = references
        self.isFallback = isFallback
        self.language = language
    }
}
