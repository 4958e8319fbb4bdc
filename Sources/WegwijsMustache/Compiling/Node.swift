/// One piece of a compiled template: what the renderer walks and the schema check reads.
enum Node: Sendable {
    /// Text of the template, inserted as it is.
    case text(String)
    /// The start of a line of the template's source, where a standalone partial's indentation goes.
    case indentation
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{&name}}` (markup inserted raw, text still escaped).
    case variable(Name, isEscaped: Bool, Tag)
    /// `{{#name}}…{{/name}}`.
    case section(Name, [Node], Tag)
    /// `{{^name}}…{{/name}}`.
    case invertedSection(Name, [Node], Tag)
    /// `{{>name}}`, with the indentation of its line when it stands alone on it.
    case partial(String, indentation: String, Tag)
}

/// Where a tag is in its template, and how it reads in a message.
struct Tag: Sendable {
    /// The 1-based line of the tag's opening delimiter.
    let line: Int
    /// The 1-based column of the tag's opening delimiter, in Unicode scalars.
    let column: Int
    /// The tag as messages show it, with the default delimiters: `{{#steps}}`.
    let shown: String
}
