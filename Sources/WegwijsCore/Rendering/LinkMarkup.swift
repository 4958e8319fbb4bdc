import WegwijsMarkdown

/// What each resolved link becomes in HTML and in Markdown.
struct LinkMarkup: Sendable {
    let strings: InterfaceStrings
    let language: String
    let format: OutputFormat

    struct Context {
        var scope: LinkResolver.Scope
        var currentProcedureID: String?
    }

    /// The nodes that replace a link to `target`; `hasText` tells whether the author wrote a link text.
    func replacement(for target: LinkResolver.Target, hasText: Bool, context: Context) -> [InlineReplacement] {
        func content(_ generated: String) -> [InlineReplacement] {
            hasText ? [.originalContent] : [.text(generated)]
        }
        switch target {
        case .procedure(let id, _):
            return [.link(destination: Self.pageHref(id, format: format), title: "", children: content(text(for: target)))]

        case .step(let procedureID, let stepID, let number, let title):
            let anchor = format == .html ? stepID : StepAnchor.markdownSlug(number: number, title: title)
            let page = procedureID == context.currentProcedureID ? "" : Self.pageHref(procedureID, format: format)
            return [.link(destination: "\(page)#\(anchor)", title: "", children: content(text(for: target)))]

        case .term(_, _, let shownIn):
            switch format {
            case .html:
                let lang = shownIn == language ? "" : " lang=\"\(HTMLEscaping.attribute(shownIn))\""
                return [.markup(enter: "<span class=\"ui-term\"\(lang)>", exit: "</span>", children: content(text(for: target)))]
            case .markdown:
                return [.strong(content(text(for: target)))]
            }

        case .input(let id, let label, let shownIn):
            switch format {
            case .html:
                let lang = shownIn == language ? "" : " lang=\"\(HTMLEscaping.attribute(shownIn))\""
                return [.markup(
                    enter: "<var class=\"input\" data-input=\"\(HTMLEscaping.attribute(id))\"\(lang)>", exit: "</var>",
                    children: content(text(for: target)))]
            case .markdown:
                return [.emphasis(hasText ? [.originalContent] : [.text("‹\(label)›")])]
            }

        case .callout(let number, _, let stepID):
            switch format {
            case .html:
                // The hidden word makes it "Marker 1"; the description reads the legend, so a screen reader
                // announces what the marker points at without leaving the text.
                let marker = HTMLEscaping.text(strings.string("callout.marker", in: language))
                let anchor = Self.calloutAnchor(stepID: stepID, number: number)
                return [.noBreakBefore, .markup(
                    enter: "<a class=\"callout\" href=\"#\(anchor)\" aria-describedby=\"\(anchor)-legend\">"
                        + "<span class=\"visually-hidden\">\(marker) </span>",
                    exit: "</a>", children: [.text(text(for: target))])]
            case .markdown:
                return [.noBreakBefore, .strong([.text("(\(number))")])]
            }
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

    /// The id of marker `number`'s legend item on step `stepID`'s figure (its text is `…-legend`).
    static func calloutAnchor(stepID: String, number: Int) -> String {
        "\(stepID)-callout-\(number)"
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
