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
    /// When it last changed, and where to edit it or report a problem.
    var footer: Footer = .none

    /// The procedure's group, above its title.
    struct GroupHeading: Sendable {
        var id: String
        var title: Markup
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
                "hasInputs": .bool, "steps": .list(StepItem.schema),
            ].merging(Footer.fields) { page, _ in page }) { _, page in page })
    }
}

extension ProcedurePage.GroupHeading: TemplateObject {
    func value(forKey key: String) -> TemplateValue? {
        switch key {
        case "id": .text(id)
        case "title": title.templateValue
        default: nil
        }
    }

    static var schema: TemplateSchema { .object(name: "GroupHeading", fields: ["id": .text, "title": .markup]) }
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
        default: return nil
        }
    }

    static var schema: TemplateSchema { .object(
        name: "Step",
        fields: [
            "number": .integer, "stepLabel": .text, "anchor": .text, "isInclude": .bool, "include": .optional(IncludeStep.schema),
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
        default: nil
        }
    }

    static var schema: TemplateSchema { .object(name: "Include", fields: ["href": .text, "title": .text, "sentence": .markup]) }
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
