import WegwijsCore

/// What a piece of terminal text is (strong, a UI term, a reference…), and how that looks with colour.
///
/// Styles are roles, not attributes: nested markup unites them (a term inside strong text is both), and
/// ``selectGraphicRendition`` decides the one SGR sequence for the union. Without colour no style writes
/// anything; the renderer keeps meaning readable with characters instead (quotes, brackets, backticks).
struct TerminalStyle: OptionSet, Sendable, Hashable {
    /// The roles, one bit each.
    let rawValue: UInt16

    // MARK: - Roles

    /// Strong emphasis: bold.
    static let strong = TerminalStyle(rawValue: 1 << 0)
    /// Emphasis: italic.
    static let emphasis = TerminalStyle(rawValue: 1 << 1)
    /// Inline code and code blocks: yellow.
    static let code = TerminalStyle(rawValue: 1 << 2)
    /// A heading: bold.
    static let heading = TerminalStyle(rawValue: 1 << 3)
    /// An ordinary link's text: underlined.
    static let link = TerminalStyle(rawValue: 1 << 4)
    /// A `ref:` link: underlined blue, like a link.
    static let reference = TerminalStyle(rawValue: 1 << 5)
    /// A `term:` label: bold cyan.
    static let term = TerminalStyle(rawValue: 1 << 6)
    /// An `input:` value the admin entered: bold green.
    static let inputValue = TerminalStyle(rawValue: 1 << 7)
    /// An `input:` without a value, shown as its label: green.
    static let inputPlaceholder = TerminalStyle(rawValue: 1 << 8)
    /// A `callout:` marker and legend: bold magenta.
    static let callout = TerminalStyle(rawValue: 1 << 9)
    /// The tool's own marks around text (a code block's continuation arrow): dim.
    static let mark = TerminalStyle(rawValue: 1 << 10)

    // MARK: - Escape sequences

    /// The SGR sequence that turns this style on, or "" for no style.
    var selectGraphicRendition: String {
        var parameters: [Int] = []
        if !isDisjoint(with: [.strong, .heading, .term, .inputValue, .callout]) { parameters.append(1) }
        if contains(.mark) { parameters.append(2) }
        if contains(.emphasis) { parameters.append(3) }
        if !isDisjoint(with: [.link, .reference]) { parameters.append(4) }
        if let color { parameters.append(color) }
        return SGR(parameters).sequence
    }

    /// The foreground colour: the role nearest to the text's meaning wins when several are nested.
    var color: Int? {
        if contains(.term) { return 36 }
        if contains(.callout) { return 35 }
        if !isDisjoint(with: [.inputValue, .inputPlaceholder]) { return 32 }
        if contains(.reference) { return 34 }
        if contains(.code) { return 33 }
        return nil
    }

    /// The SGR sequence that turns every style off.
    static let reset = SGR.reset
}
