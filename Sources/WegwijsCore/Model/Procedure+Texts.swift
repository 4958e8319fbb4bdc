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
        forEachText { text, step, role, _ in body(text, step, role) }
    }

    /// Calls `body` for every text of the procedure, in document order, with the step it belongs to, its
    /// role, and its field: the path of keys that leads to it from the step (or the procedure, when the
    /// step is nil), such as `title`, `requires/2`, `inputs/account/label`, `figure/callouts/1`, `notes/1/text`.
    /// List positions are 1-based.
    public func forEachText(_ body: (Text, Step?, TextRole, _ field: String) -> Void) {
        body(title, nil, .prose, "title")
        if let summary { body(summary, nil, .prose, "summary") }
        for (offset, requirement) in requirements.enumerated() { body(requirement, nil, .prose, "requires/\(offset + 1)") }
        for input in inputs { body(input.label, nil, .prose, "inputs/\(input.id)/label") }
        for case .step(let step) in steps {
            body(step.title, step, .prose, "title")
            if let text = step.text { body(text, step, .prose, "text") }
            if let figure = step.figure {
                body(figure.alt, step, .alternativeText, "figure/alt")
                for (offset, callout) in figure.callouts.enumerated() {
                    body(callout, step, .prose, "figure/callouts/\(offset + 1)")
                }
            }
            for (offset, note) in step.notes.enumerated() { body(note.text, step, .prose, "notes/\(offset + 1)/text") }
            if let result = step.result { body(result, step, .prose, "result") }
            for (offset, choice) in step.choices.enumerated() { body(choice.text, step, .prose, "choices/\(offset + 1)/text") }
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

extension Procedure {
    /// The procedure with the strings of all its texts kept in one string.
    ///
    /// Strings read from YAML each take a heap block of their own, with some 50 bytes of overhead: in a
    /// procedure of 65 short strings that was as much again as the characters (12 MB at 5,000 procedures).
    public func sharingTextStorage() -> Procedure {
        var copy = self
        Text.shareStorage { copy.updateTexts($0) }
        return copy
    }

    /// Calls `body` on every text of the procedure, always in the same order, letting it change them.
    mutating func updateTexts(_ body: (inout Text) -> Void) {
        body(&title)
        if summary != nil { body(&summary!) }
        for index in requirements.indices { body(&requirements[index]) }
        for index in inputs.indices { body(&inputs[index].label) }
        for index in steps.indices {
            guard case .step(var step) = steps[index] else { continue }
            body(&step.title)
            if step.text != nil { body(&step.text!) }
            if step.figure != nil {
                body(&step.figure!.alt)
                for callout in step.figure!.callouts.indices { body(&step.figure!.callouts[callout]) }
            }
            for note in step.notes.indices { body(&step.notes[note].text) }
            if step.result != nil { body(&step.result!) }
            for choice in step.choices.indices { body(&step.choices[choice].text) }
            steps[index] = .step(step)
        }
    }
}
