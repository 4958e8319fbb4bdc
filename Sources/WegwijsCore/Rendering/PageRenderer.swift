/// Lays out the pages of one language in one output format: each procedure, and the language's index.
///
/// It builds each page's typed model (``ProcedurePage``, ``IndexPage``…) and renders it through its compiled
/// template; texts go through ``TextRenderer``. What sets the formats apart is asked of ``OutputFormat``.
public struct PageRenderer: Sendable {
    let site: Site
    /// The interface strings, in the register of the page being laid out (``inRegister(of:)``).
    private(set) var strings: InterfaceStrings
    let templates: Templates
    /// Renders the pages' texts; ``sharing(_:)`` gives it a job's store of parsed texts.
    private(set) var text: TextRenderer
    let plainTexts: PlainTexts
    /// The interface strings of this language as templates see them; the same for every page of a register.
    private(set) var templateStrings: InterfaceStringsTemplate
    /// The wording of the other registers the site's procedures choose, made once for all their pages.
    let otherRegisters: [Register: Wording]
    /// For each procedure, the steps that include it: (the including procedure's index in `Site.procedures`, the
    /// step's number); the web site's pages offer a way back to them.
    let includers: [String: [(procedure: Int, step: Int)]]
    /// While an include's steps are laid out in place: the include's anchor and number.
    private(set) var inlining: (anchor: String, number: Int, pageProcedureID: String)?

