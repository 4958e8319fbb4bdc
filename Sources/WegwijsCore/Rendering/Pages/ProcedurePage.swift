import WegwijsMustache

/// A procedure as its page (HTML, Markdown) or its chapter of the printed guide shows it.
struct ProcedurePage: Sendable {
    var chrome: PageChrome
    var anchor: String
    var pageTitle: String
    var documentTitle: String
    var title: Markup
    var group: GroupHeading?
    var summary: Markup?
    var audience: AudienceLabel?
    var prerequisites: [Prerequisite]
    var inputs: [InputItem]
    var steps: [StepItem]
    /// The site's groups and procedures beside the page (the web site only; empty elsewhere).
    var navigation: [NavigationGroup] = []
    /// The procedures before and after this one in the reading order (``ProcedureOrder``), on the web site.
    var previous: NavigationEntry? = nil
    var next: NavigationEntry? = nil
    /// "Back to Add users, step 2", one for each step that includes this procedure; the site's script shows the
    /// one the reader came from.
    var backLinks: [BackLink] = []
    /// When it last changed, and where to edit it or report a problem.
    var footer: Footer = .none

    /// The procedure's group, above its title, linking to the group's place in the index.
    struct GroupHeading: Sendable {
        var id: String
        var title: Markup
        var href: String = ""
    }

    /// A group in the navigation: its title links to its place in the index; its procedures are listed in full
    /// when they are few, else only those around the current one, with a link to the whole list.
    struct NavigationGroup: Sendable {
        var id: String
        var title: Markup
        var href: String
        var isCurrent: Bool
        var entries: [NavigationEntry]
        /// "All 40 guides in DHL eSecure", when `entries` shows only some.
        var more: String?
    }

    /// A procedure in the navigation, or the previous or next one.
    struct NavigationEntry: Sendable {
        var title: String
        /// The title's language, when it is shown untranslated.
        var lang: String?
        var href: String
        var isCurrent: Bool
    }

    /// A way back to a step that includes this procedure.
    struct BackLink: Sendable {
        /// The including procedure's id and the step's anchor, as the include's link names them (`?from=…&step=…`).
        var from: String
        var step: String
        var href: String
        var text: String
    }

    /// Who the procedure is for, with its label in the page's language.
    struct AudienceLabel: Sendable {
        var id: String
        var label: String
    }

    /// One of "before you start".
    struct Prerequisite: Sendable {
        var number: Int
        var text: Markup
    }

    /// A value the admin needs at hand.
    struct InputItem: Sendable {
        var id: String
        var label: Markup
        var example: String?
        /// "example: 123456789", the value as code.
        var exampleLine: Markup
    }
}

/// A numbered step of a procedure page: the procedure's own, or one that includes another procedure.
enum StepItem: Sendable {
    case step(StepContent)
    case include(IncludeStep)

    /// What steps of both kinds show.
    struct Heading: Sendable {
        var number: Int
        var stepLabel: String
        var anchor: String
        /// The number of the step that includes this one, for a step shown in place of an include ("2.1").
        var parentNumber: Int? = nil
        /// "Link to step 2.1", the name of the step's permalink.
        var permalinkLabel: String = ""
    }

    /// A step of the procedure itself.
    struct StepContent: Sendable {
        var heading: Heading
        var id: String
        var title: Markup
        var text: Markup?
        var figure: FigureItem?
        var notes: [NoteItem]
        var result: Markup?
        var choices: [ChoiceItem] = []
    }

    /// One answer of a step's decision: "If {choice}, go to step N." with a link to the step (on the page, or
    /// "step N on page P" in print) or to the other procedure.
    struct ChoiceItem: Sendable {
        /// The choice's text, the condition.
        var text: Markup
        /// Where the choice leads: a step's anchor, or the other procedure's page or chapter.
        var href: String
        /// Whether it leads to another procedure rather than a step of this one.
        var isProcedure: Bool
        /// The whole sentence, with the text and the link in place.
        var sentence: Markup
    }

    /// A step that sends the reader through another procedure.
    struct IncludeStep: Sendable {
        var heading: Heading
        var href: String
        var title: String
        /// "Follow the steps in {link}, then continue here." with the link in place.
        var sentence: Markup
        /// The included procedure's steps, shown in place (the web site; one level deep), their anchors prefixed
        /// with this step's so that they stay unique on the page.
        var steps: [StepItem] = []
        /// "Show the 2 steps of Access eSecure", the disclosure's summary.
        var summary: String = ""
        /// "Access eSecure has a page of its own: {address}", for a page printed from the browser (no page numbers).
        var whereToFind: Markup = .empty
    }

    /// A figure of a step, with the legend of its numbered markers.
    struct FigureItem: Sendable {
        var src: String
        var alt: Markup
        /// The language of the alternative text, when it is not the page's.
        var altLang: String?
        var anchor: String
        var callouts: [Callout]
    }

    /// One numbered marker's legend.
    struct Callout: Sendable {
        var number: Int
        var anchor: String
        var legend: Markup
    }

