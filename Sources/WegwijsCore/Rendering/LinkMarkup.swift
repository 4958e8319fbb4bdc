import WegwijsMarkdown

/// What each resolved link becomes in HTML, in Markdown and in the printed guide.
struct LinkMarkup: Sendable {
    let strings: InterfaceStrings
    let language: String
    let format: OutputFormat
    /// Each procedure's place in the site's order, which is the printed guide's: whether a printed reference
    /// points back ("as explained earlier on page 2") or ahead.
    let procedureOrder: [String: Int]

    struct Context {
        var scope: LinkResolver.Scope
        var currentProcedureID: String?
        /// Where the text is shown, when it is not on its procedure's own page: an included procedure's steps
        /// shown in place on the including page, their anchors prefixed.
        var placement: Placement? = nil
    }

    /// An included procedure's texts shown on another procedure's page (``Context/placement``).
    struct Placement: Sendable {
        /// The procedure whose page shows the texts.
        var pageProcedureID: String
        /// What goes before the anchors of the steps shown in place (`step-2--`).
        var anchorPrefix: String
    }

    /// The nodes that replace a link to `target`; `hasText` tells whether the author wrote a link text.
    func replacement(for target: LinkResolver.Target, hasText: Bool, context: Context) -> [InlineReplacement] {
        func content(_ generated: String) -> [InlineReplacement] {
            hasText ? [.originalContent] : [.text(generated)]
        }
        switch target {
        case .procedure(let id, _):
            guard format != .print else {
                let earlier = isEarlier(procedureID: id, stepNumber: nil, context: context)
                return [printReference(to: PrintAnchor.procedure(id, language: language), isEarlier: earlier, children: content(text(for: target)))]
            }
            return [.link(destination: Self.pageHref(id, format: format), title: "", children: content(text(for: target)))]

        case .step(let procedureID, let stepID, let number, let title):
            guard format != .print else {
                let anchor = PrintAnchor.step(stepID, of: procedureID, language: language)
                let earlier = isEarlier(procedureID: procedureID, stepNumber: number, context: context)
                return [printReference(to: anchor, isEarlier: earlier, children: content(text(for: target)))]
            }
            let anchor = format == .html ? stepID : StepAnchor.markdownSlug(number: number, title: title)
            let pageProcedureID = context.placement?.pageProcedureID ?? context.currentProcedureID
            let page = procedureID == pageProcedureID ? "" : Self.pageHref(procedureID, format: format)
            return [.link(destination: "\(page)#\(anchor)", title: "", children: content(text(for: target)))]

        case .term(_, _, let shownIn):
            guard format.isHTML else { return [.strong(content(text(for: target)))] }
            let lang = shownIn == language ? "" : " lang=\"\(HTMLEscaping.attribute(shownIn))\""
            // On the site a short label ("Track & Trace", "E-mailadres") is never broken inside; a long one breaks
            // where it must.
            let shown = hasText ? "" : text(for: target)
            let kind = format == .html && !hasText && shown.count <= Self.shortTermLength ? "ui-term ui-term-short" : "ui-term"
            return [.markup(enter: "<span class=\"\(kind)\"\(lang)>", exit: "</span>", children: content(text(for: target)))]

        case .input(let id, let label, let shownIn):
            guard format.isHTML else { return [.emphasis(hasText ? [.originalContent] : [.text("‹\(label)›")])] }
            let lang = shownIn == language ? "" : " lang=\"\(HTMLEscaping.attribute(shownIn))\""
            return [.markup(
                enter: "<var class=\"input\" data-input=\"\(HTMLEscaping.attribute(id))\"\(lang)>", exit: "</var>",
                children: content(text(for: target)))]

        case .callout(let number, _, let stepID):
            guard format.isHTML else { return [.noBreakBefore, .strong([.text("(\(number))")])] }
            let marker = HTMLEscaping.text(strings.string("callout.marker", in: language))
            // The printed guide is one document: its anchors carry the procedure's prefix.
            let prefix = format == .print ? context.currentProcedureID.map { PrintAnchor.prefix(of: $0, language: language) } ?? "" : ""
            let anchor = prefix + (context.placement?.anchorPrefix ?? "") + Self.calloutAnchor(stepID: stepID, number: number)
            // The hidden word makes it "Marker 1"; on the site the description reads the legend, so a screen
            // reader announces what the marker points at without leaving the text.
            let description = format == .html ? " aria-describedby=\"\(anchor)-legend\"" : ""
            return [.noBreakBefore, .markup(
                enter: "<a class=\"callout\" href=\"#\(anchor)\"\(description)><span class=\"visually-hidden\">\(marker) </span>",
                exit: "</a>", children: [.text(text(for: target))])]
        }
    }

