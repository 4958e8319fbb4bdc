import Foundation
import Testing
import WegwijsCore

/// Fingerprints of source texts and the record file that keeps them.
@Suite struct TranslationRecordsTests {
    @Test func reflowingAndYAMLStylesDoNotChangeTheFingerprint() {
        let original = "Fill in the account number,\nthen click [](term:save).\n"
        #expect(TextFingerprint.of(original) == TextFingerprint.of("Fill in the account number, then click [](term:save)."))
        #expect(TextFingerprint.of(original) == TextFingerprint.of("Fill in the   account number,\r\nthen click [](term:save).  \n\n\n"))
        #expect(TextFingerprint.of(original) != TextFingerprint.of("Fill in the account number, then click [](term:cancel)."))
        #expect(TextFingerprint.of(original) != TextFingerprint.of("Fill in the customer number, then click [](term:save)."))
        #expect(TextFingerprint.of("One.\n\nTwo.") != TextFingerprint.of("One. Two."))
        #expect(TextFingerprint.of("- one\n- two") != TextFingerprint.of("- one - two"))
        #expect(TextFingerprint.of(original).count == 16)
    }

    @Test func verdictsFollowTheSourceText() {
        var records = TranslationRecords()
        #expect(records.verdict(place: "a/title", language: "nl", source: "Add") == .unrecorded)
        records.record(place: "a/title", language: "nl", source: "Add users")
        #expect(records.verdict(place: "a/title", language: "nl", source: "Add users\n") == .current)
        #expect(records.verdict(place: "a/title", language: "nl", source: "Add people") == .outdated(previousSource: "Add users"))
        #expect(records.verdict(place: "a/title", language: "fr", source: "Add users") == .unrecorded)
    }

    @Test func theFileIsSortedAndReadsBack() {
        var records = TranslationRecords()
        records.record(place: "b/title", language: "nl", source: "B \"quoted\"\nline")
        records.record(place: "a/title", language: "nl", source: "A")
        records.record(place: "a/title", language: "de", source: "A")
        let lines = records.fileText.split(separator: "\n").filter { !$0.hasPrefix("#") }
        #expect(lines.map { $0.split(separator: " ").prefix(2).joined(separator: " ") } == ["a/title de", "a/title nl", "b/title nl"])
        #expect(lines.last?.hasSuffix(" \"B \\\"quoted\\\"\\nline\"") == true)
        var diagnostics = Diagnostics()
        let read = TranslationRecords(fileText: records.fileText, file: "translated-from.txt", diagnostics: &diagnostics)
        #expect(diagnostics.all.isEmpty)
        #expect(read.fileText == records.fileText)
    }

    @Test func twoLinesForOneTextAfterAMergeCountAsCurrentIfEitherMatches() {
        let text = """
            a/title nl \(TextFingerprint.of("Add users")) "Add users"
            a/title nl \(TextFingerprint.of("Add people")) "Add people"

            """
        var diagnostics = Diagnostics()
        var records = TranslationRecords(fileText: text, file: "t.txt", diagnostics: &diagnostics)
        #expect(records.verdict(place: "a/title", language: "nl", source: "Add users") == .current)
        #expect(records.verdict(place: "a/title", language: "nl", source: "Add people") == .current)
        records.record(place: "a/title", language: "nl", source: "Add people")
        #expect(records.fileText.components(separatedBy: "a/title nl").count == 2)
    }

    @Test func unreadableLinesAreWarningsAndLeftOut() {
        var diagnostics = Diagnostics()
        let records = TranslationRecords(
            fileText: "# comment\na/title nl 0123456789abcdef \"ok\"\nbroken line\nb/title nl 0123456789abcdef \"open\n",
            file: "content/translated-from.txt", diagnostics: &diagnostics)
        #expect(records.count == 1)
        #expect(diagnostics.sorted.map(\.headline) == [
            "content/translated-from.txt:3:1: warning: ignored: not a line of the form 'place language fingerprint \"source\"'",
            "content/translated-from.txt:4:1: warning: ignored: the source text cannot be read: the string has no closing quote",
        ])
    }
}
