import Foundation
import WegwijsCore
import WegwijsMarkdown

/// What the admin can do with one step besides going on: the links to open and the values to copy.
///
/// Computed once per step (and language, and set of values) by asking ``LinkResolver`` what each link of the
/// step's texts means: the resolver is the one place that knows `term:` and `input:`; this only collects.
public struct StepAffordances: Sendable, Equatable {
    /// Something the step names that can be opened.
    public struct Link: Sendable, Equatable {
        public enum Kind: Sendable, Equatable {
            /// A web address (`https:`, `http:`, `mailto:`).
            case address
            /// The step's figure, as a file inside the content folder.
            case figure
        }

        public var kind: Kind
        /// What to show: the link's text, or the figure's alt text.
        public var title: String
        /// The address, or the figure's absolute path.
        public var target: String
        /// What to show as the target (the address in full, the figure's path as given).
        public var shownTarget: String
    }

    /// A value the step names that can be copied.
    public struct Value: Sendable, Equatable {
        /// What it is: the input's label, "UI label", "code".
        public var label: String
        /// The text to copy.
        public var text: String
    }

    /// Every link, in the order of the step's texts, then the figure; each target once.
    public var links: [Link] = []
    /// Every value: entered inputs, glossary labels and code spans, in order of appearance; each text once.
    public var values: [Value] = []
    /// The `ref:` links met, for "open the reference".
    public var references: [TerminalText.Reference] = []
    /// Whether a text uses a `callout:` marker (so the legends key does something).
    public var hasCalloutMarkers = false

    /// The schemes an address may have to be opened: never `file:`, `javascript:` or a program's own scheme.
    public static let openableSchemes: Set<String> = ["http", "https", "mailto"]

    /// The affordances of `step` in `language`, with `values` entered so far.
    public init(
        step: RunPlan.Step, language: String, values entered: [String: String], site: Site, plainTexts: PlainTexts,
        strings: InterfaceStrings, contentDirectory: URL, displayPath: (String) -> String,
        references: [TerminalText.Reference]
    ) {
        let resolver = LinkResolver(site: site, plainTexts: plainTexts)
        let scope = LinkResolver.Scope(procedure: step.procedure, step: step.step)
        var texts = [step.step.text, step.step.result].compactMap { $0 } + step.step.notes.map(\.text)
        texts += step.step.figure?.callouts ?? []
        var collector = Collector()
        for text in texts {
            guard let (entry, _) = site.entry(of: text, in: language, procedure: step.procedure) else { continue }
            MarkdownDocument(parsing: entry.value).walk(&collector)
        }
        for found in collector.found {
            switch found {
            case .code(let code):
                add(Value(label: strings.string("runner.value.code", in: language), text: code))
            case .link(let destination, let title):
                switch resolver.resolve(destination, in: scope, language: language) {
                case .success(.input(let id, let label, _)):
                    if let value = entered[id], !value.isEmpty { add(Value(label: label, text: value)) }
                case .success(.term(_, let label, _)):
                    add(Value(label: strings.string("runner.value.term", in: language), text: label))
                case .success(.callout):
                    hasCalloutMarkers = true
                case nil:
                    guard let scheme = LinkSafety.scheme(of: destination), Self.openableSchemes.contains(scheme),
                        TerminalHyperlink.address(for: destination) != nil
                    else { continue }
                    guard !links.contains(where: { $0.target == destination }) else { continue }
                    let shown = TerminalText.safe(destination)
                    links.append(Link(kind: .address, title: title.isEmpty ? shown : TerminalText.safe(title), target: destination, shownTarget: shown))
                default:
                    continue
                }
            }
        }
        // The step's command, to paste into a shell where the runner does not run it (plain mode without
        // --allow-commands, or an admin who prefers to type it).
        if let command = step.step.command?.value {
            add(Value(label: strings.string("runner.value.command", in: language), text: command))
        }
        if let figure = step.step.figure,
            let path = figure.path(in: language, fallback: site.sourceLanguage(of: step.procedure))?.value,
            let url = FigurePath.resolvedURL(of: path, in: contentDirectory)
        {
            let alt = plainTexts.plain(figure.alt, in: language, procedure: step.procedure)
            links.append(Link(kind: .figure, title: TerminalText.safe(alt), target: url.path, shownTarget: TerminalText.safe(displayPath(path))))
        }
        self.references = references
    }

    mutating func add(_ value: Value) {
        guard !value.text.isEmpty, !values.contains(where: { $0.text == value.text }) else { return }
        values.append(value)
    }

    /// Collects code spans and links (with their plain text) in document order.
    struct Collector: MarkdownVisitor {
        enum Found {
            case code(String)
            case link(destination: String, title: String)
        }

        var found: [Found] = []
        var openLinks: [(destination: String, text: String)] = []

        mutating func enter(_ node: MarkdownNode) {
            switch node.kind {
            case .code(let code):
                if openLinks.isEmpty { found.append(.code(code)) } else { openLinks[openLinks.count - 1].text += code }
            case .text(let text):
                if !openLinks.isEmpty { openLinks[openLinks.count - 1].text += text }
            case .softBreak, .lineBreak:
                if !openLinks.isEmpty { openLinks[openLinks.count - 1].text += " " }
            case .link(let destination, _):
                openLinks.append((destination, ""))
            default:
                break
            }
        }

        mutating func exit(_ node: MarkdownNode) {
            guard case .link = node.kind, let link = openLinks.popLast() else { return }
            found.append(.link(destination: link.destination, title: link.text.trimmingCharacters(in: .whitespaces)))
        }
    }
}
