/// What a text is for, which decides how strictly a missing language is taken.
public enum TextRole: Sendable {
    case prose
    /// Figure alt text: required in every language.
    case alternativeText
}

extension Procedure {
    /// Calls `body` for every text of the procedure, in document order, with the step it belongs to
    /// (nil for the title, summary, prerequisites and input labels). Included procedures are not entered.
    public func forEachText(_ body: (Text, Step?, TextRole) -> Void) {
        body(title, nil, .prose)
        if let summary { body(summary, nil, .prose) }
        for requirement in requirements { body(requirement, nil, .prose) }
        for input in inputs { body(input.label, nil, .prose) }
        for case .step(let step) in steps {
            body(step.title, step, .prose)
            if let text = step.text { body(text, step, .prose) }
            if let figure = step.figure {
                body(figure.alt, step, .alternativeText)
                for callout in figure.callouts { body(callout, step, .prose) }
            }
            for note in step.notes { body(note.text, step, .prose) }
            if let result = step.result { body(result, step, .prose) }
        }
    }
}

extension Procedure {
    /// Whether every text of the procedure has a version in `language` (texts written once for every
    /// language count as translated). Included procedures are not entered.
    public func isTranslated(into language: String) -> Bool {
        var isTranslated = true
        forEachText { text, _, _ in
            if !text.isTranslated(into: language) { isTranslated = false }
        }
        return isTranslated
    }
}
