/// Why a template could not be compiled, and where: the 1-based line and column of the offending tag.
///
/// Columns count Unicode scalars, not bytes.
public struct TemplateSyntaxError: Error, Sendable, Equatable {
    /// The 1-based line of the offending tag.
    public let line: Int
    /// The 1-based column of the offending tag's first character, in Unicode scalars.
    public let column: Int
    /// A terse summary, naming things in 'single quotes'.
    public let message: String

    /// An error at `line` and `column` saying `message`.
    public init(line: Int, column: Int, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }
}
