/// Select Graphic Rendition: the one place that writes the escape sequences for a terminal's text weight and colour.
///
/// Every coloured word of the tool (the runner's styles, diagnostics' severities, the command line's
/// "error:") goes through this type, so no other code spells `ESC [ … m`.
public struct SGR: Sendable, Hashable {
    /// The numeric parameters, in order (`1` bold, `31` red…).
    public let parameters: [Int]

    /// A rendition of `parameters`.
    public init(_ parameters: [Int]) {
        self.parameters = parameters
    }

    /// A rendition of `parameters`.
    public init(_ parameters: Int...) {
        self.init(parameters)
    }

    // MARK: - The renditions the tool uses

    public static let bold = SGR(1)
    public static let dim = SGR(2)
    /// Bold red: errors, the bar beside a warning.
    public static let boldRed = SGR(1, 31)
    /// Bold magenta: warnings in diagnostics.
    public static let boldMagenta = SGR(1, 35)
    /// Bold black on yellow: a badge.
    public static let badge = SGR(1, 30, 43)
    /// Bold bright white on red: a warning's heading.
    public static let alarm = SGR(1, 97, 41)

    /// The sequence that turns every rendition off.
    public static let reset = "\u{1B}[0m"

    // MARK: - Writing

    /// The sequence that turns this rendition on; "" when it has no parameters.
    public var sequence: String {
        parameters.isEmpty ? "" : "\u{1B}[" + parameters.map(String.init).joined(separator: ";") + "m"
    }

    /// `text` in this rendition when `usesColor`, else `text` as it is.
    public func apply(to text: String, when usesColor: Bool) -> String {
        usesColor && !parameters.isEmpty ? sequence + text + Self.reset : text
    }
}
