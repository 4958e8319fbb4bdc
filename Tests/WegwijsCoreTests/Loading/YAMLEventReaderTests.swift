import Foundation
import Testing
import WegwijsTestSupport

@testable import WegwijsCore

/// The event reader: the marks it keeps (start and end: line, column, byte offset), aliases, the alias
/// budget, nesting, duplicate keys and scalars read by the schema.
@Suite struct YAMLEventReaderTests {
    /// The document of `text`, which must read without problems.
    func document(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> YAMLDocument {
        let (document, problems) = YAMLEventReader.read(text)
        #expect(problems == [], sourceLocation: sourceLocation)
        return try #require(document, sourceLocation: sourceLocation)
    }

    /// The first scalar event whose value is `value`, as "line:column+offset-line:column+offset" (0-based).
    func marks(of value: String, in text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> String {
        let document = try document(text, sourceLocation: sourceLocation)
        let index = try #require(
            document.events.indices.first { document.events[$0].kind == .scalar && document.value(at: $0) == value },
            sourceLocation: sourceLocation)
        let event = document.events[index]
        func describe(_ mark: YAMLMark) -> String { "\(mark.line):\(mark.column)+\(mark.offset)" }
        return "\(describe(event.start))-\(describe(event.end))"
    }

    /// Diagnostic headlines for `text` read as a file.
    func headlines(_ text: String) -> [String] {
        var diagnostics = Diagnostics()
        _ = YAMLFile.read(Data(text.utf8), displayPath: "f.yaml", diagnostics: &diagnostics)
        return diagnostics.sorted.map(\.headline)
    }

    // MARK: - Marks

    @Test func aPlainScalarEndsAfterItsLastCharacterInCharactersAndBytes() throws {
        // "Hello wörld" is 11 characters and 12 bytes.
        #expect(try marks(of: "Hello wörld", in: "title: Hello wörld\n") == "0:7+7-0:18+19")
    }

    @Test func aPlainScalarOverTwoLinesEndsOnTheSecond() throws {
        #expect(try marks(of: "one two", in: "a: one\n  two\nb: x\n") == "0:3+3-1:5+12")
    }

    @Test func quotedScalarsSpanTheirQuotes() throws {
        #expect(try marks(of: "x y", in: "a: \"x\n  y\"\n") == "0:3+3-1:4+10")
        #expect(try marks(of: "it's", in: "a: 'it''s'\n") == "0:3+3-0:10+10")
        #expect(try marks(of: "é\t", in: "a: \"\\u00e9\\t\"\n") == "0:3+3-0:13+13")
    }

    @Test func aBlockScalarStartsAtItsIndicatorAndEndsAfterItsLineBreaks() throws {
        #expect(try marks(of: "one\ntwo\n", in: "a: |\n  one\n  two\nb: x\n") == "0:3+3-3:0+17")
        #expect(try marks(of: "one two", in: "a: >-\n  one\n  two\n\nb: x\n") == "0:3+3-4:0+19")
    }

    @Test func crlfIsOneLineBreakAndTwoBytes() throws {
        #expect(try marks(of: "y", in: "a: x\r\nb: y\r\n") == "1:3+9-1:4+10")
    }

    @Test func aByteOrderMarkIsNotCountedInLinesColumnsOrOffsets() throws {
        var diagnostics = Diagnostics()
        let root = try #require(YAMLFile.read(Data([0xEF, 0xBB, 0xBF]) + Data("a: ü\nb: x\n".utf8), displayPath: "f.yaml", diagnostics: &diagnostics))
        guard case .mapping(let pairs) = root.content else { Issue.record("not a mapping"); return }
        let values = pairs.map(\.value.event)
        #expect(values.map(\.start) == [YAMLMark(line: 0, column: 3, offset: 3), YAMLMark(line: 1, column: 3, offset: 9)])
        #expect(values.map(\.end) == [YAMLMark(line: 0, column: 4, offset: 5), YAMLMark(line: 1, column: 4, offset: 10)])
    }

    @Test func collectionsPointAtTheirEndsSoSubtreesAreSkipped() throws {
        let document = try document("a: [1, [2, 3], {k: v}]\nb: x\n")
        let root = try #require(document.root)
        guard case .mapping(let pairs) = root.content else { Issue.record("not a mapping"); return }
        let entries = Array(pairs)
        #expect(entries.map { $0.key.scalar?.string } == ["a", "b"])
        guard case .sequence(let items) = entries[0].value.content else { Issue.record("not a list"); return }
        #expect(Array(items).map(\.event.kind) == [.scalar, .sequenceStart, .mappingStart])
        // The flow sequence's start event carries its whole extent, to just after ']'.
        #expect(entries[0].value.event.end == YAMLMark(line: 0, column: 22, offset: 22))
    }

    @Test func textsKeepTheirEndInTheModel() throws {
        let text = "title: {en: Add users, nl: \"Gebruikers\n  toevoegen\"}\nsteps:\n  - title: |\n      Één\n"
        let fixture = try ContentFixture(["procedures/portal/p.yaml": text])
        let procedure = try #require(fixture.open().session?.site.procedure("p"))
        let english = try #require(procedure.title.entry(in: "en")?.origin)
        #expect(english.startOffset == 12)
        #expect(english.end == TextOrigin.End(line: 1, column: 22, offset: 21))
        let dutch = try #require(procedure.title.entry(in: "nl")?.origin)
        #expect(dutch.location.line == 1 && dutch.location.column == 28)
        #expect(dutch.end == TextOrigin.End(line: 2, column: 13, offset: 51))
        guard case .step(let step) = procedure.steps.first else { Issue.record("no step"); return }
        let block = try #require(step.title.entry(in: "en")?.origin)
        #expect(block.style == .literal)
        // After the line break of "Één" (3 characters, 5 bytes): the end of the file.
        #expect(block.end == TextOrigin.End(line: 6, column: 1, offset: text.utf8.count))
    }

    // MARK: - Aliases and limits

    @Test func anAliasReadsAsItsNodeWithItsPosition() throws {
        let document = try document("a: &x {k: v}\nb: *x\n")
        guard case .mapping(let pairs) = try #require(document.root).content else { Issue.record("not a mapping"); return }
        let b = try #require(pairs.first { $0.key.scalar?.string == "b" }?.value)
        guard case .mapping(let inner) = b.content else { Issue.record("the alias is not the mapping"); return }
        #expect(inner.map { "\($0.key.scalar?.string ?? "?")=\($0.value.scalar?.string ?? "?")" } == ["k=v"])
        #expect(b.event.start == YAMLMark(line: 0, column: 3, offset: 3))
    }

    @Test func anUndefinedAliasIsASyntaxError() {
        #expect(headlines("a: *nowhere\n") == ["f.yaml:1:4: error: YAML syntax error: found undefined alias"])
        // An anchor is defined once its node is complete, as Yams composed it.
        #expect(headlines("a: &s [*s]\n") == ["f.yaml:1:8: error: YAML syntax error: found undefined alias"])
    }

    @Test func theBudgetCountsAnAliasAsTheSizeOfItsTarget() {
        // A list of 1,000 scalars is 1,001 nodes: 99 aliases to it fit in 100,000, the 100th does not.
        let list = "l: &l [" + Array(repeating: "x", count: 1_000).joined(separator: ", ") + "]\n"
        let fits = list + "a: [" + Array(repeating: "*l", count: 99).joined(separator: ", ") + "]\n"
        #expect(headlines(fits) == [])
        let over = list + "a: [" + Array(repeating: "*l", count: 100).joined(separator: ", ") + "]\n"
        #expect(headlines(over) == ["f.yaml:2:\(5 + 99 * 4): error: the alias '*l' makes the file expand to more than 100000 YAML nodes"])
        var budget = YAMLAliasBudget()
        let withinLimit = budget.spend(YAMLAliasBudget.limit)
        let overLimit = !budget.spend(1)
        #expect(withinLimit && overLimit)
    }

    @Test func nestingIsRefusedAtLibyamlsLimitInBlockAndFlowStyle() {
        let flow = "a: " + String(repeating: "[", count: 1_200) + String(repeating: "]", count: 1_200) + "\n"
        #expect(headlines(flow).allSatisfy { $0.hasSuffix("error: the YAML is nested more than 1000 levels deep") })
        #expect(headlines(flow).count == 1)
        let block = (0..<1_100).map { String(repeating: " ", count: $0) + "k\($0):" }.joined(separator: "\n") + " x\n"
        #expect(headlines(block).count == 1)
        #expect(headlines(block).allSatisfy { $0.hasSuffix("error: the YAML is nested more than 1000 levels deep") })
        let fine = (0..<900).map { String(repeating: " ", count: $0) + "k\($0):" }.joined(separator: "\n") + " x\n"
        #expect(headlines(fine) == [])
    }

    @Test func aSecondDocumentIsRefusedAsYamsRefusedIt() throws {
        var diagnostics = Diagnostics()
        #expect(YAMLFile.read(Data("a: 1\n---\nb: 2\n".utf8), displayPath: "f.yaml", diagnostics: &diagnostics) == nil)
        let diagnostic = try #require(diagnostics.sorted.first)
        #expect(diagnostic.headline == "f.yaml:2:1: error: YAML syntax error: but found another document")
        #expect(diagnostic.notes == ["expected a single document in the stream at line 1, column 1"])
    }

    @Test func syntaxErrorsKeepLibyamlsWordsAndContext() throws {
        var diagnostics = Diagnostics()
        _ = YAMLFile.read(Data("title: {en: Add\nsteps: [\n".utf8), displayPath: "f.yaml", diagnostics: &diagnostics)
        let diagnostic = try #require(diagnostics.sorted.first)
        #expect(diagnostic.headline == "f.yaml:2:6: error: YAML syntax error: did not find expected ',' or '}'")
        #expect(diagnostic.notes == ["while parsing a flow mapping at line 1, column 8"])
        #expect(headlines("a: b\u{1}\n") == ["f.yaml:1:5: error: cannot read the YAML: control characters are not allowed"])
    }

    // MARK: - Duplicate keys

    @Test func everyDuplicateKeyIsReportedAtItsSecondOccurrence() {
        #expect(headlines("a: 1\nb: {x: 1, y: 2, x: 3}\nc: [{k: 1, k: 2}]\na: 4\n") == [
            "f.yaml:2:17: error: duplicate key 'x' in this mapping",
            "f.yaml:3:12: error: duplicate key 'k' in this mapping",
            "f.yaml:4:1: error: duplicate key 'a' in this mapping",
        ])
        // The same key in two mappings, or as a value, is no duplicate; a quoted key is the same key.
        #expect(headlines("a: {k: k}\nb: {k: a}\n") == [])
        #expect(headlines("k: 1\n'k': 2\n") == ["f.yaml:2:1: error: duplicate key 'k' in this mapping"])
    }

    @Test func duplicatesInALargeMappingAreFoundByTheTable() {
        let keys = (1...20).map { "k\($0): \($0)" } + ["k3: again", "k20: again", "k21: new", "k21: again"]
        #expect(headlines(keys.joined(separator: "\n") + "\n") == [
            "f.yaml:21:1: error: duplicate key 'k3' in this mapping",
            "f.yaml:22:1: error: duplicate key 'k20' in this mapping",
            "f.yaml:24:1: error: duplicate key 'k21' in this mapping",
        ])
    }

    // MARK: - The schema

    @Test func scalarsAreStringsWhereTextsAreRead() throws {
        let fixture = try ContentFixture([
            "procedures/portal/p.yaml": "title: {en: 'on', nl: nee}\nsummary: ~\nsteps:\n  - title: {en: no, nl: ~}\n  - title: yes\n"
        ])
        let (session, diagnostics) = fixture.open()
        #expect(diagnostics.all.map(\.headline) == [])
        let procedure = try #require(session?.site.procedure("p"))
        #expect(procedure.title.entry(in: "en")?.value == "on")
        #expect(procedure.title.entry(in: "nl")?.value == "nee")
        #expect(procedure.summary == nil)
        let titles = procedure.steps.compactMap { entry -> [String?]? in
            guard case .step(let step) = entry else { return nil }
            return [step.title.entry(in: "en")?.value, step.title.entry(in: "nl")?.value]
        }
        #expect(titles == [["no", "~"], ["yes", "yes"]])
    }
}
