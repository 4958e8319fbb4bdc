/// A name a tag looks up, split at its dots when the template is compiled.
struct Name: Sendable, Hashable {
    /// The parts between the dots; none for `.`, the top of the context stack.
    let parts: [String]
    /// Whether the name began with a dot (`.title`): its first part is then looked up in the top of the
    /// stack only, as swift-mustache did.
    let isAnchored: Bool

    /// The name written as `text` (already trimmed): `.` is the top of the stack, `a.b.c` is `a` looked up
    /// down the stack and `b`, then `c`, inside it. Empty parts are dropped, as swift-mustache dropped them.
    init(_ text: String) {
        isAnchored = text.hasPrefix(".")
        parts = text.split(separator: ".").map(String.init)
    }
}
