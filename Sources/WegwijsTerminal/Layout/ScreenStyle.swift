import WegwijsCore

/// The runner's own emphasis: headings, badges, warnings. Escape sequences only when colours are on;
/// without them meaning is carried by words and characters ("!! WARNING !!"), never by colour alone.
struct ScreenStyle: Sendable {
    let usesColor: Bool

    func heading(_ text: String) -> String { SGR.bold.apply(to: text, when: usesColor) }
    func strong(_ text: String) -> String { SGR.bold.apply(to: text, when: usesColor) }
    func dim(_ text: String) -> String { SGR.dim.apply(to: text, when: usesColor) }
    func badge(_ text: String) -> String { usesColor ? SGR.badge.apply(to: " \(text) ", when: true) : "[\(text)]" }
    func warning(_ text: String) -> String { SGR.alarm.apply(to: text, when: usesColor) }
    /// The bar in front of each line of a warning.
    func warningBar() -> String { usesColor ? SGR.boldRed.apply(to: "┃", when: true) : "!" }
}
