import WegwijsCore

/// What a resolved `ref:`, `term:`, `input:` or `callout:` link becomes in the terminal: the counterpart of
/// ``LinkMarkup`` for HTML and Markdown, made by ``TerminalInlineBuilder``.
///
/// With colour the style carries the meaning and ``opening`` and ``closing`` are empty; without colour they
/// hold characters that keep it readable (quotes around a term or a reference), so meaning never rests on
/// colour alone.
struct TerminalLinkRendering: Sendable {
    /// The style of the link's text (and of what is written instead).
    var style: TerminalStyle
    /// Written before the link's text.
    var opening = ""
    /// Written after the link's text.
    var closing = ""
    /// What is shown when the link has no text of its own (`[](term:save)`), or always with ``replacesText``.
    var generated: [TerminalSpan]
    /// Whether ``generated`` is shown even when the link has text: a callout's marker and an entered value.
    var replacesText = false
    /// Whether the space before the link becomes a no-break space (callouts stay with the word before them).
    var isGluedToPreviousWord = false
    /// The references to record: the one of a `ref:` link, or those in a callout's legend.
    var references: [TerminalText.Reference] = []
}