    /// The strings, texts and template strings of one register.
    struct Wording: Sendable {
        var strings: InterfaceStrings
        var text: TextRenderer
        var templateStrings: InterfaceStringsTemplate
    }
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
        templateStrings = InterfaceStringsTemplate(strings.all(in: language))
        var others: [Register: Wording] = [:]
        for register in Set(site.procedures.compactMap { site.register(of: $0) }) where register != strings.register {
            let worded = strings.inRegister(register)
            others[register] = Wording(
                strings: worded, text: TextRenderer(site: site, plainTexts: plainTexts, strings: worded, language: language, format: format),
                templateStrings: InterfaceStringsTemplate(worded.all(in: language)))
        }
        otherRegisters = others
        var includers: [String: [(procedure: Int, step: Int)]] = [:]
        if format.showsNavigation {
            for (index, procedure) in site.procedures.enumerated() {
                for (offset, entry) in procedure.steps.enumerated() {
                    if case .include(let include) = entry { includers[include.procedureID, default: []].append((index, offset + 1)) }
                }
            }
        }
        self.includers = includers
    }

    /// This renderer in the register `procedure` chooses (its own, its group's or the site's): the index pages
    /// are worded as the strings given, each procedure's page and chapter as its content asks.
    func inRegister(of procedure: Procedure) -> PageRenderer {
        guard let register = site.register(of: procedure), register != strings.register, let wording = otherRegisters[register] else {
            return self
        }
        var renderer = self
        renderer.strings = wording.strings
        renderer.text = wording.text
        renderer.text.trees = text.trees
        renderer.templateStrings = wording.templateStrings
        return renderer
    }

    /// This renderer, parsing the texts that are not the site's own once in `trees` for every page rendered
    /// with it: one job's procedure in every language and format.
    public func sharing(_ trees: TextTrees) -> PageRenderer {
        var renderer = self
        renderer.text.trees = trees
        return renderer
    }

    /// The folder of this language's pages, relative to the output root.
    public var folder: String { "\(format.rawValue)/\(language)" }

    /// The page of `procedure`.
    public func procedurePage(_ procedure: Procedure) -> OutputFile {
        OutputFile(
            path: "\(folder)/\(format.fileName(ofPage: procedure.id))",
            text: templates.render(.procedure, in: format, procedurePage(of: procedure)))
    }

    /// Everything the procedure templates show of `procedure`: one page of the site, or a chapter of the printed
    /// guide, in the procedure's register.
    func procedurePage(of procedure: Procedure) -> ProcedurePage {
        inRegister(of: procedure).procedurePageInItsRegister(procedure)
    }

    private func procedurePageInItsRegister(_ procedure: Procedure) -> ProcedurePage {
        let scope = LinkResolver.Scope(procedure: procedure)
        var chrome = chrome(pageName: procedure.id, procedure: procedure)
        chrome.head.description = description(of: procedure)
        let pageTitle = plainTexts.title(of: procedure, in: language)
        return ProcedurePage(
            chrome: chrome,
            anchor: format.procedureAnchor(procedure.id, language: language),
            pageTitle: pageTitle,
            documentTitle: "\(pageTitle) · \(chrome.siteTitlePlain)",
            title: wrapped(text.inline(procedure.title, in: scope), isBlock: false),
            group: site.group(procedure.group).map {
                .init(id: $0.id, title: inline($0.title, in: .init()), href: format.showsNavigation ? groupHref($0) : "")
            },
            summary: procedure.summary.map { blocks($0, in: scope) },
            audience: procedure.audience.map(audienceLabel),
            prerequisites: procedure.requirements.enumerated().map { offset, requirement in
                .init(number: offset + 1, text: inline(requirement, in: scope))
            },
            inputs: procedure.inputs.map { input in
                .init(
                    id: input.id, label: inline(input.label, in: scope), example: input.example,
                    exampleLine: input.example.map(exampleLine) ?? .empty)
            },
            steps: procedure.steps.enumerated().map { offset, entry in
                stepItem(entry, number: offset + 1, procedure: procedure)
            },
            navigation: format.showsNavigation ? navigation(around: procedure) : [],
            previous: format.showsNavigation ? entry(plainTexts.order.neighbours(of: procedure.id, in: language).previous) : nil,
            next: format.showsNavigation ? entry(plainTexts.order.neighbours(of: procedure.id, in: language).next) : nil,
            backLinks: format.showsNavigation ? backLinks(to: procedure) : [],
            footer: footer(of: procedure, title: pageTitle))
    }

    func audienceLabel(_ audience: Located<String>) -> ProcedurePage.AudienceLabel {
        .init(id: audience.value, label: strings.string("audience.\(audience.value)", in: language))
    }

    func stepItem(_ entry: StepEntry, number: Int, procedure: Procedure) -> StepItem {
        let stepLabel = strings.string("procedure.step", in: language)
        // An include's steps shown in place carry its anchor before theirs ("step-2--fill-in": no id has two
        // hyphens in a row) and its number before theirs ("2.1").
        let inPlace = inlining.map { "\($0.anchor)--" } ?? ""
        let shownNumber = inlining.map { "\($0.number).\(number)" } ?? String(number)
        func heading(_ anchor: String) -> StepItem.Heading {
            .init(
                number: number, stepLabel: stepLabel, anchor: anchor, parentNumber: inlining?.number,
                permalinkLabel: strings.string("procedure.permalink", in: language, ["number": shownNumber]))
        }
        switch entry {
        case .include(let include):
            let included = site.procedure(include.procedureID)
            let title = included.map { plainTexts.title(of: $0, in: language) } ?? include.procedureID
            let anchor = inPlace + format.stepAnchor(number: number, id: nil, plainTitle: title, procedureID: procedure.id, language: language)
            let pageHref = format.includeHref(include.procedureID, language: language)
            // On the site the link says where the reader came from, so the page can offer the way back.
            let href = format.showsNavigation ? "\(pageHref)?from=\(inlining?.pageProcedureID ?? procedure.id)&step=\(anchor)" : pageHref
            var link = format.link(title: title, href: href)
            if format.isOneDocument {
                let target = PrintAnchor.procedure(include.procedureID, language: language)
                let earlier = text.markup.isEarlier(procedureID: include.procedureID, stepNumber: nil, from: procedure.id, step: number)
                let words = text.markup.pageReference(to: target, isEarlier: earlier)
                link = Markup(words.enter + link.source + words.exit)
            }
            var step = StepItem.IncludeStep(
                heading: heading(anchor), href: href, title: title,
                sentence: interfaceString("procedure.include", placing: link, at: "link"))
            if format.showsNavigation, inlining == nil, let included {
                var inPlaceRenderer = self
                inPlaceRenderer.inlining = (anchor, number, procedure.id)
                inPlaceRenderer.text.placement = .init(pageProcedureID: procedure.id, anchorPrefix: "\(anchor)--")
                step.steps = included.steps.enumerated().map { offset, entry in
                    inPlaceRenderer.stepItem(entry, number: offset + 1, procedure: included)
                }
                let count = step.steps.count
                step.summary = strings.string(
                    count == 1 ? "procedure.include.show.one" : "procedure.include.show", in: language,
                    ["count": String(count), "title": title])
                step.whereToFind = interfaceString(
                    "procedure.include.where",
                    placing: ["title": format.escaped(title), "address": Markup("<span class=\"include-address\">\(HTMLEscaping.text(pageHref))</span>")])
            }
            return .include(step)
        case .step(let step):
            let scope = LinkResolver.Scope(procedure: procedure, step: step)
            let plainTitle = plainTexts.plain(step.title, in: language, procedure: procedure, trees: text.trees)
            let anchor = inPlace + format.stepAnchor(number: number, id: step.id, plainTitle: plainTitle, procedureID: procedure.id, language: language)
            let prefix = format.anchorPrefix(of: procedure.id, language: language) + inPlace
            return .step(.init(
                heading: heading(anchor),
                id: step.id,
                title: wrapped(text.inline(step.title, in: scope), isBlock: false),
                text: step.text.map { blocks($0, in: scope) },
                figure: step.figure.map { figureItem($0, step: step, scope: scope, procedure: procedure) },
                notes: step.notes.enumerated().map { offset, note in
                    let label = strings.string("note.\(note.kind.rawValue)", in: language)
                    let body = text.blocks(note.text, in: scope)
                    return .init(
                        kind: note.kind.rawValue, label: label, text: wrapped(body, isBlock: true), isWarning: note.kind == .warning,
                        noteID: "\(prefix)\(step.id)-note-\(offset + 1)",
                        quoted: format.quotedNote(label: label, body: body, notTranslated: strings.string("page.not-translated", in: language)))
                },
                result: step.result.map { blocks($0, in: scope) },
                choices: step.choices.map { choiceItem($0, scope: scope, procedure: procedure, from: number) }))
        }
    }

    /// A choice as its sentence: "If {choice}, go to step N: title." linking the step by the page's numbering
    /// (an include is one step), or "If {choice}, follow the steps in {procedure}…"; in print the link is followed
    /// by its page ("step N: title on page P"), which the layout engine fills in, as for every printed reference.
    func choiceItem(_ choice: Choice, scope: LinkResolver.Scope, procedure: Procedure, from number: Int) -> StepItem.ChoiceItem {
        let condition = inline(choice.text, in: scope)
        let href: String
        let words: String
        let isProcedure: Bool
        let isEarlier: Bool
        switch choice.target {
        case .step(let id):
            // The validator makes sure the step exists and comes later.
            let found = procedure.step(id)
            let stepNumber = found?.number ?? number
            let plainTitle = found.map { plainTexts.plain($0.step.title, in: language, procedure: procedure) } ?? id
            let anchor = format.stepAnchor(number: stepNumber, id: id, plainTitle: plainTitle, procedureID: procedure.id, language: language)
            href = "#" + (inlining.map { "\($0.anchor)--" } ?? "") + anchor
            words = strings.string("reference.step", in: language, ["number": String(stepNumber), "title": plainTitle])
            isProcedure = false
            isEarlier = false
        case .procedure(let id):
            href = format.includeHref(id, language: language)
            words = site.procedure(id).map { plainTexts.title(of: $0, in: language) } ?? id
            isProcedure = true
            isEarlier = text.markup.isEarlier(procedureID: id, stepNumber: nil, from: procedure.id, step: number)
        }
        var link = format.link(title: words, href: href)
        if format.isOneDocument {
            let page = text.markup.pageReference(to: String(href.dropFirst()), isEarlier: isEarlier)
            link = Markup(page.enter + link.source + page.exit)
        }
        return .init(
            text: condition, href: href, isProcedure: isProcedure,
            sentence: interfaceString(isProcedure ? "procedure.choice.procedure" : "procedure.choice.step", placing: ["choice": condition, "link": link]))
    }

    func figureItem(_ figure: Figure, step: Step, scope: LinkResolver.Scope, procedure: Procedure) -> StepItem.FigureItem {
        let path = figure.path(in: language, fallback: site.sourceLanguage(of: procedure))?.value ?? ""
        let alt = plainTexts.plainWithLanguage(figure.alt, in: language, procedure: procedure, trees: text.trees)
        let prefix = format.anchorPrefix(of: procedure.id, language: language) + (inlining.map { "\($0.anchor)--" } ?? "")
        return .init(
            src: format.figureSource(path), alt: format.attributeSafe(alt.text), altLang: alt.language == language ? nil : alt.language,
            anchor: "\(prefix)\(step.id)-figure",
            callouts: figure.callouts.enumerated().map { offset, callout in
                .init(
                    number: offset + 1, anchor: prefix + LinkMarkup.calloutAnchor(stepID: step.id, number: offset + 1),
                    legend: inline(callout, in: scope))
            })
    }

    /// The interface string `key` escaped for this output, with the tool's own `markup` at its `{placeholder}`.
    func interfaceString(_ key: String, placing markup: Markup, at placeholder: String) -> Markup {
        interfaceString(key, placing: [placeholder: markup])
    }

    /// The interface string `key` escaped for this output, with each of `markups` at its `{placeholder}`; other
    /// braces stay as written.
    func interfaceString(_ key: String, placing markups: [String: Markup]) -> Markup {
        var result = ""
        var plain = ""
        var rest = Substring(strings.string(key, in: language))
        while let open = rest.firstIndex(of: "{") {
            plain += rest[..<open]
            if let close = rest[open...].firstIndex(of: "}"), let markup = markups[String(rest[rest.index(after: open)..<close])] {
                result += format.escaped(plain).source + markup.source
                plain = ""
                rest = rest[rest.index(after: close)...]
            } else {
                plain.append("{")
                rest = rest[rest.index(after: open)...]
            }
        }
        return Markup(result + format.escaped(plain + rest).source)
    }

    // MARK: - Texts

    /// A text as inline content, ready for the page: fallback text is wrapped by the `…-fallback-inline` template.
    func inline(_ value: Text, in scope: LinkResolver.Scope) -> Markup {
        wrapped(text.inline(value, in: scope), isBlock: false)
    }

    /// A text as blocks, ready for the page: fallback text is wrapped by the `…-fallback-block` template.
    func blocks(_ value: Text, in scope: LinkResolver.Scope) -> Markup {
        wrapped(text.blocks(value, in: scope), isBlock: true)
    }

    /// The rendered text itself, or, when it is shown in another language because it is not translated,
    /// the text as the fallback template marks it (its own `lang`, a visible "not yet translated").
    /// Only fallbacks go through a template, so the common case costs one template tag.
    func wrapped(_ rendered: RenderedText, isBlock: Bool) -> Markup {
        guard rendered.isFallback else { return Markup(rendered.content) }
        let fallback = FallbackText(content: Markup(rendered.content), lang: rendered.language, strings: templateStrings)
        return Markup(templates.render(isBlock ? .fallbackBlock : .fallbackInline, in: format, fallback).trimmingTrailingNewlines())
    }

    /// "example: 123456789" with the value as code, from the `procedure.example` string.
    func exampleLine(_ example: String) -> Markup {
        interfaceString("procedure.example", placing: format.code(example), at: "example")
    }

    // MARK: - Index

    /// This language's index: every group with its procedures.
    public func indexPage() -> OutputFile {
        var chrome = chrome(pageName: "index")
        chrome.head.description = siteDescription
        let page = IndexPage(
            chrome: chrome,
            pageTitle: plainTexts.plainWithLanguage(site.title, in: language, procedure: nil).text,
            groups: site.groups.compactMap { group in
                let procedures = plainTexts.procedures(in: group, language: language)
                guard !procedures.isEmpty else { return nil }
                return IndexPage.Group(
                    id: group.id, title: inline(group.title, in: .init()),
                    procedures: procedures.map { procedure in
                        let scope = LinkResolver.Scope(procedure: procedure)
                        return IndexPage.Entry(
                            id: procedure.id, href: LinkMarkup.pageHref(procedure.id, format: format),
                            title: inline(procedure.title, in: scope), summary: procedure.summary.map { inline($0, in: scope) },
                            audience: procedure.audience.map(audienceLabel))
                    })
            })
        return OutputFile(path: "\(folder)/\(format.indexFileName)", text: templates.render(.index, in: format, page))
    }

    // MARK: - Shared values

    /// What every page shows around its content; `procedure` is the page's procedure, if it is one.
    func chrome(pageName: String, procedure: Procedure? = nil) -> PageChrome {
        let pageFile = format.fileName(ofPage: pageName)
        return PageChrome(
            lang: language,
            languageName: strings.string("language.name", in: language),
            siteTitle: inline(site.title, in: .init()),
            siteTitlePlain: plainTexts.plainWithLanguage(site.title, in: language, procedure: nil).text,
            strings: templateStrings,
            alternates: site.languages.map { other in
                // The switcher says so when the other language shows some of this procedure's texts untranslated.
                let isPartial = other != language && procedure.map { !$0.isTranslated(into: other) } == true
                return PageChrome.Alternate(
                    lang: other, name: strings.string("language.name", in: other), href: "../\(other)/\(pageFile)",
                    isCurrent: other == language, isLast: other == site.languages.last,
                    partlyTranslated: isPartial ? strings.string("page.partly-translated", in: other) : nil,
                    linkHref: absoluteHref(language: other, pageName: pageName) ?? "../\(other)/\(pageFile)")
            },
            indexHref: format.indexFileName,
            languagesHref: "../\(format.indexFileName)",
            stylesheetHref: "../wegwijs.css",
            scripts: format.scripts,
            head: .init(
                canonicalHref: absoluteHref(language: language, pageName: pageName),
                defaultHref: absoluteHref(language: nil, pageName: "index"), iconHref: "../\(Templates.icon)"),
            searchIndexHref: format.searchIndexHref)
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
