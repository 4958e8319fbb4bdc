import Testing
import WegwijsMarkdown

/// One parse serves every output: `render(_:nestingHeadingsBy:rewritingLinks:)` changes the tree for one
/// render and puts it back, so each render equals a fresh parse changed the old, destructive way.
@Suite struct SharedTreeTests {
    static let texts = [
        "Click [](term:save) or [see *this*](ref:x).",
        "[](term:a)[](term:b)[three](ref:c)",
        "Save [](callout:4) now, then [](callout:2).",
        "# Heading [](term:a)\n\nA paragraph with [a link](ref:x) and ![an image [with](ref:y) a link](pic.png).\n\n## Another",
        "- one [](input:name)\n- two [**strong** text](ref:x)\n\n> quoted [](term:a)",
        "Plain text without links.",
        "[](ref:x)",
        "A [link](https://example.com) left alone and [](term:a) replaced.",
        "Line one  \nline [two](ref:x)\nthree [](term:save)",
        "",
    ]

    /// Replacements of every kind, different for each output, as renderers answer.
    static let replacements: [(String, @Sendable (MarkdownLink) -> [InlineReplacement]?)] = [
        ("markup and links", { link in
            switch link.destination.prefix(while: { $0 != ":" }) {
            case "term": [.markup(enter: "<span class=\"ui\">", exit: "</span>", children: [.text("Save <now>")])]
            case "ref": [.link(destination: "x.html", title: "t", children: [.originalContent])]
            case "callout": [.noBreakBefore, .strong([.text("4")])]
            case "input": [.emphasis([.code("name")]), .text(" (input)")]
            default: nil
            }
        }),
        ("own text", { link in link.destination.contains(":") && !link.destination.hasPrefix("https") ? [.originalContent] : nil }),
        ("nothing", { _ in [] }),
        ("text and original", { _ in [.text("«"), .originalContent, .text("»")] }),
        ("none", { _ in nil }),
    ]

    static func fresh(_ text: String, _ rendering: MarkdownRendering, levels: Int, _ replacement: (MarkdownLink) -> [InlineReplacement]?) -> String {
        var document = MarkdownDocument(parsing: text)
        document.nestHeadings(by: levels)
        document.rewriteLinks(replacement)
        switch rendering {
        case .html: return document.renderHTML()
        case .inlineHTML: return document.renderInlineHTML()
        case .commonMark: return document.renderCommonMark()
        case .plainText: return document.plainText()
        }
    }

    @Test(arguments: texts)
    func everyRenderOfOneTreeEqualsAFreshParse(text: String) {
        var shared = MarkdownDocument(parsing: text)
        let untouched = (shared.renderHTML(), shared.renderCommonMark())
        // Every output in turn, twice, on the same tree.
        for _ in 0..<2 {
            for (name, replacement) in Self.replacements {
                for rendering in [MarkdownRendering.html, .inlineHTML, .commonMark, .plainText] {
                    for levels in [0, 2] {
                        let expected = Self.fresh(text, rendering, levels: levels, replacement)
                        let rendered = shared.render(rendering, nestingHeadingsBy: levels, rewritingLinks: replacement)
                        #expect(rendered == expected, "\(name), \(rendering), headings +\(levels)")
                    }
                }
            }
        }
        #expect(shared.renderHTML() == untouched.0)
        #expect(shared.renderCommonMark() == untouched.1)
        #expect(shared.links.map(\.destination) == MarkdownDocument(parsing: text).links.map(\.destination))
    }

    @Test func theTreeIsPutBackEvenWhereARenderChangedIt() {
        var document = MarkdownDocument(parsing: "# Title\n\nClick Save [](callout:4).")
        let html = document.render(.html, nestingHeadingsBy: 3) { _ in [.noBreakBefore, .strong([.text("4")])] }
        #expect(html == "<h4>Title</h4>\n<p>Click Save\u{00A0}<strong>4</strong>.</p>\n")
        #expect(document.renderHTML() == "<h1>Title</h1>\n<p>Click Save <a href=\"callout:4\"></a>.</p>\n")
    }

    @Test func parsesAreCounted() {
        let before = MarkdownDocument.parseCount
        _ = MarkdownDocument(parsing: "one")
        _ = MarkdownDocument(parsing: "two")
        // Other tests parse at the same time: the count grows by at least these two.
        #expect(MarkdownDocument.parseCount - before >= 2)
    }
}
