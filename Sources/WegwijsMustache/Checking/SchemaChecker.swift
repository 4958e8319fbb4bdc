/// Walks compiled templates with a stack of schemas, finding tags that name no field of the model.
///
/// A partial is checked once per template and stack of schemas; the stack is first reduced to what a
/// look-up can tell apart (nothing below an `.any`, no schema that a nearer one repeats), so a recursive
/// partial is checked a bounded number of times. Partials nest at most
/// ``TemplateLibrary/maximumPartialDepth`` deep here too.
struct SchemaChecker {
    /// The compiled templates partials are looked up in.
    let templates: [String: [Node]]
    /// The problems found, in the order found, each once.
    private(set) var problems: [TemplateProblem] = []
    private var reported: Set<TemplateProblem> = []
    /// The partials already checked, with the reduced stack they were checked in.
    private var checkedPartials: Set<PartialVisit> = []
    private var partialDepth = 0

    /// A partial checked in a stack of schemas.
    private struct PartialVisit: Hashable {
        let name: String
        let stack: [TemplateSchema]
    }

    /// What a name resolves to in a stack of schemas.
    private enum Resolution {
        /// A field of this shape.
        case field(TemplateSchema)
        /// Something below an `.any`, not checked.
        case unchecked
        /// Nothing: the message says why.
        case missing(String)
    }

    /// A checker of `templates`.
    init(templates: [String: [Node]]) {
        self.templates = templates
    }

    /// Checks `nodes` of `template` against `stack` (innermost last).
    mutating func check(_ nodes: [Node], in template: String, stack: inout [TemplateSchema]) {
        for node in nodes {
            switch node {
            case .text, .indentation:
                continue
            case .variable(let name, _, let tag):
                if case .missing(let message) = resolve(name, tag: tag, in: stack) {
                    report(message, at: tag, in: template)
                }
            case .section(let name, let children, let tag):
                let pushed: TemplateSchema
                switch resolve(name, tag: tag, in: stack) {
                case .field(let schema):
                    switch schema.unwrapped {
                    case .list(let item): pushed = item
                    case let other: pushed = other
                    }
                case .unchecked:
                    pushed = .any
                case .missing(let message):
                    report(message, at: tag, in: template)
                    pushed = .any
                }
                stack.append(pushed)
                check(children, in: template, stack: &stack)
                stack.removeLast()
            case .invertedSection(let name, let children, let tag):
                if case .missing(let message) = resolve(name, tag: tag, in: stack) {
                    report(message, at: tag, in: template)
                }
                check(children, in: template, stack: &stack)
            case .partial(let name, _, let tag):
                guard let partial = templates[name] else {
                    report("no template '\(name)' for the partial", at: tag, in: template)
                    continue
                }
                let visit = PartialVisit(name: name, stack: Self.reduced(stack))
                guard partialDepth < TemplateLibrary.maximumPartialDepth,
                    checkedPartials.insert(visit).inserted
                else { continue }
                partialDepth += 1
                check(partial, in: name, stack: &stack)
                partialDepth -= 1
            }
        }
    }

    /// Records a problem once.
    private mutating func report(_ message: String, at tag: Tag, in template: String) {
        let problem = TemplateProblem(template: template, line: tag.line, column: tag.column, message: message)
        if reported.insert(problem).inserted { problems.append(problem) }
    }

    // MARK: - Names

    /// What `name` (written as `tag`) resolves to in `stack`, by the renderer's rules.
    private func resolve(_ name: Name, tag: Tag, in stack: [TemplateSchema]) -> Resolution {
        guard let first = name.parts.first else { return .field(stack.last ?? .any) }
        let searched = name.isAnchored ? stack.suffix(1) : stack[...]
        var found: TemplateSchema?
        search: for schema in searched.reversed() {
            switch schema.unwrapped {
            case .any:
                return .unchecked
            case .object(_, let fields):
                if let field = fields[first] {
                    found = field
                    break search
                }
            default:
                continue
            }
        }
        guard var current = found else {
            let objects = searched.reversed().compactMap { schema -> (String, [String: TemplateSchema])? in
                if case .object(let name, let fields) = schema.unwrapped { (name, fields) } else { nil }
            }
            let owner = objects.first?.0 ?? "the model"
            let suggestion = EditDistance.suggestion(for: first, among: objects.flatMap { $0.1.keys })
            return .missing("'\(tag.shown)' names no field of \(owner)" + Self.didYouMean(suggestion))
        }
        var path = first
        for part in name.parts.dropFirst() {
            switch current.unwrapped {
            case .any:
                return .unchecked
            case .object(let objectName, let fields):
                guard let field = fields[part] else {
                    let suggestion = EditDistance.suggestion(for: part, among: fields.keys)
                    return .missing("'\(tag.shown)' names no field of \(objectName)" + Self.didYouMean(suggestion))
                }
                current = field
            case let other:
                return .missing("'\(tag.shown)' names a field of '\(path)', which is \(other.description) and has none")
            }
            path += "." + part
        }
        return .field(current)
    }

    /// " (did you mean 'x'?)", or nothing without a suggestion.
    private static func didYouMean(_ suggestion: String?) -> String {
        suggestion.map { " (did you mean '\($0)'?)" } ?? ""
    }

    /// `stack` reduced to what a look-up can tell apart: from its innermost `.any` up, without schemas
    /// that a nearer one repeats.
    private static func reduced(_ stack: [TemplateSchema]) -> [TemplateSchema] {
        var kept: [TemplateSchema] = []
        for schema in stack.reversed() {
            if !kept.contains(schema) { kept.append(schema) }
            if case .any = schema.unwrapped { break }
        }
        return kept
    }
}
