import FuzzSupport
import Foundation
@testable import WegwijsCore
import WegwijsMarkdown
@testable import WegwijsTerminal

// One CommonMark text, as a step's text: its links resolved (ref:, term:, input:, callout:, any other scheme),
// rendered to HTML and Markdown (blocks and inline), each also from one tree shared by every output (which
// must give the same bytes), to plain text, and for the terminal at widths 1, 40 and
// 500, with and without colour.
let site = FuzzSite.shared
let session = site.session
let procedure = session.site.procedure("add-users")!
let step: Step = procedure.steps.compactMap { if case .step(let step) = $0 { step } else { nil } }.first!
let scope = LinkResolver.Scope(procedure: procedure, step: step)
let resolver = LinkResolver(site: session.site, plainTexts: session.plainTexts)
let renderers = session.site.languages.flatMap { language in
    OutputFormat.allCases.map { format in
        TextRenderer(site: session.site, plainTexts: session.plainTexts, strings: session.strings, language: language, format: format)
    }
}
let terminals = [true, false].map { colour in
    TerminalTextRenderer(
        site: session.site, plainTexts: session.plainTexts, strings: session.strings, language: "nl",
        capabilities: .init(usesColor: colour, supportsHyperlinks: colour, isInteractive: colour, width: 80))
}
let origin = TextOrigin(location: SourceLocation(file: "fuzz.yaml", line: 1, column: 1), style: .literal)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMarkdownText(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let source = String(decoding: fuzzInput(data, size), as: UTF8.self)
    let text = Text(entries: ["en": .init(value: source, origin: origin), "nl": .init(value: source, origin: origin)], location: origin.location)
    let document = MarkdownDocument(parsing: source)
    for link in document.links { _ = resolver.resolve(link.destination, in: scope, language: "en") }
    _ = session.plainTexts.plain(text, in: "en", procedure: procedure)
    // One tree serves every output: each render from the tree shared by all of them (changed for the
    // render and put back) must equal the render of a text parsed for it alone, in every order.
    let trees = TextTrees()
    for renderer in renderers {
        var sharing = renderer
        sharing.trees = trees
        let alone = (renderer.blocks(text, in: scope).content, renderer.inline(text, in: scope).content)
        let shared = (sharing.blocks(text, in: scope).content, sharing.inline(text, in: scope).content)
        guard alone == shared else { fatalError("a shared tree rendered differently in \(renderer.format) \(renderer.language)") }
    }
    for terminal in terminals {
        for width in [1, 40, 500] {
            _ = terminal.render(text, in: scope, values: ["account": "12\u{1B}[31m3"], width: width, indent: 2)
        }
        _ = terminal.inline(text, in: scope, values: [:])
    }
    return 0
}
