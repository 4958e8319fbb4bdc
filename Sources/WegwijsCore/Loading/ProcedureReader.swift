import Foundation

/// Reads one procedure file.
enum ProcedureReader {
    static let procedureKeys = ["title", "summary", "audience", "source", "register", "updated", "requires", "inputs", "steps"]
    static let stepKeys = ["id", "title", "text", "figure", "notes", "result", "choices", "wait", "command"]
    static let includeKeys = ["include"]
    static let inputKeys = ["id", "label", "pattern", "example"]
    static let figureKeys = ["src", "alt", "callouts"]
    static let noteKeys = ["type", "text"]

    /// The procedure in `root`, or nil when its required parts are unusable (reported in `reader`).
    static func read(_ root: YAMLNode, id: String, group: String, reader: inout NodeReader) -> Procedure? {
        let what = "procedure '\(id)'"
        guard let fields = reader.fields(of: root, what: what, known: procedureKeys) else { return nil }
        let title = reader.required("title", in: fields, what: what).flatMap { reader.text($0, what: "the title") }
        let summary = fields["summary"].flatMap { reader.isNull($0) ? nil : reader.text($0, what: "the summary") }
        var audience: Located<String>?
        if let node = fields["audience"], let value = reader.id(node, what: "audience") {
            audience = Located(value, at: reader.location(of: node))
        }
        var sourceLanguage: Located<String>?
        if let node = fields["source"], let value = reader.string(node, what: "'source'") {
            if reader.languages.contains(value) {
                sourceLanguage = Located(value, at: reader.location(of: node))
            } else {
                reader.error(
                    "unknown-language", at: node,
                    "source language '\(value)' is not a language of the site"
                        + Suggestion.didYouMean(value, among: reader.languages))
            }
        }
        let register = fields["register"].flatMap { reader.register($0) }
        let updated = fields["updated"].flatMap { readUpdated($0, reader: &reader) }
        let (requirements, requirementProcedures) = fields["requires"].map { readRequirements($0, reader: &reader) } ?? ([], [:])
        let inputs = fields["inputs"].map { readInputs($0, reader: &reader) } ?? []
        var steps: [StepEntry] = []
        if let node = reader.required("steps", in: fields, what: what), let items = reader.sequence(node, what: "'steps'") {
            if items.isEmpty { reader.error("missing-field", at: node, "'steps' is empty: a procedure has at least one step") }
            steps = readSteps(items, reader: &reader)
        }
        guard let title else { return nil }
        return Procedure(
            id: id, group: group, file: reader.file, title: title, summary: summary, audience: audience,
            sourceLanguage: sourceLanguage, requirements: requirements, requirementProcedures: requirementProcedures,
            inputs: inputs, steps: steps, register: register, updated: updated)
    }

    // MARK: - Last changed

    /// `updated: 2026-12-03`: the day the procedure last changed, a real day of the calendar written `YYYY-MM-DD`.
    static func readUpdated(_ node: YAMLNode, reader: inout NodeReader) -> Located<CalendarDate>? {
        guard let text = reader.string(node, what: "'updated'") else { return nil }
        switch CalendarDate.parse(text) {
        case .success(let date):
            return Located(date, at: reader.location(of: node))
        case .failure(let problem):
            let why =
                switch problem {
                case .notADate: "write it as YYYY-MM-DD, such as 2026-12-03"
                case .noSuchYear: "there is no year 0"
                case .noSuchMonth(let month): "there is no month \(month)"
                case .noSuchDay(let days): "that month has \(days) days"
                }
            reader.error("invalid-date", at: node, "invalid date '\(text)' in 'updated': \(why)")
            return nil
        }
    }

    // MARK: - Prerequisites

    static let requirementKeys = ["text", "see"]

