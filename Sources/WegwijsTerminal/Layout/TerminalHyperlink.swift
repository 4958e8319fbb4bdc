import WegwijsCore

/// OSC 8 hyperlinks (`ESC ] 8 ; ; URL ESC \` text `ESC ] 8 ; ; ESC \`), with addresses made safe.
///
/// The address comes from content, so it must not be able to end the sequence early or start another:
/// an address with any control character is refused, and everything outside printable ASCII
/// (spaces, non-ASCII letters) is percent-encoded as UTF-8, as the OSC 8 convention asks.
enum TerminalHyperlink {
    /// The address to write for `destination`, or nil when it may not be a hyperlink.
    static func address(for destination: String) -> String? {
        guard !destination.isEmpty else { return nil }
        var address = ""
        for scalar in destination.unicodeScalars {
            switch scalar.value {
            case 0x00...0x1F, 0x7F...0x9F:
                return nil
            case 0x21...0x7E:
                address.unicodeScalars.append(scalar)
            default:
                for byte in String(scalar).utf8 { address += "%" + hex(byte) }
            }
        }
        return address
    }

    /// The sequence that starts a hyperlink to `address` (an answer of ``address(for:)``).
    static func open(_ address: String) -> String {
        "\u{1B}]8;;\(address)\u{1B}\\"
    }

    /// The sequence that ends a hyperlink.
    static let close = "\u{1B}]8;;\u{1B}\\"

    /// Two upper-case hexadecimal digits.
    static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }
}
