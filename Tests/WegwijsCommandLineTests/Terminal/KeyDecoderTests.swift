import Testing
import WegwijsCommandLine
import WegwijsCore

/// The bytes a terminal sends, decoded into keys without a terminal.
@Suite struct KeyDecoderTests {
    typealias Event = KeyDecoder.Event

    func keys(_ bytes: [UInt8]) -> [Event] { KeyDecoder.events(in: bytes) }
    func keys(_ text: String) -> [Event] { KeyDecoder.events(in: Array(text.utf8)) }
    func characters(_ text: String) -> [Event] { text.map { .key(.character($0)) } }

    // MARK: - Plain keys

    @Test func enterIsCarriageReturnOrLineFeedAndCRLFCountsOnce() {
        #expect(keys([0x0D]) == [.key(.enter)])
        #expect(keys([0x0A]) == [.key(.enter)])
        #expect(keys([0x0D, 0x0A]) == [.key(.enter)])
        #expect(keys([0x0D, 0x0D]) == [.key(.enter), .key(.enter)])
        #expect(keys([0x0A, 0x0A]) == [.key(.enter), .key(.enter)])
    }

    @Test func spaceBackspaceAndLetters() {
        #expect(keys(" ") == [.key(.space)])
        #expect(keys([0x7F]) == [.key(.backspace)])
        #expect(keys([0x08]) == [.key(.backspace)])
        #expect(keys("bsq?") == characters("bsq?"))
        #expect(keys("B") == [.key(.character("B"))])
        #expect(keys("a b") == [.key(.character("a")), .key(.space), .key(.character("b"))])
    }

    @Test func controlKeysBecomeRequests() {
        #expect(keys([0x03]) == [.interrupt])
        #expect(keys([0x1C]) == [.interrupt])
        #expect(keys([0x04]) == [.endOfInput])
        #expect(keys([0x1A]) == [.suspend])
        #expect(keys([0x61, 0x03, 0x62]) == [.key(.character("a")), .interrupt, .key(.character("b"))])
    }

    @Test func otherControlBytesAreIgnored() {
        #expect(keys([0x00, 0x01, 0x07, 0x09, 0x0B, 0x0C, 0x1F]) == [])
        #expect(keys([0x09, 0x71]) == [.key(.character("q"))])
    }

    // MARK: - Escape sequences

    @Test func arrowsInBothEncodings() {
        #expect(keys("\u{1B}[A\u{1B}[B\u{1B}[C\u{1B}[D") == [.key(.up), .key(.down), .key(.right), .key(.left)])
        #expect(keys("\u{1B}OA\u{1B}OB\u{1B}OC\u{1B}OD") == [.key(.up), .key(.down), .key(.right), .key(.left)])
        // With a modifier (Ctrl-Left) the arrow is still an arrow.
        #expect(keys("\u{1B}[1;5D") == [.key(.left)])
    }

    @Test func otherSequencesAreSwallowedWhole() {
        // Delete, Home, F5, F1 (SS3), shifted F1, a focus report, the Linux console's F1, bracketed paste marks.
        for sequence in ["\u{1B}[3~", "\u{1B}[H", "\u{1B}[15~", "\u{1B}OP", "\u{1B}O2P", "\u{1B}[I", "\u{1B}[[A", "\u{1B}[200~"] {
            #expect(keys(sequence) == [], "\(sequence.debugDescription) leaked")
            #expect(keys(sequence + "q") == [.key(.character("q"))], "\(sequence.debugDescription) ate the next key")
        }
    }

    @Test func escapeAloneIsTheEscapeKey() {
        #expect(keys([0x1B]) == [.key(.escape)])
        #expect(keys([0x1B, 0x1B]) == [.key(.escape), .key(.escape)])
        // ESC then a control byte: Escape, and the control byte keeps its meaning.
        #expect(keys([0x1B, 0x03]) == [.key(.escape), .interrupt])
        #expect(keys([0x1B, 0x0D]) == [.key(.escape), .key(.enter)])
    }

    @Test func altCombinationsAreSwallowed() {
        #expect(keys("\u{1B}b") == [])
        #expect(keys("\u{1B}qx") == [.key(.character("x"))])
    }

    @Test func aBrokenSequenceStopsAtTheFirstForeignByte() {
        // A Ctrl-C in the middle of a garbled CSI still interrupts.
        #expect(keys([0x1B, 0x5B, 0x31, 0x03]) == [.interrupt])
    }

    // MARK: - Reads that end mid-sequence

    @Test func aSequenceSplitAcrossReadsIsJoined() {
        var decoder = KeyDecoder()
        #expect(decoder.decode([0x1B]) == [])
        #expect(decoder.hasPendingBytes)
        #expect(decoder.decode([0x5B]) == [])
        #expect(decoder.decode([0x41, 0x71]) == [.key(.up), .key(.character("q"))])
        #expect(!decoder.hasPendingBytes)
    }

    @Test func flushEndsALoneEscapeAndDropsATruncatedSequence() {
        var decoder = KeyDecoder()
        #expect(decoder.decode([0x71, 0x1B]) == [.key(.character("q"))])
        #expect(decoder.flush() == [.key(.escape)])
        #expect(decoder.decode([0x1B, 0x5B, 0x31]) == [])
        #expect(decoder.flush() == [])
        #expect(decoder.decode([0xC3]) == [])
        #expect(decoder.flush() == [])
        #expect(!decoder.hasPendingBytes)
        #expect(decoder.decode("n".utf8) == [.key(.character("n"))])
    }

    @Test func resetForgetsWhatIsPending() {
        var decoder = KeyDecoder()
        _ = decoder.decode([0x1B, 0x5B])
        decoder.reset()
        #expect(decoder.decode([0x41]) == [.key(.character("A"))])
    }

    // MARK: - UTF-8

    @Test func multibyteCharactersAreOneKeyEach() {
        #expect(keys("é") == [.key(.character("é"))])
        #expect(keys("ü") == [.key(.character("ü"))])
        #expect(keys("😀") == [.key(.character("😀"))])
        #expect(keys("日本") == characters("日本"))
        // A base letter and a combining accent are one character, as Swift counts them.
        #expect(keys("e\u{301}") == [.key(.character("e\u{301}"))])
    }

    @Test func aMultibyteCharacterSplitAcrossReadsIsJoined() {
        let bytes = Array("😀".utf8)
        var decoder = KeyDecoder()
        #expect(decoder.decode(bytes[0..<1]) == [])
        #expect(decoder.decode(bytes[1..<3]) == [])
        #expect(decoder.decode(bytes[3...]) == [.key(.character("😀"))])
    }

    @Test func invalidUTF8IsIgnored() {
        #expect(keys([0xFF, 0x71]) == [.key(.character("q"))])
        #expect(keys([0x80, 0xBF]) == [])
        // An overlong '/' and a UTF-16 surrogate encoded in UTF-8.
        #expect(keys([0xC0, 0xAF, 0x61]) == [.key(.character("a"))])
        #expect(keys([0xED, 0xA0, 0x80, 0x62]) == [.key(.character("b"))])
        // A lead byte whose continuation never comes, followed by ASCII.
        #expect(keys([0xC3, 0x61]) == [.key(.character("a"))])
        // The C1 control U+009B (an 8-bit CSI) encoded in UTF-8.
        #expect(keys([0xC2, 0x9B, 0x41]) == [.key(.character("A"))])
    }
}
