import WegwijsMustache

/// Rendered markup: HTML or CommonMark already escaped and safe for the output it was made for.
///
/// Plain text is a `String`; the template engine escapes it wherever a template inserts it. Only `Markup` is
/// ever inserted as it is (by `{{{…}}}`), so nothing is escaped twice or not at all.
public struct Markup: Sendable, Hashable {
    /// The markup's source.
    public var source: String

    /// Markup whose source is `source`, which must already be safe for its output.
    public init(_ source: String) {
        self.source = source
    }

    /// The empty markup.
    public static let empty = Markup("")
}

extension Markup {
    /// The markup as a template value.
    var templateValue: TemplateValue { .markup(source) }
}

extension Optional where Wrapped == Markup {
    /// The markup as a template value, `null` when there is none.
    var templateValue: TemplateValue { map { .markup($0.source) } ?? .null }
}

extension Optional where Wrapped == String {
    /// The plain text as a template value, `null` when there is none.
    var templateValue: TemplateValue { map { .text($0) } ?? .null }
}

extension Optional where Wrapped: TemplateObject {
    /// The model as a template value, `null` when there is none.
    var templateValue: TemplateValue { map { .object($0) } ?? .null }
}

extension Array where Element: TemplateObject {
    /// The models as a template list.
    var templateValue: TemplateValue { .list(map { .object($0) }) }
}
