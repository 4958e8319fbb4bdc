/// What a template can show of a model.
///
/// Plain text and markup are different cases so that nothing is escaped twice or not at all: `.text` is
/// escaped by the library's escaper wherever it is inserted, even by `{{{x}}}` and `{{&x}}`; `.markup`
/// (already safe for the format) is inserted as it is by those two, and escaped by `{{x}}` like any string.
public enum TemplateValue: Sendable {
    /// Plain text, escaped wherever it is inserted.
    case text(String)
    /// Markup already safe for the format: inserted as it is by `{{{x}}}` and `{{&x}}`, escaped by `{{x}}`.
    case markup(String)
    /// A whole number, shown in decimal.
    case integer(Int)
    /// A number shown like Swift's `"\(value)"`, without the trailing `.0` of an integral value.
    case decimal(Double)
    /// `false` is falsey; `true` shows as `true`.
    case bool(Bool)
    /// A section over a list repeats for each item; an empty list is falsey.
    case list([TemplateValue])
    /// A model whose fields tags name.
    case object(any TemplateObject)
    /// Nothing: falsey, and shown as empty text.
    case null
}

extension TemplateValue {
    /// Whether a section over this value renders (and an inverted section does not): everything but
    /// `false`, `null` and an empty list, so empty text and `0` are truthy, as they were for swift-mustache.
    var isTruthy: Bool {
        switch self {
        case .bool(let value): value
        case .null: false
        case .list(let items): !items.isEmpty
        case .text, .markup, .integer, .decimal, .object: true
        }
    }

    /// The value of `key` in this value: only objects have fields.
    @inline(__always)
    func field(_ key: String) -> TemplateValue? {
        if case .object(let object) = self { object.value(forKey: key) } else { nil }
    }
}
