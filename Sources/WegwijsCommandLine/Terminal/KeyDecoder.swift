import WegwijsCore

/// Turns the bytes a terminal in raw mode sends into keys and control requests.
///
/// The decoder does no I/O: it is fed whatever one `read(2)` returned and answers with the events in it.
/// A sequence cut off at the end of a read (an escape sequence, a multibyte character) is kept until
/// the next feed; when nothing more arrives for a moment, the reader calls `flush()`, which turns a lone
/// Escape into `.escape` and drops a truncated sequence.
///
/// What it understands:
/// - CR, LF and CR LF are Enter; 0x7F and 0x08 are Backspace; space is Space.
/// - `ESC [ … final` (CSI) and `ESC O … final` (SS3) sequences are read whole: A, B, C and D are the arrows
///   (with or without modifier parameters), anything else (function keys, Home, focus reports) is swallowed
///   so that none of its bytes turn into characters. The Linux console's `ESC [ [ A` (F1) is swallowed too.
/// - `ESC` followed by a printable ASCII byte is an Alt combination and swallowed; followed by anything
///   else it is Escape, and the next byte is decoded on its own.
/// - UTF-8 characters become one `.character` each, combining marks joined to their base; bytes that are
///   not valid UTF-8 and C1 control characters are ignored.
/// - Ctrl-C (and Ctrl-\\) are `.interrupt`, Ctrl-D is `.endOfInput`, Ctrl-Z is `.suspend`; every other
///   control byte (Tab included) is ignored.
public struct KeyDecoder: Sendable {
    /// One thing the admin did at the keyboard.
    public enum Event: Sendable, Equatable {
        /// A key for the runner.
        case key(RunKey)
        /// Ctrl-C or Ctrl-\\: stop, save, exit with status 130.
        case interrupt
        /// Ctrl-D: the same as standard input being closed.
        case endOfInput
        /// Ctrl-Z: give the terminal back and stop the job until `fg`.
        case suspend
    }

    /// Bytes of a sequence that a later read may complete.
    private var pending: [UInt8] = []

    /// A decoder with nothing pending.
    public init() {}

    /// Whether a sequence is waiting for more bytes (the reader should call `flush()` if none come soon).
    public var hasPendingBytes: Bool { !pending.isEmpty }

    /// The events in `bytes`, read after whatever was pending; an unfinished sequence at the end is kept.
    public mutating func decode(_ bytes: some Sequence<UInt8>) -> [Event] {
        pending.append(contentsOf: bytes)
        let (events, consumed) = Self.scan(pending, isFinal: false)
        pending.removeFirst(consumed)
        return events
    }

    /// Ends what is pending: a lone Escape becomes `.escape`, a truncated sequence is dropped.
    public mutating func flush() -> [Event] {
        let (events, _) = Self.scan(pending, isFinal: true)
        pending.removeAll()
        return events
    }

    /// Forgets what is pending, as when typed-ahead keys are discarded.
    public mutating func reset() {
        pending.removeAll()
    }

    /// The events in `bytes` taken as complete input (decode, then flush).
    public static func events(in bytes: [UInt8]) -> [Event] {
        var decoder = KeyDecoder()
        return decoder.decode(bytes) + decoder.flush()
    }

    // MARK: - Scanning

