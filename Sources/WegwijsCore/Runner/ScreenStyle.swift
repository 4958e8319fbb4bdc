/// The runner's own emphasis: headings, badges, warnings. Escape sequences only when colours are on;
/// without them meaning is carried by words and characters ("!! WARNING !!"), never by colour alone.
struct ScreenStyle: Sendable {
    let usesColor: Bool

    func heading(_ text: String) -> String { wrap(text, "1") }
    func strong(_ text: String) -> String { wrap(text, "1") }
    func dim(_ text: String) -> String { wrap(text, "2") }
    func badge(_ text: String) -> String { usesColor ? wrap(" \(text) ", "1;30;43") : "[\(text)]" }
    func warning(_ text: String) -> String { wrap(text, "1;97;41") }
    /// The bar in front of each line of a warning.
    func warningBar() -> String { usesColor ? wrap("┃", "1;31") : "!" }

    func wrap(_ text: String, _ code: String) -> String {
        usesColor ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