    /// A tip, note or warning of a step.
    struct NoteItem: Sendable {
        var kind: String
        var label: String
        var text: Markup
        var isWarning: Bool
        var noteID: String
        /// The note as a block quote with its label, where the output shows notes so (Markdown).
        var quoted: Markup?
    }
}

// MARK: - Templates

extension ProcedurePage: TemplateObject {
    func value(forKey key: String) -> TemplateValue? {
        switch key {
        case "anchor": .text(anchor)
        case "pageTitle": .text(pageTitle)
        case "documentTitle": .text(documentTitle)
        case "title": title.templateValue
        case "group": group.templateValue
        case "summary": summary.templateValue
        case "audience": audience.templateValue
        case "prerequisites": prerequisites.templateValue
        case "hasPrerequisites": .bool(!prerequisites.isEmpty)
        case "inputs": inputs.templateValue
        case "hasInputs": .bool(!inputs.isEmpty)
        case "steps": .list(steps.map { .object($0) })
        case "navigation": navigation.templateValue
        case "hasNavigation": .bool(!navigation.isEmpty)
        case "previous": previous.templateValue
        case "next": next.templateValue
        case "hasNeighbours": .bool(previous != nil || next != nil)
        case "backLinks": backLinks.templateValue
        default: footer.value(forKey: key) ?? chrome.value(forKey: key)
        }
    }

    static func schema(strings: TemplateSchema) -> TemplateSchema {
        .object(
            name: "ProcedurePage",
            fields: PageChrome.fields(strings: strings).merging([
                "anchor": .text, "pageTitle": .text, "documentTitle": .text, "title": .markup,
                "group": .optional(GroupHeading.schema), "summary": .optional(.markup), "audience": .optional(AudienceLabel.schema),
                "prerequisites": .list(Prerequisite.schema), "hasPrerequisites": .bool, "inputs": .list(InputItem.schema),
                "hasInputs": .bool, "steps": .list(StepItem.schema(inlining: true)), "navigation": .list(NavigationGroup.schema),
                "hasNavigation": .bool, "previous": .optional(NavigationEntry.schema), "next": .optional(NavigationEntry.schema), "hasNeighbours": .bool,
                "backLinks": .list(BackLink.schema),
            ].merging(Footer.fields) { page, _ in page }) { _, page in page })
    }
}

extension ProcedurePage.GroupHeading: TemplateObject {
    func value(forKey key: String) -> TemplateValue? {
        switch key {
        case "id": .text(id)
        case "title": title.templateValue
        case "href": .text(href)
        default: nil
        }
    }

    static var schema: TemplateSchema { .object(name: "GroupHeading", fields: ["id": .text, "title": .markup, "href": .text]) }
}

extension ProcedurePage.NavigationGroup: TemplateObject {
    func value(forKey key: String) -> TemplateValue? {
        switch key {
        case "id": .text(id)
        case "title": title.templateValue
        case "href": .text(href)
        case "isCurrent": .bool(isCurrent)
        case "entries": entries.templateValue
        case "hasEntries": .bool(!entries.isEmpty)
        case "more": more.templateValue
        default: nil
        }
    }

    static var schema: TemplateSchema { .object(
        name: "NavigationGroup",
        fields: [
            "id": .text, "title": .markup, "href": .text, "isCurrent": .bool, "entries": .list(ProcedurePage.NavigationEntry.schema),
            "hasEntries": .bool, "more": .optional(.text),
        ]) }
}

extension ProcedurePage.NavigationEntry: TemplateObject {
    func value(forKey key: String) -> TemplateValue? {
        switch key {
        case "title": .text(title)
        case "lang": lang.templateValue
        case "href": .text(href)
        case "isCurrent": .bool(isCurrent)
        default: nil
        }
    }

    static var schema: TemplateSchema { .object(
        name: "NavigationEntry", fields: ["title": .text, "lang": .optional(.text), "href": .text, "isCurrent": .bool]) }
}

extension ProcedurePage.BackLink: TemplateObject {
    func value(forKey key: String) -> TemplateValue? {
        switch key {
        case "from": .text(from)
        case "step": .text(step)
        case "href": .text(href)
        case "text": .text(text)
        default: nil
        }
    }

    static var schema: TemplateSchema { .object(
        name: "BackLink", fields: ["from": .text, "step": .text, "href": .text, "text": .text]) }
}

extension ProcedurePage.AudienceLabel: TemplateObject {
    func value(forKey key: String) -> TemplateValue? {
        switch key {
        case "id": .text(id)
        case "label": .text(label)
        default: nil
        }
    }

    static var schema: TemplateSchema { .object(name: "Audience", fields: ["id": .text, "label": .text]) }
}

extension ProcedurePage.Prerequisite: TemplateObject {
    func value(forKey key: String) -> TemplateValue? {
        switch key {
        case "number": .integer(number)
        case "text": text.templateValue
        default: nil
        }
    }

    static var schema: TemplateSchema { .object(name: "Prerequisite", fields: ["number": .integer, "text": .markup]) }
}

extension ProcedurePage.InputItem: TemplateObject {
    func value(forKey key: String) -> TemplateValue? {
        switch key {
        case "id": .text(id)
        case "label": label.templateValue
        case "example": example.templateValue
        case "exampleLine": exampleLine.templateValue
        default: nil
        }
    }