    /// Decodes `bytes` from the start; returns the events and how many bytes were used. When `isFinal` is
    /// false, decoding stops before a sequence that may still be completed.
    private static func scan(_ bytes: [UInt8], isFinal: Bool) -> (events: [Event], consumed: Int) {
        var events: [Event] = []
        // Printable scalars are gathered so that a base and its combining marks become one Character.
        var text = String.UnicodeScalarView()
        func endText() {
            guard !text.isEmpty else { return }
            for character in String(text) { events.append(.key(.character(character))) }
            text.removeAll()
        }

        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case 0x1B:
                endText()
                switch escapeSequence(in: bytes, at: index) {
                case .incomplete:
                    if isFinal {
                        // Only a lone ESC is the Escape key; a truncated sequence is noise.
                        if index + 1 == bytes.count { events.append(.key(.escape)) }
                        return (events, bytes.count)
                    }
                    return (events, index)
                case .escapeKey:
                    events.append(.key(.escape))
                    index += 1
                case .sequence(let length, let key):
                    if let key { events.append(.key(key)) }
                    index += length
                }
            case 0x0D:
                endText()
                events.append(.key(.enter))
                // CR LF (pasted Windows text) is one Enter, not two.
                index += index + 1 < bytes.count && bytes[index + 1] == 0x0A ? 2 : 1
            case 0x0A:
                endText()
                events.append(.key(.enter))
                index += 1
            case 0x20:
                endText()
                events.append(.key(.space))
                index += 1
            case 0x7F, 0x08:
                endText()
                events.append(.key(.backspace))
                index += 1
            case 0x03, 0x1C:
                endText()
                events.append(.interrupt)
                index += 1
            case 0x04:
                endText()
                events.append(.endOfInput)
                index += 1
            case 0x1A:
                endText()
                events.append(.suspend)
                index += 1
            case 0x00...0x1F:
                endText()
                index += 1
            case 0x21...0x7E:
                text.append(Unicode.Scalar(byte))
                index += 1
            default:
                switch utf8Scalar(in: bytes, at: index) {
                case .incomplete:
                    endText()
                    return (events, isFinal ? bytes.count : index)
                case .invalid:
                    index += 1
                case .scalar(let scalar, let length):
                    // C1 controls (U+0080…U+009F) are as unwelcome as C0 ones.
                    if !(0x80...0x9F).contains(scalar.value) { text.append(scalar) }
                    index += length
                }
            }
        }
        endText()
        return (events, bytes.count)
    }

    // MARK: - Escape sequences

    private enum EscapeScan {
        /// More bytes are needed to know.
        case incomplete
        /// ESC stands alone; decode the next byte by itself.
        case escapeKey
        /// A whole sequence of `length` bytes, which is `key` or nothing the runner needs.
        case sequence(length: Int, key: RunKey?)
    }

    /// What the ESC at `start` begins.
    private static func escapeSequence(in bytes: [UInt8], at start: Int) -> EscapeScan {
        let next = start + 1
        guard next < bytes.count else { return .incomplete }
        switch bytes[next] {
        case UInt8(ascii: "["):
            // The Linux console sends F1…F5 as ESC [ [ A…E: a '[' where the parameters would start.
            if next + 1 < bytes.count, bytes[next + 1] == UInt8(ascii: "[") {
                return next + 2 < bytes.count ? .sequence(length: 4, key: nil) : .incomplete
            }
            return controlSequence(in: bytes, from: start, parametersAt: next + 1)
        case UInt8(ascii: "O"):
            return controlSequence(in: bytes, from: start, parametersAt: next + 1)
        case 0x20...0x7E:
            return .sequence(length: 2, key: nil)
        default:
            return .escapeKey
        }
    }

    /// A CSI or SS3 sequence: parameter bytes 0x30…0x3F, intermediate bytes 0x20…0x2F, one final byte
    /// 0x40…0x7E (ECMA-48). A byte outside those ranges ends the sequence early; it is swallowed up to
    /// that byte, which is then decoded by itself (so a Ctrl-C inside a garbled sequence still counts).
    private static func controlSequence(in bytes: [UInt8], from start: Int, parametersAt first: Int) -> EscapeScan {
        var index = first
        while index < bytes.count, (0x30...0x3F).contains(bytes[index]) { index += 1 }
        while index < bytes.count, (0x20...0x2F).contains(bytes[index]) { index += 1 }
        guard index < bytes.count else { return .incomplete }
        let final = bytes[index]
        guard (0x40...0x7E).contains(final) else { return .sequence(length: index - start, key: nil) }
        let key: RunKey? =
            switch final {
            case UInt8(ascii: "A"): .up
            case UInt8(ascii: "B"): .down
            case UInt8(ascii: "C"): .right
            case UInt8(ascii: "D"): .left
            default: nil
            }
        return .sequence(length: index + 1 - start, key: key)
    }

    // MARK: - UTF-8

    private enum UTF8Scan {
        case incomplete
        case invalid
        case scalar(Unicode.Scalar, length: Int)
    }

    /// The scalar whose UTF-8 encoding starts at `start`, checked by the standard library's validation
    /// (overlong forms, surrogates and values past U+10FFFF are invalid).
    private static func utf8Scalar(in bytes: [UInt8], at start: Int) -> UTF8Scan {
        let length: Int
        switch bytes[start] {
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return .invalid
        }
        let available = min(length, bytes.count - start)
        for offset in 1..<available where !(0x80...0xBF).contains(bytes[start + offset]) { return .invalid }
        guard available == length else { return .incomplete }
        guard let decoded = String(validating: bytes[start..<start + length], as: UTF8.self),
            let scalar = decoded.unicodeScalars.first
        else { return .invalid }
        return .scalar(scalar, length: length)
    }
}
