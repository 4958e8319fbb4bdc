/// Lays out the pages of one language in one output format: each procedure, and the language's index.
///
/// It builds the values each template needs and renders the template; texts go through ``TextRenderer``.
public struct PageRenderer: Sendable {
    let site: Site
    let strings: InterfaceStrings
    let templates: Templates
    let text: TextRenderer
    let plainTexts: PlainTexts
    /// The interface strings of this language, nested for templates; the same for every page.
    // Immutable after init and only read, so sharing it between workers is safe.
    nonisolated(unsafe) let templateStrings: [String: Any]
    /// The language of the pages.
    public let language: String
    /// The output format.
    public let format: OutputFormat

    /// A renderer of `language`'s pages in `format`.
    public init(site: Site, strings: InterfaceStrings, templates: Templates, plainTexts: PlainTexts, language: String, format: OutputFormat) {
        self.site = site
        self.strings = strings
        self.templates = templates
        self.plainTexts = plainTexts
        self.language = language
        self.format = format
        text = TextRenderer(site: site, plainTexts: plainTexts, strings: strings, language: language, format: format)
        templateStrings = Self.nested(strings.all(in: language))
    }

    /// The folder of this language's pages, relative to the output root.
    public var folder: String { "\(format.rawValue)/\(language)" }

    /// The page of `procedure`.
    public func procedurePage(_ procedure: Procedure) -> OutputFile {
        let context = procedureContext(procedure)
        return OutputFile(path: "\(folder)/\(procedure.id).\(format.pageExtension)", text: templates.render("\(format.templatePrefix)-procedure", context))
    }

    /// Everything the procedure templates show of `procedure`: one page of the site, or a chapter of the printed guide.
    func procedureContext(_ procedure: Procedure) -> [String: Any] {
        var context = commonContext(pageName: procedure.id, procedure: procedure)
        context["anchor"] = format == .print ? PrintAnchor.procedure(procedure.id, language: language) : procedure.id
        // Every key the templates ask for is present, `false` when empty: swift-mustache looks a missing
        // key up through the whole context stack, which costs more than the rest of the page.
        for key in ["group", "summary", "audience", "hasPrerequisites", "hasInputs"] { context[key] = false }
        context["prerequisites"] = [Any]()
        context["inputs"] = [Any]()
        let scope = LinkResolver.Scope(procedure: procedure)
        let title = text.inline(procedure.title, in: scope)
        context["pageTitle"] = plainTexts.title(of: procedure, in: language)
        context["documentTitle"] = "\(plainTexts.title(of: procedure, in: language)) · \(context["siteTitlePlain"] as? String ?? "")"
        context["title"] = wrapped(title, isBlock: false)
        if let group = site.group(procedure.group) {
            context["group"] = ["id": group.id, "title": inline(group.title, in: .init())]
        }
        if let summary = procedure.summary { context["summary"] = blocks(summary, in: scope) }
        if let audience = procedure.audience {
            context["audience"] = ["id": audience.value, "label": strings.string("audience.\(audience.value)", in: language)]
        }
        let requirements = procedure.requirements.enumerated().map { offset, requirement in
            ["number": offset + 1, "text": inline(requirement, in: scope)] as [String: Any]
        }
        if !requirements.isEmpty {
            context["prerequisites"] = requirements
            context["hasPrerequisites"] = true
        }
        let inputs = procedure.inputs.map { input -> [String: Any] in
            var value: [String: Any] = [
                "id": input.id, "label": inline(input.label, in: scope), "example": false, "exampleLine": "",
            ]
            if let example = input.example {
                value["example"] = example
                value["exampleLine"] = exampleLine(example)
            }
            return value
        }
        if !inputs.isEmpty {
            context["inputs"] = inputs
            context["hasInputs"] = true
        }
        context["steps"] = procedure.steps.enumerated().map { offset, entry in
            stepContext(entry, number: offset + 1, procedure: procedure)
        }
        return context
    }

