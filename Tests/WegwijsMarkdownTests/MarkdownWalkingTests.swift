import Testing
import WegwijsMarkdown

/// Records every event of a walk, so a test can compare the whole sequence.
struct EventRecorder: MarkdownVisitor {
    var events: [String] = []
    var nodes: [MarkdownNode] = []

    mutating func enter(_ node: MarkdownNode) {
        events.append("> \(node.kind)")
        nodes.append(node)
    }

    mutating func exit(_ node: MarkdownNode) {
        events.append("< \(node.kind)")
    }
}

/// A visitor that implements only `enter`: the protocol's default `exit` does nothing.
struct TextCollector: MarkdownVisitor {
    var text = ""

    mutating func enter(_ node: MarkdownNode) {
        if case .text(let literal) = node.kind { text += literal }
    }
}

@Suite struct MarkdownWalkingTests {
    func walk(_ source: String) -> EventRecorder {
        let document = MarkdownDocument(parsing: source)
        var recorder = EventRecorder()
        document.walk(&recorder)
        return recorder
    }

    @Test func entersAndExitsEveryNodeInDocumentOrder() {
        let events = walk("Click **Save** *now*.\n").events
        #expect(events == [
            "> document", "> paragraph",
            "> text(\"Click \")", "< text(\"Click \")",
            "> strong", "> text(\"Save\")", "< text(\"Save\")", "< strong",
            "> text(\" \")", "< text(\" \")",
            "> emphasis", "> text(\"now\")", "< text(\"now\")", "< emphasis",
            "> text(\".\")", "< text(\".\")",
            "< paragraph", "< document",
        ])
    }

    @Test func describesEveryBlockKind() {
        let source = """
            # Title

            > quoted

            3. three
            4. four

            - loose

            - list

            ```sh
            echo hi
            ```

            ---

            """
        let kinds = walk(source).nodes.map(\.kind).filter(\.isBlock)
        #expect(kinds == [
            .document, .heading(level: 1), .blockQuote, .paragraph,
            .list(isOrdered: true, start: 3, isTight: true), .item, .paragraph, .item, .paragraph,
            .list(isOrdered: false, start: 0, isTight: false), .item, .paragraph, .item, .paragraph,
            .codeBlock(literal: "echo hi\n", info: "sh"), .thematicBreak,
        ])
    }

    @Test func describesEveryInlineKind() {
        let source = "a `b`\nc\\\nd [e](https://x.nl \"t\") ![f](i.png)"
        let kinds = walk(source).nodes.map(\.kind).filter { !$0.isBlock }
        #expect(kinds == [
            .text("a "), .code("b"), .softBreak, .text("c"), .lineBreak, .text("d "),
            .link(destination: "https://x.nl", title: "t"), .text("e"), .text(" "),
            .image(source: "i.png", title: ""), .text("f"),
        ])
    }

    @Test func everyEnterHasItsExitAndTheyNest() {
        let events = walk("- a\n  - *b* [](term:x)\n\n> c\n").events
        var open: [String] = []
        for event in events {
            let kind = String(event.dropFirst(2))
            if event.hasPrefix(">") {
                open.append(kind)
            } else {
                #expect(open.popLast() == kind)
            }
        }
        #expect(open.isEmpty)
        // An empty link is a container without children: entered and exited all the same.
        #expect(events.contains("> link(destination: \"term:x\", title: \"\")"))
        #expect(events.contains("< link(destination: \"term:x\", title: \"\")"))
    }

    @Test func nodesCarryTheirPosition() {
        let nodes = walk("Één\n\n[x](ref:a)").nodes
        let link = nodes.first { if case .link = $0.kind { true } else { false } }
        #expect(link?.line == 3)
        #expect(link?.utf8Column == 1)
        #expect(nodes.first?.line == 1)
    }

    @Test func rawHTMLIsGoneBeforeTheWalk() {
        let kinds = walk("<div>x</div>\n\nHi <b>there</b>").nodes.map(\.kind)
        #expect(!kinds.contains { if case .htmlBlock = $0 { true } else { false } })
        #expect(!kinds.contains { if case .htmlInline = $0 { true } else { false } })
    }

    @Test func nodesAddedByRewritingAreDescribed() {
        var document = MarkdownDocument(parsing: "Click [](term:save).")
        document.rewriteLinks { _ in [.markup(enter: "<kbd>", exit: "</kbd>", children: [.text("Save")])] }
        var recorder = EventRecorder()
        document.walk(&recorder)
        let custom = recorder.nodes.first { if case .customInline = $0.kind { true } else { false } }
        #expect(custom?.kind == .customInline(onEnter: "<kbd>", onExit: "</kbd>"))
        #expect(custom?.line == 0)
        #expect(recorder.events.contains("< customInline(onEnter: \"<kbd>\", onExit: \"</kbd>\")"))
    }

    @Test func aVisitorMayImplementEnterOnly() {
        let document = MarkdownDocument(parsing: "One *two*\n\n- three")
        var collector = TextCollector()
        document.walk(&collector)
        #expect(collector.text == "One twothree")
    }
}
