import WegwijsMarkdown

// Every path through the cmark bridge, on ordinary and pathological texts, for valgrind: parse, read links,
// rewrite them on the tree (every replacement kind), render HTML (block and inline), CommonMark and plain
// text, and walk. Run by `make valgrind` and CI with --errors-for-leak-kinds=definite --error-exitcode=9.
struct Counter: MarkdownVisitor {
    var entered = 0
    mutating func enter(_ node: MarkdownNode) { entered += 1 }
}

let texts = [
    "Click [](term:save), then [the list](ref:approve-users#check) [](callout:1).\n\n- one\n- two [](input:account)\n",
    "# Heading\n\n> quote with *emphasis* and `code`\n\n```\ncode\n```\n\n1. a\n2. b\n\n---\n\n![alt](images/a.png \"title\")\n",
    "<script>alert(1)</script>\n\n[x](javascript:alert(1)) ![y](data:image/svg+xml,z) <b>raw</b> [ok](https://example.org)\n",
    "[ref][r]\n\n[r]: https://example.org \"t\"\n\nline  \nbreak\\\nhard &amp; &#x1F600;\n",
    String(repeating: "> ", count: 500) + "deep\n",
    String(repeating: "- ", count: 500) + "deep\n",
    String(repeating: "[](ref:x) ", count: 2_000),
    String(repeating: "[", count: 5_000) + String(repeating: "]", count: 5_000),
    String(repeating: "*a **b ", count: 1_000),
    "",
]
var total = 0
for text in texts {
    var document = MarkdownDocument(parsing: text)
    total += document.links.count
    document.rewriteLinks { link in
        switch link.destination.prefix(4) {
        case "term": [.strong([.text("Save")])]
        case "ref:": [.link(destination: "other.html#x", title: "T", children: [.originalContent, .emphasis([.text("t")])])]
        case "call": [.noBreakBefore, .markup(enter: "<span class=\"c\">", exit: "</span>", children: [.text("1")])]
        case "inpu": [.code("‹account›")]
        default: nil
        }
    }
    total += document.renderHTML().utf8.count + document.renderCommonMark().utf8.count + document.plainText().utf8.count
    var counter = Counter()
    document.walk(&counter)
    total += counter.entered + (document.isSingleParagraph ? 1 : 0)
    total += document.renderInlineHTML().utf8.count
}
print("cmark bridge exercised: \(texts.count) texts, \(total) units")
