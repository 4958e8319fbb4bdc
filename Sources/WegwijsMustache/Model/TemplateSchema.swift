/// The shape of a model, for checking at load that every tag of a template names a field.
public indirect enum TemplateSchema: Sendable, Hashable {
    /// Plain text.
    case text
    /// Markup safe for the format.
    case markup
    /// A whole number.
    case integer
    /// A number with a fraction.
    case decimal
    /// A flag.
    case bool
    /// Anything: nothing below this point is checked.
    case any
    /// A list whose items have the shape given.
    case list(TemplateSchema)
    /// A value of the shape given, or nothing.
    case optional(TemplateSchema)
    /// A model named `name` (for messages) with the fields given.
    case object(name: String, fields: [String: TemplateSchema])
}

extension TemplateSchema {
    /// This schema without `.optional` around it.
    var unwrapped: TemplateSchema {
        var schema = self
        while case .optional(let wrapped) = schema { schema = wrapped }
        return schema
    }

    /// How the schema reads in a message: the object's name, or the kind of value.
    var description: String {
        switch self {
        case .text: "text"
        case .markup: "markup"
        case .integer: "an integer"
        case .decimal: "a decimal"
        case .bool: "a bool"
        case .any: "anything"
        case .list: "a list"
        case .optional(let wrapped): wrapped.description
        case .object(let name, _): name
        }
    }
}
