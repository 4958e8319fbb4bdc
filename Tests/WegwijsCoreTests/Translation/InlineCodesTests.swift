import Foundation
import Testing
@testable import WegwijsCore

@Suite struct InlineCodesTests {
    func described(_ text: String) -> String {
        SegmentedText(commonMark: text).pieces.map { piece in
            switch piece {
            case .text(let value): value
            case .code(let code): "{\(code.role == .placeholder ? "" : code.role == .opening ? "<" : ">")\(code.id):\(code.native)}"
            }
        }.joined()
    }

    @Test func markupBecomesCodesAndTheTextComesBackByteForByte() {
        #expect(described("Click [](term:save) now.") == "Click {1:[](term:save)} now.")
        #expect(described("See [the *guide*](https://example.com/a_(b)) first") == "See {<1:[}the {<2:*}guide{>2:*}{>1:](https://example.com/a_(b))} first")
        #expect(described("**Bold** and _it_ and `co*de`") == "{<1:**}Bold{>1:**} and {<2:_}it{>2:_} and {3:`co*de`}")
        #expect(described("- one\n- two <br> <https://x.y>") == "{1:- }one\n{2:- }two {3:<br>} {4:<https://x.y>}")
        #expect(described("snake_case_word and 5 * 3 and \\*not\\*") == "snake_case_word and 5 * 3 and \\*not\\*")
        #expect(described("![alt](https://x/y.png) [unclosed") == "{1:![alt](https://x/y.png)} [unclosed")
        for text in ["***both***", "*a **b** c*", "**a *b** c*", "[a [b] c](d)", "`` a ` b ``", "1. x\n2) y\n> q\n## h", "*", "[", "a\r\nb"] {
            #expect(SegmentedText(commonMark: text).commonMark == text, "\(text)")
        }
    }

    @Test func pairsAreNestedProperly() {
        for text in ["***both***", "*a **b** c*", "**a *b** c*", "*a [b *c* d](e) f*", "_a *b* c_"] {
            var open: [Int] = []
            for code in SegmentedText(commonMark: text).codes {
                switch code.role {
                case .opening: open.append(code.id)
                case .closing: #expect(open.popLast() == code.id, "\(text)")
                case .placeholder: break
                }
            }
            #expect(open.isEmpty, "\(text)")
        }
    }

    @Test func translationsCodesAreNumberedAsTheSourcesAndRestored() {
        let codes = UnitCodes(source: "Click [](term:save) in [the menu](ref:menu).", target: "In [het menu](ref:menu) op [](term:save) klikken.")
        let target = codes.target!
        #expect(target.codes.map(\.id) == [2, 2, 1])
        let here = SourceLocation(file: "f.xlf", line: 3, column: 4)
        let (text, problems) = codes.restore([.text("Op "), .code(.init(id: 1, role: .placeholder, location: here)), .text(" in "),
            .code(.init(id: 2, role: .opening, location: here)), .text("het menu"), .code(.init(id: 2, role: .closing, location: here))], at: here)
        #expect(text == "Op [](term:save) in [het menu](ref:menu)")
        #expect(problems.all.isEmpty, "the source's order is no reordering")
        let (_, swapped) = codes.restore([.code(.init(id: 2, role: .opening, location: here)), .code(.init(id: 2, role: .closing, location: here)),
            .code(.init(id: 1, role: .placeholder, location: here))], at: here)
        #expect(swapped.all.isEmpty, "the content's translation has this order already")
        let (broken, errors) = codes.restore([.code(.init(id: 2, role: .closing, location: here)), .code(.init(id: 9, role: .placeholder, location: here))], at: here)
        #expect(broken == nil)
        #expect(errors.all.map(\.id) == ["xliff-code-order", "xliff-unknown-code"])
        let fresh = UnitCodes(source: "A [](term:a) and [](term:b).", target: "")
        let (_, reordered) = fresh.restore([.code(.init(id: 2, role: .placeholder, location: here)), .code(.init(id: 1, role: .placeholder, location: here))], at: here)
        #expect(reordered.all.map(\.id) == ["xliff-reordered-code"])
        let (_, missing) = fresh.restore([.code(.init(id: 2, role: .placeholder, location: here))], at: here)
        #expect(missing.all.map(\.id) == ["xliff-missing-code"])
    }

    @Test func localeCodesMatchTheSitesLanguages() {
        #expect(LanguageMatch.match("nl_NL", among: ["en", "nl"]) == .fallback("nl"))
        #expect(LanguageMatch.match("nl-NL", among: ["en", "nl", "nl-NL"]) == .exact("nl-NL"))
        #expect(LanguageMatch.match("NL", among: ["en", "nl"]) == .exact("nl"))
        #expect(LanguageMatch.match("fr-BE", among: ["en", "fr"]) == .fallback("fr"))
        #expect(LanguageMatch.match("de.UTF-8", among: ["en", "de"]) == .exact("de"))
        #expect(LanguageMatch.match("de", among: ["en", "nl"]) == .none)
    }

    @Test func xmlIsEscapedSoAParserReadsBackTheSameCharacters() {
        #expect(XMLWriter.escapeText("a < b & c > d\r\n") == "a &lt; b &amp; c &gt; d&#13;\n")
        #expect(XMLWriter.escapeAttribute("say \"hi\"\n\t") == "say &quot;hi&quot;&#10;&#9;")
        #expect(!XMLWriter.canHold("bell \u{7}"))
    }
}

@Suite struct LanguageAdderTests {
    @Test func codesAreNormalisedAsBCP47() {
        #expect(LanguageAdder.normalizedCode("de") == "de")
        #expect(LanguageAdder.normalizedCode("fr_be") == "fr-BE")
        #expect(LanguageAdder.normalizedCode("SR-latn-rs") == "sr-Latn-RS")
        #expect(LanguageAdder.normalizedCode("es-419") == "es-419")
        #expect(LanguageAdder.normalizedCode("german") == nil)
        #expect(LanguageAdder.normalizedCode("de-") == nil)
    }

    @Test func siteYAMLGainsTheLanguageInPlaceInEitherStyle() throws {
        let flow = "title: T\nlanguages: [en, \"nl\"]  # two\ngroups: []\n"
        #expect(try LanguageAdder.siteText(flow, adding: "de", after: [.init(file: "s", line: 2, column: 13), .init(file: "s", line: 2, column: 17)])
            == "title: T\nlanguages: [en, \"nl\", de]  # two\ngroups: []\n")
        let block = "title: T\nlanguages:\n  - en\n  - nl # Dutch\ngroups: []\n"
        #expect(try LanguageAdder.siteText(block, adding: "fr-BE", after: [.init(file: "s", line: 3, column: 5), .init(file: "s", line: 4, column: 5)])
            == "title: T\nlanguages:\n  - en\n  - nl # Dutch\n  - fr-BE\ngroups: []\n")
    }
}
