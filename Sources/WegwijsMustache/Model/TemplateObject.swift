/// A model a template looks names up in.
///
/// A typed page model conforms with a `switch` over its field names; the template engine never casts.
public protocol TemplateObject: Sendable {
    /// The value of `key`, or nil when this object has no field `key` (the look-up then goes on down the
    /// context stack).
    func value(forKey key: String) -> TemplateValue?
}
