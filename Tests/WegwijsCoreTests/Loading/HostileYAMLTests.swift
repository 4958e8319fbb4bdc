import Foundation
import Testing
import WegwijsTestSupport

@testable import WegwijsCore

/// YAML written to break the loader: alias bombs, deep nesting, huge texts, odd files. Each ends in a
/// diagnostic at the right place, never a crash, a hang or a flood.
@Suite struct HostileYAMLTests {
    static let steps = "steps: [{title: {en: S, nl: S}}]\n"

    /// "Billion laughs": nine levels of nine aliases would be 387 million nodes once expanded.
    @Test func aliasBombIsRefusedAtTheAliasThatGoesOverTheBudget() throws {
        var lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        for level in 1...9 {
            lines.append("a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]")
        }
        lines.append("? *a9\n: x")
        let fixture = try ContentFixture(["procedures/portal/bomb.yaml": lines.joined(separator: "\n") + "\n"])
        // Levels 1 to 4 add 90 + 819 + 7,380 + 66,429 nodes; the first alias of level 5 (66,430 more) goes over.
        #expect(fixture.diagnosticLines() == [
            "procedures/portal/bomb.yaml:6:10: error: the alias '*a4' makes the file expand to more than 100000 YAML nodes"
        ])
    }

    @Test func aFewAliasesAreFine() throws {
        let text = "title: &t {en: Same, nl: Zelfde}\nsteps:\n  - title: *t\n  - title: *t\n"
        let fixture = try ContentFixture(["procedures/portal/p.yaml": text])
        #expect(fixture.diagnosticLines() == [])
    }

    @Test func nestingTwentyThousandDeepIsRefusedInEveryStyle() throws {
        let flow = "title: " + String(repeating: "[", count: 20_000) + String(repeating: "]", count: 20_000) + "\n" + Self.steps
        let mappings = "title: " + String(repeating: "{a: ", count: 20_000) + "1" + String(repeating: "}", count: 20_000) + "\n"
        let block = "title:\n" + (0..<2_000).map { String(repeating: " ", count: $0 + 1) + "- " }.joined(separator: "\n") + "x\n"
        let compact = "title: " + String(repeating: "- ", count: 20_000) + "x\n"
        let fixture = try ContentFixture([
            "procedures/portal/flow.yaml": flow, "procedures/portal/mappings.yaml": mappings,
            "procedures/portal/block.yaml": block, "procedures/portal/compact.yaml": compact,
        ])
        let lines = fixture.diagnosticLines()
        #expect(lines.count == 4)
        #expect(lines.allSatisfy { $0.hasSuffix("error: the YAML is nested more than 1000 levels deep") || $0.contains("YAML syntax error") }, "\(lines)")
        #expect(lines.first { $0.hasPrefix("procedures/portal/flow.yaml") } == "procedures/portal/flow.yaml:1:9: error: the YAML is nested more than 1000 levels deep")
    }

    @Test func nestingJustUnderTheLimitLoadsAndReportsTheUnknownKey() throws {
        let deep = "x: " + String(repeating: "[", count: 990) + String(repeating: "]", count: 990) + "\n"
        let fixture = try ContentFixture(["procedures/portal/p.yaml": "title: T\n" + Self.steps + deep])
        #expect(fixture.diagnosticLines() == ["procedures/portal/p.yaml:3:1: error: unknown key 'x' in procedure 'p'"])
    }

    @Test func aTenMegabyteTextLoads() throws {
        let words = String(repeating: "word ", count: 2_000_000)
        let fixture = try ContentFixture(["procedures/portal/big.yaml": "title: T\nsteps:\n  - title: S\n    text: \"\(words)\"\n"])
        let (session, diagnostics) = fixture.open()
        #expect(diagnostics.all.isEmpty)
        let step = try #require(session?.site.procedure("big")?.steps.first)
        guard case .step(let loaded) = step else { Issue.record("not a step"); return }
        #expect(loaded.text?.entry(in: "en")?.value.utf8.count == words.utf8.count)
    }

    @Test func keysOfTheWrongTypeEverywhere() throws {
        let fixture = try ContentFixture([
            "site.yaml": ContentFixture.siteYAML + "[a, b]: x\n",
            "glossary.yaml": "[save]: {en: Save, nl: Opslaan}\nok: {[en]: x, nl: y}\n",
            "procedures/portal/p.yaml": """
                {x: 1}: y
                title: {en: T, nl: T, [nl]: T}
                steps:
                  - title: S
                    {a: b}: c
                    notes: [{[type]: tip, text: x}]
                    figure: {[src]: a.svg, alt: A}
                inputs: [{id: a, label: A, [1, 2]: 3}]

                """,
        ])
        #expect(fixture.diagnosticLines() == [
            "glossary.yaml:1:1: error: glossary key must be a string, not a list",
            "glossary.yaml:2:1: warning: glossary term 'ok' is not used by any text",
            "glossary.yaml:2:5: warning: untranslated: no 'en' text",
            "glossary.yaml:2:6: error: a language in the label of 'ok' must be a code such as 'en'",
            "procedures/portal/p.yaml:1:1: error: a key in procedure 'p' must be a plain name",
            "procedures/portal/p.yaml:2:23: error: a language in the title must be a code such as 'en'",
            "procedures/portal/p.yaml:5:5: error: a key in step 1 must be a plain name",
            "procedures/portal/p.yaml:6:14: error: a key in a note must be a plain name",
            "procedures/portal/p.yaml:7:13: error: the figure has no 'src'",
            "procedures/portal/p.yaml:7:14: error: a key in the figure must be a plain name",
            "procedures/portal/p.yaml:8:28: error: a key in an input must be a plain name",
            "site.yaml:10:1: error: a key in site.yaml must be a plain name",
        ])
    }

    @Test func byteOrderMarkAndCRLFKeepLinesAndColumns() throws {
        let fixture = try ContentFixture([:])
        let text = "title: {en: T, nl: T}\r\nsteps:\r\n  - title: S\r\n    text: 'See [](ref:nowhere).'\r\n    colour: red\r\n"
        try fixture.write(Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8), to: "procedures/portal/p.yaml")
        #expect(fixture.diagnosticLines() == [
            "procedures/portal/p.yaml:4:16: error: reference to unknown procedure 'nowhere'",
            "procedures/portal/p.yaml:5:5: error: unknown key 'colour' in step 1",
        ])
    }

    @Test func pipesDevicesAndDanglingLinksAreReportedNotRead() throws {
        let fixture = try ContentFixture(["procedures/portal/ok.yaml": "title: T\n" + Self.steps])
        let folder = fixture.content.appendingPathComponent("procedures/portal")
        // Tests run as root here, so chmod 000 would not stop a read: a FIFO without a writer would block
        // a reader forever, and /dev/zero never ends.
        #expect(mkfifo(folder.appendingPathComponent("pipe.yaml").path, 0o644) == 0)
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("zero.yaml").path, withDestinationPath: "/dev/zero")
        try FileManager.default.createSymbolicLink(atPath: fixture.content.appendingPathComponent("glossary.yaml").path, withDestinationPath: "/dev/zero")
        #expect(fixture.diagnosticLines() == [
            "glossary.yaml:1:1: error: this is not a regular file (a pipe, socket or device)",
            "procedures/portal/pipe.yaml:1:1: error: this is not a regular file (a pipe, socket or device)",
            "procedures/portal/zero.yaml:1:1: error: this is not a regular file (a pipe, socket or device)",
        ])
    }

    /// FuzzYAMLReader's first finding: at the end of a text without a final line break libyaml marks a line
    /// after the last. End marks are kept on the last line (starts stay libyaml's, as diagnostics use them).
    @Test func endMarksAtTheEndOfAFileWithoutALineBreakAreOnItsLastLine() throws {
        let found = "pl [1, 2' onx, yeorC &title:\n  ena yx:: Add  5sy"
        let (document, problems) = YAMLEventReader.read(found)
        #expect(problems == [])
        let events = try #require(document?.events)
        #expect(events.allSatisfy { $0.end.line <= 1 && Int($0.end.offset) <= found.utf8.count })
        #expect(events.first?.end == YAMLMark(line: 1, column: 19, offset: UInt32(found.utf8.count)))

        let text = "title: T\nsteps:\n  - title: |\n      Één"
        let fixture = try ContentFixture(["procedures/portal/p.yaml": text])
        let procedure = try #require(fixture.open().session?.site.procedure("p"))
        guard case .step(let step) = procedure.steps.first else { Issue.record("no step"); return }
        #expect(step.title.entry(in: "en")?.origin.end == TextOrigin.End(line: 4, column: 10, offset: text.utf8.count))
    }

    /// Differences with Yams found by reading 1,500 mutated procedures with both: a control character after
    /// multi-byte characters was placed too far left (Yams turned libyaml's byte offset into a count of
    /// Characters, which the loader took for bytes); a byte order mark starting a value is dropped, as
    /// Foundation dropped it for Yams.
    @Test func controlCharactersAfterMultiByteCharactersAndByteOrderMarksInValues() throws {
        var diagnostics = Diagnostics()
        _ = YAMLFile.read(Data("title: é€\u{1}\n".utf8), displayPath: "f.yaml", diagnostics: &diagnostics)
        #expect(diagnostics.sorted.map(\.headline) == ["f.yaml:1:10: error: cannot read the YAML: control characters are not allowed"])
        let fixture = try ContentFixture(["procedures/portal/p.yaml": "title:\n  \u{FEFF}en: T\n  nl: T\n" + Self.steps])
        #expect(fixture.diagnosticLines() == [])
    }

    @Test func aDiagnosticOnAHugeLineShowsAnExcerptAroundTheCaret() {
        let line = String(repeating: "[", count: 5_000) + "x" + String(repeating: "]", count: 5_000)
        let diagnostic = Diagnostic(.error, "test", at: SourceLocation(file: "f.yaml", line: 1, column: 5_001), "here")
        let text = DiagnosticFormatter(usesColor: false, sourceLine: { _ in line }).text(diagnostic)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines[1].count < 140)
        let caret = Array(lines[2]).firstIndex(of: "^")
        #expect(caret.map { Array(lines[1])[$0] } == "x")
    }
}