    /// The words a link to `target` shows when the author wrote none: a title, "step N: title", a label
    /// or a marker's number.
    func text(for target: LinkResolver.Target) -> String {
        switch target {
        case .procedure(_, let title): title
        case .step(_, _, let number, let title):
            strings.string("reference.step", in: language, ["number": String(number), "title": title])
        case .term(_, let label, _), .input(_, let label, _): label
        case .callout(let number, _, _): String(number)
        }
    }

    /// The longest label, in characters, that is kept on one line.
    static let shortTermLength = 24

    /// The id of marker `number`'s legend item on step `stepID`'s figure (its text is `…-legend`).
    static func calloutAnchor(stepID: String, number: Int) -> String {
        "\(stepID)-callout-\(number)"
    }

    // MARK: - Page references

    /// A reference in the printed guide: a link to `anchor` with `children`, inside the words of
    /// ``pageReference(to:isEarlier:)``.
    func printReference(to anchor: String, isEarlier: Bool, children: [InlineReplacement]) -> InlineReplacement {
        let words = pageReference(to: anchor, isEarlier: isEarlier)
        return .markup(enter: words.enter, exit: words.exit, children: [.link(destination: "#\(anchor)", title: "", children: children)])
    }

    /// The HTML before and after the link of a printed reference: the interface string `print.reference.earlier`
    /// or `print.reference.later` ("{link} (see page {page})") split at `{link}`, its `{page}` an empty link to
    /// `anchor` whose number the layout engine writes (CSS `target-counter`), never this program.
    func pageReference(to anchor: String, isEarlier: Bool) -> (enter: String, exit: String) {
        // The number stays on the line of the word before it ("page 7").
        let template = strings.string(isEarlier ? "print.reference.earlier" : "print.reference.later", in: language)
            .replacingOccurrences(of: " {page}", with: "\u{00A0}{page}")
        // Empty until laid out on pages, so hidden from screen readers and the tab order of a browser that
        // opens the document; the link beside it names the target.
        let number = "<a class=\"page-number\" href=\"#\(HTMLEscaping.attribute(anchor))\" aria-hidden=\"true\" tabindex=\"-1\"></a>"
        func markup(_ words: String) -> String {
            words.components(separatedBy: "{page}").map(HTMLEscaping.text).joined(separator: number)
        }
        let parts = template.components(separatedBy: "{link}")
        // A string without {link} still shows the link, before its words.
        let before = parts.count > 1 ? parts[0] : ""
        let after = parts.count > 1 ? parts[1...].joined() : " " + template
        return ("<span class=\"page-reference\">" + markup(before), markup(after) + "</span>")
    }

    /// Whether the target (a procedure, or one of its steps) comes before the text that refers to it in the
    /// printed guide. Texts outside procedures look ahead.
    func isEarlier(procedureID: String, stepNumber: Int?, context: Context) -> Bool {
        let currentStep = context.scope.step.flatMap { step in context.scope.procedure?.step(step.id)?.number }
        return isEarlier(procedureID: procedureID, stepNumber: stepNumber, from: context.currentProcedureID, step: currentStep)
    }

    /// Whether a procedure or step comes before step `currentStep` (nil: before the steps) of `currentProcedureID`.
    func isEarlier(procedureID: String, stepNumber: Int?, from currentProcedureID: String?, step currentStep: Int?) -> Bool {
        guard let currentProcedureID, let here = procedureOrder[currentProcedureID], let there = procedureOrder[procedureID]
        else { return false }
        guard there == here else { return there < here }
        // A procedure starts before any of its texts; a step is earlier than the step referring to it.
        guard let stepNumber else { return true }
        return currentStep.map { stepNumber < $0 } ?? false
    }

    /// The relative address of a procedure's page from a page in the same language folder.
    static func pageHref(_ procedureID: String, format: OutputFormat) -> String {
        "\(procedureID).\(format.pageExtension)"
    }
}

/// Anchors of steps.
public enum StepAnchor {
    /// The anchor a code host gives the Markdown heading `### N. Title`: lowercase, punctuation removed,
    /// spaces as hyphens (the GitHub and GitLab rule).
    public static func markdownSlug(number: Int, title: String) -> String {
        slug("\(number). \(title)")
    }

    static func slug(_ heading: String) -> String {
        var result = ""
        for character in heading.lowercased() {
            if character == " " {
                result.append("-")
            } else if character == "-" || character == "_" || character.isLetter || character.isNumber {
                result.append(character)
            }
        }
        return result
    }
}

/// Escaping for the tool's own HTML, around values that come from content or strings files.
public enum HTMLEscaping {
    /// Text content.
    public static func text(_ value: String) -> String {
        var result = ""
        result.reserveCapacity(value.utf8.count)
        for character in value {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            default: result.append(character)
            }
        }
        return result
    }

    /// An attribute value in double quotes.
    public static func attribute(_ value: String) -> String {
        var result = ""
        for character in value {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }
}
