import Testing
import WegwijsMarkdown

@Suite struct MarkdownDocumentTests {
    @Test func rendersHTMLAndCommonMark() {
        let document = MarkdownDocument(parsing: "Click **Save**.\n\n- one\n- two\n")
        #expect(document.renderHTML() == "<p>Click <strong>Save</strong>.</p>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n")
        #expect(document.renderCommonMark() == "Click **Save**.\n\n  - one\n  - two\n")
    }

    @Test func rawHTMLNeverReachesEitherOutput() {
        let document = MarkdownDocument(parsing: "Hi <script>alert(1)</script> there\n\n<div onclick=x>block</div>\n")
        #expect(!document.renderHTML().contains("<script"))
        #expect(!document.renderHTML().contains("<div"))
        #expect(!document.renderCommonMark().contains("<script"))
        #expect(!document.renderCommonMark().contains("<div"))
        #expect(document.renderHTML().contains("Hi"))
    }

    @Test func unsafeLinksKeepTheirTextAndLoseTheirDestination() {
        let sources = [
            "[click](javascript:alert(1))", "[click](JavaScript:alert(1))", "[click](javascript&#58;alert(1))",
            "[click](vbscript:x)", "[click](data:text/html,<script>x</script>)", "[click](file:///etc/passwd)",
        ]
        for source in sources {
            let document = MarkdownDocument(parsing: source)
            #expect(document.renderHTML() == "<p>click</p>\n", "\(source)")
            #expect(!document.renderCommonMark().contains("script:"), "\(source)")
        }
    }

    @Test func safeLinksAndRasterDataImagesStay() {
        #expect(MarkdownDocument(parsing: "[a](https://x.nl)").renderHTML() == "<p><a href=\"https://x.nl\">a</a></p>\n")
        #expect(MarkdownDocument(parsing: "[a](page.html#x)").renderHTML() == "<p><a href=\"page.html#x\">a</a></p>\n")
        #expect(MarkdownDocument(parsing: "![i](data:image/png;base64,AAAA)").renderHTML().contains("<img src=\"data:image/png"))
        #expect(!MarkdownDocument(parsing: "![i](data:image/svg+xml;base64,AAAA)").renderHTML().contains("<img src=\"data"))
    }

    @Test func linksCarryPositionAndText() {
        let document = MarkdownDocument(parsing: "Één [](term:save) and\n[the *button*](ref:x#y)")
        let links = document.links
        #expect(links.map(\.destination) == ["term:save", "ref:x#y"])
        #expect(links.map(\.text) == ["", "the button"])
        #expect(links.map(\.line) == [1, 2])
        #expect(links.map(\.utf8Column) == [7, 1])
    }

    @Test func rewritingLinksOnTheTree() {
        var document = MarkdownDocument(parsing: "Click [](term:save) or [see *this*](ref:x).")
        document.rewriteLinks { link in
            switch link.destination {
            case "term:save": [.markup(enter: "<span class=\"ui\">", exit: "</span>", children: [.text("Save <now>")])]
            case "ref:x": [.link(destination: "x.html", title: "", children: [.originalContent])]
            default: nil
            }
        }
        #expect(document.renderHTML() == "<p>Click <span class=\"ui\">Save &lt;now&gt;</span> or <a href=\"x.html\">see <em>this</em></a>.</p>\n")
    }

    @Test func inlineHTMLLeavesOutTheParagraph() {
        var document = MarkdownDocument(parsing: "Fill *in*")
        #expect(document.renderInlineHTML() == "Fill <em>in</em>")
    }

    @Test func plainTextDropsMarkup() {
        #expect(MarkdownDocument(parsing: "Turn on **Track & Trace** `now`").plainText() == "Turn on Track & Trace now")
    }
}

@Suite struct NoBreakTests {
    @Test func theSpaceBeforeAGluedReplacementBecomesNoBreak() {
        var document = MarkdownDocument(parsing: "Click Save [](callout:4).")
        document.rewriteLinks { _ in [.noBreakBefore, .strong([.text("4")])] }
        #expect(document.renderHTML() == "<p>Click Save\u{00A0}<strong>4</strong>.</p>\n")
    }
}
