import WegwijsCore

/// Reads one typed line from a console: a whole line in plain mode, keys with echo and backspace in raw mode.
public enum LineEditor {
    /// What reading gave.
    public enum Result: Sendable, Equatable {
        case line(String)
        /// Esc in a terminal: leave the question without an answer.
        case escape
        /// The window changed size before anything was typed: the question is to be drawn again.
        case resize
        case endOfInput
        case interrupt
    }

    /// Reads until Enter; text is made safe for the terminal before it is echoed or returned.
    ///
    /// A resize while text is typed writes the prompt and the text again on a new line, so the line
    /// being edited is never left half-wrapped at the old width.
    public static func readLine(from console: RunConsole) -> Result {
        var typed = ""
        while true {
            switch console.nextInput() {
            case .line(let line):
                return .line(TerminalText.safe(line))
            case .endOfInput:
                return .endOfInput
            case .interrupt:
                return .interrupt
            case .resize:
                if typed.isEmpty { return .resize }
                console.write("\r\n> " + typed)
            case .key(let key):
                switch key {
                case .enter:
                    console.write("\n")
                    return .line(typed)
                case .escape:
                    console.write("\n")
                    return .escape
                case .backspace:
                    guard !typed.isEmpty else { continue }
                    let removed = typed.removeLast()
                    let width = max(1, TerminalText.displayWidth(String(removed)))
                    console.write(String(repeating: "\u{8} \u{8}", count: width))
                case .space:
                    typed += " "
                    console.write(" ")
                case .character(let character):
                    let safe = TerminalText.safe(String(character))
                    typed += safe
                    console.write(safe)
                default:
                    continue
                }
            }
        }
    }
}