    /// `requires:`: each a text, or `{text: …, see: procedure-id}` naming the procedure that fulfils it.
    static func readRequirements(_ node: YAMLNode, reader: inout NodeReader) -> ([Text], [Int: Located<String>]) {
        guard let items = reader.sequence(node, what: "'requires'") else { return ([], [:]) }
        var texts: [Text] = []
        var procedures: [Int: Located<String>] = [:]
        for item in items {
            guard case .mapping(let mapping) = item.content, mapping.keys.contains(where: { $0.scalar?.string == "text" }) else {
                if let text = reader.text(item, what: "'requires'") { texts.append(text) }
                continue
            }
            guard let fields = reader.fields(of: item, what: "a prerequisite", known: requirementKeys),
                let text = reader.required("text", in: fields, what: "the prerequisite").flatMap({ reader.text($0, what: "the prerequisite") })
            else { continue }
            if let see = fields["see"], let id = reader.id(see, what: "the prerequisite's 'see'") {
                procedures[texts.count] = Located(id, at: reader.location(of: see))
            }
            texts.append(text)
        }
        return (texts, procedures)
    }

    // MARK: - Inputs

    static func readInputs(_ node: YAMLNode, reader: inout NodeReader) -> [Input] {
        guard let items = reader.sequence(node, what: "'inputs'") else { return [] }
        var inputs: [Input] = []
        for item in items {
            guard let fields = reader.fields(of: item, what: "an input", known: inputKeys) else { continue }
            let idNode = reader.required("id", in: fields, what: "the input")
            let id = idNode.flatMap { reader.id($0, what: "input id") }
            let label = reader.required("label", in: fields, what: "input '\(id ?? "?")'").flatMap {
                reader.text($0, what: "the label of input '\(id ?? "?")'")
            }
            var pattern: Located<String>?
            if let patternNode = fields["pattern"], let value = reader.string(patternNode, what: "'pattern'") {
                if let problem = InputPattern.problem(with: value) {
                    reader.error("invalid-pattern", at: patternNode, "invalid input pattern: \(problem)")
                } else {
                    pattern = Located(value, at: reader.location(of: patternNode))
                }
            }
            let example = fields["example"].flatMap { reader.string($0, what: "'example'") }
            guard let id, let idNode, let label else { continue }
            if inputs.contains(where: { $0.id == id }) {
                reader.error("duplicate-id", at: idNode, "input '\(id)' is declared twice in this procedure")
                continue
            }
            if let pattern, let example, !InputPattern.matches(example, pattern: pattern.value) {
                reader.diagnostics.warning(
                    "example-mismatch", at: pattern.location,
                    "the example '\(example)' of input '\(id)' does not match its pattern")
            }
            inputs.append(Input(id: id, location: reader.location(of: idNode), label: label, pattern: pattern, example: example))
        }
        return inputs
    }

    // MARK: - Steps

    static func readSteps(_ items: [YAMLNode], reader: inout NodeReader) -> [StepEntry] {
        var steps: [StepEntry] = []
        // A step is large and a site holds many: grown by appending, the arrays kept much of their room unused.
        steps.reserveCapacity(items.count)
        var seenIDs: [String: SourceLocation] = [:]
        for (offset, item) in items.enumerated() {
            let position = offset + 1
            if case .mapping(let mapping) = item.content, mapping.keys.contains(where: { $0.scalar?.string == "include" }) {
                guard let fields = reader.fields(of: item, what: "an include", known: includeKeys),
                    let node = fields["include"], let id = reader.id(node, what: "included procedure")
                else { continue }
                steps.append(.include(Include(procedureID: id, location: reader.location(of: node))))
                continue
            }
            guard let step = readStep(item, position: position, reader: &reader) else { continue }
            if let first = seenIDs[step.id] {
                reader.diagnostics.error(
                    "duplicate-id", at: step.location,
                    "step id '\(step.id)' is already used at line \(first.line) of this procedure")
                continue
            }
            seenIDs[step.id] = step.location
            steps.append(.step(step))
        }
        checkChoiceTargets(steps, reader: &reader)
        return steps
    }

    // MARK: - Waits

    /// `wait: 10m`: hours, minutes and seconds as `1h30m`, `10m`, `90s`; more than nothing, at most a day.
    static func readWait(_ node: YAMLNode, reader: inout NodeReader) -> Located<Int>? {
        guard let text = reader.string(node, what: "'wait'") else { return nil }
        guard let seconds = WaitDuration.seconds(in: text) else {
            reader.error(
                "invalid-wait", at: node, "invalid wait '\(text)': write it as 90s, 10m or 1h30m (at most 24h)")
            return nil
        }
        return Located(seconds, at: reader.location(of: node))
    }

    // MARK: - Commands

