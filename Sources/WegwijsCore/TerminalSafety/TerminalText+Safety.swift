/// Text made safe for a terminal, and its width on screen.
extension TerminalText {
    /// `text` without control characters: C0 and C1 codes and DEL are shown as U+FFFD, so no escape
    /// sequence from content can reach the terminal. Tabs become a space; line breaks are kept only if asked.
    ///
    /// The bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) are shown as U+FFFD
    /// too: they reorder everything after them up to the end of the line ("Trojan Source"), so a text could
    /// make the runner's own words or a diagnostic read differently. The marks that languages need stay: the
    /// zero-width joiner and non-joiner (Persian, Indic scripts, emoji) and the left-to-right, right-to-left
    /// and Arabic letter marks, which affect only the neutral characters next to them. Line and paragraph
    /// separators (U+2028, U+2029) become a space, since terminals disagree about them.
    public static func safe(_ text: String, keepingNewlines: Bool = false) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0A where keepingNewlines: result.append(scalar)
            case 0x09, 0x2028, 0x2029: result.append(" ")
            case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: result.append("\u{FFFD}")
            default: result.append(scalar)
            }
        }
        return String(result)
    }

    /// Columns `text` takes in a terminal: wide East Asian characters and emoji count 2, combining marks 0.
    public static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + width(of: $1) }
    }

    /// Columns one scalar takes.
    public static func width(of scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value == 0 { return 0 }
        let properties = scalar.properties
        switch properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if value == 0x200B || (0x1160...0x11FF).contains(value) { return 0 }
        if properties.isEmojiPresentation { return 2 }
        let isWide =
            (0x1100...0x115F).contains(value) || (0x2E80...0x303E).contains(value) || (0x3041...0x33FF).contains(value)
            || (0x3400...0x4DBF).contains(value) || (0x4E00...0x9FFF).contains(value) || (0xA000...0xA4CF).contains(value)
            || (0xAC00...0xD7A3).contains(value) || (0xF900...0xFAFF).contains(value) || (0xFE30...0xFE4F).contains(value)
            || (0xFF00...0xFF60).contains(value) || (0xFFE0...0xFFE6).contains(value) || (0x20000...0x3FFFD).contains(value)
        return isWide ? 2 : 1
    }
}

extension TerminalText {
    /// `line` without the escape sequences this program writes (SGR styles `ESC [ … m` and OSC 8 hyperlinks
    /// `ESC ] … ESC \`): what the terminal shows, for measuring a styled line with ``displayWidth(_:)``.
    public static func removingEscapes(_ line: String) -> String {
        var result = String.UnicodeScalarView()
        var scalars = line.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            guard scalar == "\u{1B}" else {
                result.append(scalar)
                continue
            }
            switch scalars.next() {
            case "[":
                // A control sequence ends at its final byte, 0x40...0x7E.
                while let next = scalars.next(), !(0x40...0x7E).contains(next.value) {}
            case "]":
                // An operating system command ends at ST (ESC \) or BEL.
                var previous: Unicode.Scalar = " "
                while let next = scalars.next() {
                    if next == "\u{07}" || (previous == "\u{1B}" && next == "\\") { break }
                    previous = next
                }
            default:
                break
            }
        }
        return String(result)
    }
}