    static var schema: TemplateSchema { .object(
        name: "Input", fields: ["id": .text, "label": .markup, "example": .optional(.text), "exampleLine": .markup]) }
}

extension StepItem: TemplateObject {
    func value(forKey key: String) -> TemplateValue? {
        let heading: Heading
        switch self {
        case .step(let step):
            heading = step.heading
            switch key {
            case "isInclude": return .bool(false)
            case "include": return .null
            case "id": return .text(step.id)
            case "title": return step.title.templateValue
            case "text": return step.text.templateValue
            case "figure": return step.figure.templateValue
            case "notes": return step.notes.templateValue
            case "result": return step.result.templateValue
            case "choices": return step.choices.templateValue
            case "hasChoices": return .bool(!step.choices.isEmpty)
            default: break
            }
        case .include(let include):
            heading = include.heading
            switch key {
            case "isInclude": return .bool(true)
            case "include": return .object(include)
            case "id", "title", "text", "figure", "result": return .null
            case "notes", "choices": return .list([])
            case "hasChoices": return .bool(false)
            default: break
            }
        }
        switch key {
        case "number": return .integer(heading.number)
        case "stepLabel": return .text(heading.stepLabel)
        case "anchor": return .text(heading.anchor)
        case "parentNumber": return heading.parentNumber.map { .integer($0) } ?? .null
        case "permalinkLabel": return .text(heading.permalinkLabel)
        default: return nil
        }
    }

    /// The shape of a step; with `inlining`, an include's steps shown in place are steps too (one level deep).
    static func schema(inlining: Bool) -> TemplateSchema { .object(
        name: "Step",
        fields: [
            "number": .integer, "stepLabel": .text, "anchor": .text, "parentNumber": .optional(.integer), "permalinkLabel": .text,
            "isInclude": .bool, "include": .optional(IncludeStep.schema(inlining: inlining)),
            "id": .optional(.text), "title": .optional(.markup), "text": .optional(.markup), "figure": .optional(FigureItem.schema),
            "notes": .list(NoteItem.schema), "result": .optional(.markup), "choices": .list(ChoiceItem.schema), "hasChoices": .bool,
        ]) }
}

extension StepItem.ChoiceItem: TemplateObject {
    func value(forKey key: String) -> TemplateValue? {
        switch key {
        case "text": text.templateValue
        case "href": .text(href)
        case "isProcedure": .bool(isProcedure)
        case "sentence": sentence.templateValue
        default: nil
        }
    }

    static var schema: TemplateSchema { .object(
        name: "Choice", fields: ["text": .markup, "href": .text, "isProcedure": .bool, "sentence": .markup]) }
}

extension StepItem.IncludeStep: TemplateObject {
    func value(forKey key: String) -> TemplateValue? {
        switch key {
        case "href": .text(href)
        case "title": .text(title)
        case "sentence": sentence.templateValue
        case "steps": .list(steps.map { .object($0) })
        case "hasSteps": .bool(!steps.isEmpty)
        case "summary": .text(summary)
        case "whereToFind": whereToFind.templateValue
        default: nil
        }
    }

    static func schema(inlining: Bool) -> TemplateSchema { .object(
        name: "Include",
        fields: [
            "href": .text, "title": .text, "sentence": .markup, "steps": .list(inlining ? StepItem.schema(inlining: false) : .any),
            "hasSteps": .bool, "summary": .text, "whereToFind": .markup,
        ]) }
}

extension StepItem.FigureItem: TemplateObject {
    func value(forKey key: String) -> TemplateValue? {
        switch key {
        case "src": .text(src)
        case "alt": alt.templateValue
        case "altLang": altLang.templateValue
        case "anchor": .text(anchor)
        case "callouts": callouts.templateValue
        case "hasCallouts": .bool(!callouts.isEmpty)
        default: nil
        }
    }

    static var schema: TemplateSchema { .object(
        name: "Figure",
        fields: [
            "src": .text, "alt": .markup, "altLang": .optional(.text), "anchor": .text, "callouts": .list(StepItem.Callout.schema),
            "hasCallouts": .bool,
        ]) }
}

extension StepItem.Callout: TemplateObject {
    func value(forKey key: String) -> TemplateValue? {
        switch key {
        case "number": .integer(number)
        case "anchor": .text(anchor)
        case "legend": legend.templateValue
        default: nil
        }
    }

    static var schema: TemplateSchema { .object(name: "Callout", fields: ["number": .integer, "anchor": .text, "legend": .markup]) }
}

extension StepItem.NoteItem: TemplateObject {
    func value(forKey key: String) -> TemplateValue? {
        switch key {
        case "kind": .text(kind)
        case "label": .text(label)
        case "text": text.templateValue
        case "isWarning": .bool(isWarning)
        case "noteID": .text(noteID)
        case "quoted": quoted.templateValue
        default: nil
        }
    }

    static var schema: TemplateSchema { .object(
        name: "Note",
        fields: ["kind": .text, "label": .text, "text": .markup, "isWarning": .bool, "noteID": .text, "quoted": .optional(.markup)]) }
}