    /// `command: …`: one line of shell, the same in every language (a string, not a mapping of languages),
    /// not empty, without control characters (no line breaks, escape sequences, NUL), at most 4096 bytes.
    static func readCommand(_ node: YAMLNode, reader: inout NodeReader) -> Located<String>? {
        if case .mapping = node.content {
            reader.error(
                "wrong-type", at: node, "'command' must be one command line for every language, not a mapping",
                notes: ["A command is typed the same whatever the language: write it once, as a string."])
            return nil
        }
        guard let text = reader.string(node, what: "'command'") else { return nil }
        let line = text.trimmingCharacters(in: .whitespaces)
        if line.isEmpty {
            reader.error("empty-command", at: node, "'command' is empty: write the command line, or leave 'command' out")
            return nil
        }
        if let bad = line.unicodeScalars.first(where: { StepCommand.isForbidden($0) }) {
            let name = bad == "\n" || bad == "\r" ? "a line break" : String(format: "the control character U+%04X", bad.value)
            reader.error(
                "invalid-command", at: node, "'command' contains \(name): a command is one line without control characters",
                notes: ["Join several commands with '&&' on one line, or give each its own step."])
            return nil
        }
        if line.utf8.count > StepCommand.maximumLength {
            reader.error("invalid-command", at: node, "'command' is longer than \(StepCommand.maximumLength) bytes")
            return nil
        }
        return Located(line, at: reader.location(of: node))
    }

    // MARK: - Choices

    static let choiceKeys = ["text", "step", "procedure"]

    /// `choices:` of a step: each `{text: …, step: id}` or `{text: …, procedure: id}`.
    static func readChoices(_ node: YAMLNode, reader: inout NodeReader) -> [Choice] {
        guard let items = reader.sequence(node, what: "'choices'") else { return [] }
        if items.count == 1 {
            reader.diagnostics.warning(
                "single-choice", at: reader.location(of: node), "'choices' has one choice: a decision needs at least two answers")
        }
        var choices: [Choice] = []
        for item in items {
            guard let fields = reader.fields(of: item, what: "a choice", known: choiceKeys) else { continue }
            let text = reader.required("text", in: fields, what: "the choice").flatMap { reader.text($0, what: "the choice's text") }
            var target: (Choice.Target, SourceLocation)?
            switch (fields["step"], fields["procedure"]) {
            case (let step?, nil):
                if let id = reader.id(step, what: "the choice's step") { target = (.step(id), reader.location(of: step)) }
            case (nil, let procedure?):
                if let id = reader.id(procedure, what: "the choice's procedure") { target = (.procedure(id), reader.location(of: procedure)) }
            case (_?, let procedure?):
                reader.error(
                    "choice-target", at: procedure, "a choice leads to one place: 'step' or 'procedure', not both")
            case (nil, nil):
                reader.diagnostics.error(
                    "choice-target", at: fields.location, "the choice has no target",
                    notes: ["Add 'step: <id>' (a later step of this procedure) or 'procedure: <id>'."])
            }
            guard let text, let target else { continue }
            choices.append(Choice(text: text, target: target.0, targetLocation: target.1, location: fields.location))
        }
        return choices
    }

    /// A choice's step must be a later step of the same procedure with an id of its own: a jump back
    /// (or to the step itself) would walk the same steps again and again.
    static func checkChoiceTargets(_ steps: [StepEntry], reader: inout NodeReader) {
        var positions: [String: (index: Int, explicit: Bool)] = [:]
        for (index, entry) in steps.enumerated() {
            if case .step(let step) = entry { positions[step.id] = (index, step.hasExplicitID) }
        }
        let referable = steps.compactMap { entry -> String? in
            if case .step(let step) = entry, step.hasExplicitID { step.id } else { nil }
        }
        for (index, entry) in steps.enumerated() {
            guard case .step(let step) = entry else { continue }
            for choice in step.choices {
                guard case .step(let id) = choice.target else { continue }
                guard let target = positions[id], target.explicit else {
                    reader.diagnostics.error(
                        "unknown-step", at: choice.targetLocation,
                        "the choice leads to step '\(id)', which this procedure does not have\(Suggestion.didYouMean(id, among: referable))")
                    continue
                }
                if target.index <= index {
                    reader.diagnostics.error(
                        "choice-loop", at: choice.targetLocation,
                        target.index == index
                            ? "the choice leads to its own step '\(id)', which would ask it again forever"
                            : "the choice leads back to step '\(id)' (step \(target.index + 1)), which would walk the same steps again",
                        notes: ["A choice leads forward: to a later step, or to another procedure."])
                }
            }
        }
    }

