/// A tag naming no field of the model a template is rendered with, found by
/// ``TemplateLibrary/problems(in:against:)``.
public struct TemplateProblem: Sendable, Equatable, Hashable {
    /// The template (or partial) the tag is in.
    public let template: String
    /// The 1-based line of the tag.
    public let line: Int
    /// The 1-based column of the tag's first character, in Unicode scalars.
    public let column: Int
    /// A terse summary with "did you mean" when a field in scope is close.
    public let message: String

    /// A problem in `template` at `line` and `column` saying `message`.
    public init(template: String, line: Int, column: Int, message: String) {
        self.template = template
        self.line = line
        self.column = column
        self.message = message
    }
}
