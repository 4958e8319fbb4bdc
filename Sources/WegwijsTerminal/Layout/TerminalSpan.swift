import WegwijsCore

/// A run of text with one style (and maybe one hyperlink): the unit the line wrapper moves around.
///
/// Text in a span is already safe: spans are made from content only through ``TerminalInlineBuilder``,
/// which passes every string through ``TerminalText/safe(_:keepingNewlines:)``.
struct TerminalSpan: Sendable, Equatable {
    /// The text; "\n" only as a hard line break made by the renderer, never from content.
    var text: String
    /// What the text is.
    var style: TerminalStyle
    /// The address of an OSC 8 hyperlink around the text, already checked by ``TerminalHyperlink``.
    var hyperlink: String?

    /// A span of `text` in `style`.
    init(_ text: String, style: TerminalStyle = [], hyperlink: String? = nil) {
        self.text = text
        self.style = style
        self.hyperlink = hyperlink
    }

    // MARK: - Writing a line

    /// One line of spans as the terminal gets it: every style and hyperlink is opened and closed inside
    /// the line. Without colour, the text alone.
    static func line(_ spans: [TerminalSpan], usesColor: Bool) -> String {
        guard usesColor else { return spans.map(\.text).joined() }
        var result = ""
        for run in merged(spans) {
            let start = run.style.selectGraphicRendition
            var styled = start.isEmpty ? run.text : start + run.text + TerminalStyle.reset
            if let address = run.hyperlink {
                styled = TerminalHyperlink.open(address) + styled + TerminalHyperlink.close
            }
            result += styled
        }
        return result
    }

    /// Neighbouring spans with the same style and hyperlink joined, so each run is written once.
    static func merged(_ spans: [TerminalSpan]) -> [TerminalSpan] {
        var runs: [TerminalSpan] = []
        for span in spans where !span.text.isEmpty {
            if let last = runs.indices.last, runs[last].style == span.style, runs[last].hyperlink == span.hyperlink {
                runs[last].text += span.text
            } else {
                runs.append(span)
            }
        }
        return runs
    }
}