    /// What this output puts before a procedure's own anchors (steps, figures, callouts, notes): nothing on a
    /// page of its own, the procedure's anchor in the printed guide, which holds every procedure.
    func anchorPrefix(of procedure: Procedure) -> String {
        format == .print ? PrintAnchor.prefix(of: procedure.id, language: language) : ""
    }

    func stepContext(_ entry: StepEntry, number: Int, procedure: Procedure) -> [String: Any] {
        let stepLabel = strings.string("procedure.step", in: language)
        switch entry {
        case .include(let include):
            let included = site.procedure(include.procedureID)
            let title = included.map { plainTexts.title(of: $0, in: language) } ?? include.procedureID
            let target = PrintAnchor.procedure(include.procedureID, language: language)
            let href = format == .print ? "#\(target)" : LinkMarkup.pageHref(include.procedureID, format: format)
            let anchor = format == .markdown ? StepAnchor.markdownSlug(number: number, title: title) : "\(anchorPrefix(of: procedure))step-\(number)"
            var link = includeLink(title: title, href: href)
            if format == .print {
                let earlier = text.markup.isEarlier(procedureID: include.procedureID, stepNumber: nil, from: procedure.id, step: number)
                let words = text.markup.pageReference(to: target, isEarlier: earlier)
                link = words.enter + link + words.exit
            }
            return [
                "number": number, "stepLabel": stepLabel, "anchor": anchor, "isInclude": true, "title": false,
                "text": false, "figure": false, "notes": [Any](), "result": false,
                "include": [
                    "href": href, "title": title,
                    "sentence": interfaceString("procedure.include", placing: link, at: "link"),
                ] as [String: Any],
            ]
        case .step(let step):
            let scope = LinkResolver.Scope(procedure: procedure, step: step)
            let title = text.inline(step.title, in: scope)
            let plainTitle = plainTexts.plain(step.title, in: language, procedure: procedure)
            var value: [String: Any] = [
                "isInclude": false, "include": false, "text": false, "figure": false, "notes": [Any](), "result": false,
                "number": number, "stepLabel": stepLabel, "id": step.id, "title": wrapped(title, isBlock: false),
                "anchor": format == .markdown ? StepAnchor.markdownSlug(number: number, title: plainTitle) : anchorPrefix(of: procedure) + step.id,
            ]
            if let body = step.text { value["text"] = blocks(body, in: scope) }
            if let figure = step.figure { value["figure"] = figureContext(figure, step: step, scope: scope, procedure: procedure) }
            if !step.notes.isEmpty {
                value["notes"] = step.notes.enumerated().map { offset, note -> [String: Any] in
                    let label = strings.string("note.\(note.kind.rawValue)", in: language)
                    let body = text.blocks(note.text, in: scope)
                    var value: [String: Any] = [
                        "kind": note.kind.rawValue, "label": label, "text": wrapped(body, isBlock: true),
                        "isWarning": note.kind == .warning, "quoted": "", "noteID": "\(anchorPrefix(of: procedure))\(step.id)-note-\(offset + 1)",
                    ]
                    if format == .markdown {
                        let mark = body.isFallback ? " *(\(strings.string("page.not-translated", in: language)))*" : ""
                        value["quoted"] = MarkdownEscaping.blockQuote("**\(MarkdownEscaping.text(label)):**\(mark) " + body.content)
                    }
                    return value
                }
            }
            if let result = step.result { value["result"] = blocks(result, in: scope) }
            return value
        }
    }

