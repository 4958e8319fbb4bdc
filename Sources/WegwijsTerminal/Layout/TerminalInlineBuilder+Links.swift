import WegwijsCore
import WegwijsMarkdown

extension TerminalInlineBuilder {
    // MARK: - Walking links

    /// Starts a link: ordinary links get the link style (and a hyperlink when the console can show one);
    /// meaningful links ask the resolver what they stand for.
    mutating func enterLink(_ destination: String) {
        switch renderer.resolver.resolve(destination, in: scope, language: renderer.language) {
        case nil:
            guard let address = TerminalHyperlink.address(for: destination) else {
                pushStyle([])
                links.append(.textOnly)
                return
            }
            let isHyperlink = renderer.capabilities.usesColor && renderer.capabilities.supportsHyperlinks
            pushStyle(.link)
            if isHyperlink { hyperlinks.append(address) }
            links.append(.web(start: spans.count, destination: destination, isHyperlink: isHyperlink))
        case .failure:
            pushStyle([])
            links.append(.textOnly)
        case .success(let target):
            let rendering = rendering(for: target)
            references += rendering.references
            if rendering.isGluedToPreviousWord { glueToPreviousWord() }
            pushStyle(rendering.style)
            append(rendering.opening)
            links.append(.meaningful(start: spans.count, rendering: rendering))
        }
    }

    /// Ends a link: fills in an empty text, and shows an ordinary link's address when it cannot be a hyperlink.
    mutating func exitLink() {
        guard let link = links.popLast() else { return }
        switch link {
        case .textOnly:
            break
        case .meaningful(let start, let rendering):
            if rendering.replacesText || text(from: start).isEmpty {
                spans.removeSubrange(min(start, spans.count)...)
                append(rendering.generated)
            }
            append(rendering.closing)
        case .web(let start, let destination, let isHyperlink):
            let linkText = text(from: start)
            if linkText.isEmpty { append(Self.shownAddress(destination)) }
            if isHyperlink {
                _ = hyperlinks.popLast()
            } else if !linkText.isEmpty, linkText != Self.shownAddress(destination) {
                _ = styles.popLast()
                append(" (\(Self.shownAddress(destination)))")
                return
            }
        }
        _ = styles.popLast()
    }

    /// An address as the reader sees it: made safe, without `mailto:` or `tel:` (those say what they are).
    static func shownAddress(_ destination: String) -> String {
        let shown = TerminalText.safe(destination)
        for scheme in ["mailto:", "tel:"] where shown.lowercased().hasPrefix(scheme) {
            return String(shown.dropFirst(scheme.count))
        }
        return shown
    }

    /// Makes the space before a link a no-break space, so a callout stays on the line of the word before it.
    mutating func glueToPreviousWord() {
        guard let last = spans.indices.last, spans[last].text.last == " " else { return }
        spans[last].text.removeLast()
        spans[last].text.append("\u{00A0}")
    }

    // MARK: - What each kind becomes

    /// What a link to `target` becomes in this builder's language, for this console.
    func rendering(for target: LinkResolver.Target) -> TerminalLinkRendering {
        let strings = renderer.strings
        let language = renderer.language
        switch target {
        case .procedure(let id, let title):
            return reference(
                TerminalText.Reference(procedureID: id, title: TerminalText.safe(title)), showing: title)

        case .step(let procedureID, let stepID, let number, let title):
            let label = strings.string("reference.step", in: language, ["number": String(number), "title": title])
            let procedureTitle = renderer.site.procedure(procedureID).map { renderer.plainTexts.title(of: $0, in: language) }
            let reference = TerminalText.Reference(
                procedureID: procedureID, stepID: stepID, title: TerminalText.safe(procedureTitle ?? title))
            return self.reference(reference, showing: label)

        case .term(_, let label, _):
            return TerminalLinkRendering(
                style: .term, opening: usesColor ? "" : "‘", closing: usesColor ? "" : "’", generated: [Self.span(label)])

        case .input(let id, let label, _):
            if let value = values[id], !value.isEmpty {
                // «» mark an entered value without colour, so it stands apart from the words around it.
                return TerminalLinkRendering(
                    style: .inputValue, opening: usesColor ? "" : "«", closing: usesColor ? "" : "»", generated: [Self.span(value)],
                    replacesText: true)
            }
            return TerminalLinkRendering(style: .inputPlaceholder, opening: "‹", closing: "›", generated: [Self.span(label)])

        case .callout(let number, let legend, _):
            var generated = [TerminalSpan("[\(number)")]
            let legendText = showsLegends ? renderer.legendSpans(number: number, in: scope, values: values) : nil
            if let legendText, !legendText.spans.isEmpty {
                generated.append(TerminalSpan(":\u{00A0}"))
                generated += legendText.spans
            } else if showsLegends, !legend.isEmpty {
                generated += [TerminalSpan(":\u{00A0}"), Self.span(legend)]
            }
            generated.append(TerminalSpan("]"))
            return TerminalLinkRendering(
                style: .callout, generated: generated, replacesText: true, isGluedToPreviousWord: true,
                references: legendText?.references ?? [])
        }
    }

    /// A `ref:` link's rendering, showing `text` when the link has none.
    func reference(_ reference: TerminalText.Reference, showing text: String) -> TerminalLinkRendering {
        TerminalLinkRendering(
            style: .reference, opening: usesColor ? "" : "“", closing: usesColor ? "" : "”", generated: [Self.span(text)],
            references: [reference])
    }

    /// A span of text from content or the strings files, made safe.
    static func span(_ text: String) -> TerminalSpan {
        TerminalSpan(TerminalText.safe(text))
    }
}