    static func readStep(_ node: YAMLNode, position: Int, reader: inout NodeReader) -> Step? {
        let what = "step \(position)"
        guard let fields = reader.fields(of: node, what: what, known: stepKeys + includeKeys) else { return nil }
        var id = "step-\(position)"
        var hasExplicitID = false
        var location = fields.location
        if let idNode = fields["id"], let value = reader.id(idNode, what: "step id") {
            id = value
            hasExplicitID = true
            location = reader.location(of: idNode)
        }
        let title = reader.required("title", in: fields, what: what).flatMap { reader.text($0, what: "the title of \(what)") }
        let text = fields["text"].flatMap { reader.isNull($0) ? nil : reader.text($0, what: "the text of \(what)") }
        let figure = fields["figure"].flatMap { readFigure($0, reader: &reader) }
        let notes = fields["notes"].map { readNotes($0, reader: &reader) } ?? []
        let result = fields["result"].flatMap { reader.isNull($0) ? nil : reader.text($0, what: "the result of \(what)") }
        let choices = fields["choices"].map { readChoices($0, reader: &reader) } ?? []
        let wait = fields["wait"].flatMap { readWait($0, reader: &reader) }
        let command = fields["command"].flatMap { readCommand($0, reader: &reader) }
        guard let title else { return nil }
        return Step(
            id: id, hasExplicitID: hasExplicitID, location: location, title: title, text: text, figure: figure,
            notes: notes, result: result, choices: choices, wait: wait, command: command)
    }

    static func readFigure(_ node: YAMLNode, reader: inout NodeReader) -> Figure? {
        guard let fields = reader.fields(of: node, what: "the figure", known: figureKeys) else { return nil }
        var source: Figure.Source?
        if let src = reader.required("src", in: fields, what: "the figure") {
            switch src.content {
            case .mapping(let mapping):
                var paths: [String: Located<String>] = [:]
                for (key, value) in mapping {
                    guard let language = key.scalar?.string, reader.languages.contains(language) else {
                        reader.error(
                            "unknown-language", at: key,
                            "'\(key.scalar?.string ?? "?")' in the figure's 'src' is not a language of the site")
                        continue
                    }
                    if let path = reader.string(value, what: "the '\(language)' figure path") {
                        paths[language] = Located(path, at: reader.location(of: value))
                    }
                }
                source = .perLanguage(paths)
            default:
                if let path = reader.string(src, what: "the figure's 'src'") {
                    source = .shared(Located(path, at: reader.location(of: src)))
                }
            }
        }
        let alt = reader.required("alt", in: fields, what: "the figure").flatMap { reader.text($0, what: "the figure's 'alt'") }
        let callouts = fields["callouts"].map { reader.texts($0, what: "'callouts'") } ?? []
        guard let source, let alt else { return nil }
        return Figure(source: source, alt: alt, callouts: callouts, location: fields.location)
    }

    static func readNotes(_ node: YAMLNode, reader: inout NodeReader) -> [Note] {
        guard let items = reader.sequence(node, what: "'notes'") else { return [] }
        var notes: [Note] = []
        for item in items {
            guard let fields = reader.fields(of: item, what: "a note", known: noteKeys) else { continue }
            var kind = Note.Kind.note
            if let typeNode = fields["type"], let value = reader.string(typeNode, what: "the note type") {
                if let known = Note.Kind(rawValue: value) {
                    kind = known
                } else {
                    let names = Note.Kind.allCases.map(\.rawValue)
                    reader.error(
                        "unknown-note-type", at: typeNode,
                        "unknown note type '\(value)'\(Suggestion.didYouMean(value, among: names))",
                        notes: ["Note types: \(names.joined(separator: ", "))."])
                }
            }
            guard let text = reader.required("text", in: fields, what: "the note").flatMap({ reader.text($0, what: "the note") })
            else { continue }
            notes.append(Note(kind: kind, text: text, location: fields.location))
        }
        return notes
    }
}