    /// A file path as a relative URL: every byte but ASCII letters, digits and `-._~/` percent-encoded, since a
    /// space, `#`, `?`, `(` or a non-ASCII letter in a figure's file name would otherwise end the Markdown link
    /// or be read as a fragment or query.
    static func urlPath(_ path: String) -> String {
        var result = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = Array("0123456789ABCDEF")
                result += "%\(hex[Int(byte >> 4)])\(hex[Int(byte & 0xF)])"
            }
        }
        return result
    }

    func figureContext(_ figure: Figure, step: Step, scope: LinkResolver.Scope, procedure: Procedure) -> [String: Any] {
        let fallback = site.sourceLanguage(of: procedure)
        let path = figure.path(in: language, fallback: fallback)?.value ?? ""
        let alt = plainTexts.plainWithLanguage(figure.alt, in: language, procedure: procedure)
        // Pages sit in a language folder beside images/; the printed guide sits beside it.
        let prefix = anchorPrefix(of: procedure)
        var value: [String: Any] = [
            "src": format == .print ? Self.urlPath(path) : "../" + Self.urlPath(path), "alt": markupSafe(alt.text),
            "anchor": "\(prefix)\(step.id)-figure",
            "altLang": false, "hasCallouts": false, "callouts": [Any](),
        ]
        if alt.language != language { value["altLang"] = alt.language }
        let callouts = figure.callouts.enumerated().map { offset, callout -> [String: Any] in
            ["number": offset + 1, "anchor": prefix + LinkMarkup.calloutAnchor(stepID: step.id, number: offset + 1), "legend": inline(callout, in: scope)]
                as [String: Any]
        }
        if !callouts.isEmpty {
            value["callouts"] = callouts
            value["hasCallouts"] = true
        }
        return value
    }

    /// The link of "Follow the steps in {link}, then continue here." made for this output.
    func includeLink(title: String, href: String) -> String {
        format.isHTML
            ? "<a href=\"\(HTMLEscaping.attribute(href))\">\(HTMLEscaping.text(title))</a>"
            : "[\(MarkdownEscaping.text(title))](\(href))"
    }

    /// The interface string `key` escaped for this output, with the tool's own `markup` at its `{placeholder}`.
    func interfaceString(_ key: String, placing markup: String, at placeholder: String) -> String {
        let parts = strings.string(key, in: language).components(separatedBy: "{\(placeholder)}")
        let escaped = parts.map { format.isHTML ? HTMLEscaping.text($0) : MarkdownEscaping.text($0) }
        return escaped.joined(separator: markup)
    }

    // MARK: - Texts

    /// A text as inline content, ready for the page: fallback text is wrapped by the `…-fallback-inline` template.
    func inline(_ value: Text, in scope: LinkResolver.Scope) -> String {
        wrapped(text.inline(value, in: scope), isBlock: false)
    }

    /// A text as blocks, ready for the page: fallback text is wrapped by the `…-fallback-block` template.
    func blocks(_ value: Text, in scope: LinkResolver.Scope) -> String {
        wrapped(text.blocks(value, in: scope), isBlock: true)
    }

    /// The rendered text itself, or, when it is shown in another language because it is not translated,
    /// the text as the fallback template marks it (its own `lang`, a visible "not yet translated").
    /// Only fallbacks go through a template, so the common case costs one template tag.
    func wrapped(_ rendered: RenderedText, isBlock: Bool) -> String {
        guard rendered.isFallback else { return rendered.content }
        var context = rendered.templateValue
        context["strings"] = templateStrings
        return templates.render("\(format.templatePrefix)-fallback-\(isBlock ? "block" : "inline")", context)
            .trimmingTrailingNewlines()
    }

    /// "example: 123456789" with the value as code, from the `procedure.example` string.
    func exampleLine(_ example: String) -> String {
        let code: String
        switch format {
        case .html, .print:
            code = "<code>\(HTMLEscaping.text(example))</code>"
        case .markdown:
            let fence = example.contains("`") ? "``" : "`"
            code = example.contains("`") ? "\(fence) \(example) \(fence)" : "\(fence)\(example)\(fence)"
        }
        return interfaceString("procedure.example", placing: code, at: "example")
    }

    /// Plain text made safe for this output, for templates to insert with `{{{…}}}`.
    func markupSafe(_ plain: String) -> String {
        format.isHTML ? HTMLEscaping.attribute(plain) : MarkdownEscaping.text(plain)
    }

    // MARK: - Index

    /// This language's index: every group with its procedures.
    public func indexPage() -> OutputFile {
        var context = commonContext(pageName: "index")
        context["pageTitle"] = plainTexts.plainWithLanguage(site.title, in: language, procedure: nil).text
        context["documentTitle"] = context["pageTitle"]
        context["groups"] = site.groups.compactMap { group -> [String: Any]? in
            let procedures = site.procedures(in: group)
            guard !procedures.isEmpty else { return nil }
            return [
                "id": group.id, "title": inline(group.title, in: .init()),
                "procedures": procedures.map { procedure -> [String: Any] in
                    let scope = LinkResolver.Scope(procedure: procedure)
                    var value: [String: Any] = [
                        "id": procedure.id, "href": LinkMarkup.pageHref(procedure.id, format: format),
                        "title": inline(procedure.title, in: scope), "summary": false, "audience": false,
                    ]
                    if let summary = procedure.summary { value["summary"] = inline(summary, in: scope) }
                    if let audience = procedure.audience {
                        value["audience"] = ["id": audience.value, "label": strings.string("audience.\(audience.value)", in: language)]
                    }
                    return value
                },
            ]
        }
        let name = format == .html ? "index.html" : "README.md"
        return OutputFile(path: "\(folder)/\(name)", text: templates.render("\(format.templatePrefix)-index", context))
    }

    // MARK: - Shared values

    /// The values every page has; `procedure` is the page's procedure, if it is one.
    func commonContext(pageName: String, procedure: Procedure? = nil) -> [String: Any] {
        let indexName = format == .markdown ? "README.md" : "index.html"
        let pageFile = pageName == "index" ? indexName : "\(pageName).\(format.pageExtension)"
        let alternates = site.languages.map { other -> [String: Any] in
            // The switcher says so when the other language shows some of this procedure's texts untranslated.
            let isPartial = other != language && procedure.map { !$0.isTranslated(into: other) } == true
            return [
                "lang": other, "name": strings.string("language.name", in: other),
                "href": "../\(other)/\(pageFile)", "isCurrent": other == language,
                "isLast": other == site.languages.last,
                "partlyTranslated": isPartial ? strings.string("page.partly-translated", in: other) : false,
            ]
        }
        return [
            "lang": language,
            "languageName": strings.string("language.name", in: language),
            "siteTitle": inline(site.title, in: .init()),
            "siteTitlePlain": plainTexts.plainWithLanguage(site.title, in: language, procedure: nil).text,
            "strings": templateStrings,
            "alternates": alternates,
            "hasAlternates": site.languages.count > 1,
            "indexHref": indexName,
            "languagesHref": "../\(indexName)",
            "stylesheetHref": "../wegwijs.css",
            "scripts": format == .html ? [["src": SearchIndex.fileName], ["src": "../\(Templates.script)"]] : [Any](),
        ]
    }

    /// `["note.warning": "Warning"]` as `["note": ["warning": "Warning"]]`, so templates write `{{strings.note.warning}}`.
    static func nested(_ flat: [String: String]) -> [String: Any] {
        var result: [String: Any] = [:]
        for key in flat.keys.sorted() {
            let parts = key.split(separator: ".").map(String.init)
            insert(flat[key]!, at: parts[...], into: &result)
        }
        return result
    }

    static func insert(_ value: String, at path: ArraySlice<String>, into dictionary: inout [String: Any]) {
        guard let first = path.first else { return }
        if path.count == 1 {
            dictionary[first] = value
            return
        }
        var child = dictionary[first] as? [String: Any] ?? [:]
        insert(value, at: path.dropFirst(), into: &child)
        dictionary[first] = child
    }
}

/// Escaping for the tool's own Markdown around text from strings files and titles.
enum MarkdownEscaping {
    /// `markdown` as a block quote: every line, blank ones too, behind `> `.
    static func blockQuote(_ markdown: String) -> String {
        var lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.map { $0.isEmpty ? ">" : "> \($0)" }.joined(separator: "\n")
    }

    static func text(_ value: String) -> String {
        var result = ""
        for character in value {
            if "\\`*_[]<>#!|".contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }
}
