/// Templates compiled once, rendered many times from many threads.
///
/// A template is compiled by ``add(_:named:)`` into a tree (dotted names split, delimiters resolved,
/// standalone lines removed); ``render(_:with:into:)`` walks that tree against a ``TemplateValue``,
/// appending to one buffer. Semantics are those of the Mustache specification's required modules
/// (comments, delimiters, interpolation, inverted sections, partials, sections), with two choices of the
/// project's own: `.text` is escaped even by `{{{x}}}` and `{{&x}}`, and a section over `true` pushes
/// nothing (as swift-mustache did). Empty text and `0` are truthy; `false`, `null` and an empty list are not.
public struct TemplateLibrary: Sendable {
    /// How many partials a render (or a schema check) goes into, one inside the other; a partial deeper
    /// than this renders nothing, so a partial that includes itself without end stops.
    public static let maximumPartialDepth = 100
    /// How many sections and partials a render goes into, one inside the other; deeper ones render nothing.
    /// This bounds the stack a render needs, on any thread.
    public static let maximumDepth = 200
    /// How many section items and partials one render may render in all; past this it stops appending.
    /// Real pages render a few hundred; this stops the exponential work of, say, a partial that includes
    /// itself twice.
    public static let maximumExpansions = 1_000_000
    /// How many bytes one render may append (64 MiB) before it stops at the next section item or partial.
    public static let maximumOutputSize = 64 << 20

    /// How many section items and partials one render of this library may render in all
    /// (``maximumExpansions`` unless set lower, as the template fuzzer does to keep each input quick).
    public var expansionLimit = TemplateLibrary.maximumExpansions
    /// How many bytes one render of this library may append (``maximumOutputSize`` unless set lower).
    public var outputLimit = TemplateLibrary.maximumOutputSize

    /// How plain text is escaped where templates insert it.
    public let escaping: Escaping
    /// The compiled templates by name.
    private var templates: [String: [Node]] = [:]

    /// An empty library whose templates escape plain text with `escape`.
    public init(escape: Escaping = .html) {
        self.escaping = escape
    }

    /// Compiles `source` and keeps it as template (and partial) `name`, replacing any of that name.
    public mutating func add(_ source: String, named name: String) throws(TemplateSyntaxError) {
        var parser = TemplateParser(source)
        templates[name] = try parser.parse()
    }

    /// Whether the library has a template `name`.
    public func contains(_ name: String) -> Bool {
        templates[name] != nil
    }

    /// The names of the templates, sorted.
    public var names: [String] {
        templates.keys.sorted()
    }

    /// Appends template `name` rendered with `root` as the bottom of the context stack to `output`.
    ///
    /// A missing template renders nothing, as a missing partial does.
    public func render(_ name: String, with root: TemplateValue, into output: inout String) {
        guard let nodes = templates[name] else { return }
        var renderer = Renderer(
            templates: templates, escaping: escaping, root: root, startSize: output.utf8.count,
            expansionLimit: expansionLimit, outputLimit: outputLimit)
        renderer.render(nodes, indentation: "", into: &output)
    }

    /// Template `name` rendered with `root` as the bottom of the context stack.
    public func render(_ name: String, with root: TemplateValue) -> String {
        var output = ""
        render(name, with: root, into: &output)
        return output
    }

    /// Every tag of template `name` and of the partials it uses that names no field of the model described
    /// by `schema`, with line, column, and "did you mean 'x'?" when a field of the models in scope is close.
    ///
    /// A partial that is not in the library is a problem too; so is `name` itself, at line 1, column 1.
    public func problems(in name: String, against schema: TemplateSchema) -> [TemplateProblem] {
        guard let nodes = templates[name] else {
            return [TemplateProblem(template: name, line: 1, column: 1, message: "no template '\(name)'")]
        }
        var checker = SchemaChecker(templates: templates)
        var stack = [schema]
        checker.check(nodes, in: name, stack: &stack)
        return checker.problems
    }
}
