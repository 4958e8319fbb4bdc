/// Reads one typed line from a console: a whole line in plain mode, keys with echo and backspace in raw mode.
public enum LineEditor {
    /// What reading gave.
    public enum Result: Sendable, Equatable {
        case line(String)
        case endOfInput
        case interrupt
    }

    /// Reads until Enter; text is made safe for the terminal before it is echoed or returned.
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
                continue
            case .key(let key):
                switch key {
                case .enter:
                    console.write("\n")
                    return .line(typed)
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
