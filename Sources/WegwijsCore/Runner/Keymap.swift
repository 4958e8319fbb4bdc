/// What the admin can ask the runner for, whatever key or word says it.
public enum RunAction: Sendable, Hashable, CaseIterable {
    case next, confirm, yes, no, choose, walk, stopHere, back, skip, open, copy, openReference, edit, legends, retry, noteProblem
    /// Run the step's `command:` (after a confirmation); show the next page of a screen taller than the window.
    case runCommand, more
    case switchLanguage, help, stop, quit
}

/// The runner's phases as the keymap sees them: which keys mean something where.
public enum KeyPhase: Sendable, Hashable, CaseIterable {
    case prerequisite, unmet, input, step, waiting, question, followUp, note, choice

    /// The keymap phase of a session phase (nil when the run is over or elsewhere).
    public init?(_ phase: RunSession.Phase) {
        switch phase {
        case .prerequisite: self = .prerequisite
        case .prerequisiteUnmet: self = .unmet
        case .input: self = .input
        case .step: self = .step
        case .resultQuestion: self = .question
        case .resultFollowUp: self = .followUp
        case .problemNote: self = .note
        case .choice: self = .choice
        case .waiting: self = .waiting
        case .finished, .stopped, .detour: return nil
        }
    }

    /// Whether the admin types a line here (an input value, a problem), rather than pressing a key.
    public var isTyping: Bool { self == .input || self == .note }
}

/// One row of the keymap: an action, the letters, words and keys that say it, its hint, and where it works.
public struct KeyBinding: Sendable {
    /// What it does.
    public var action: RunAction
    /// Letters and words that say it, lowercased: a key press (one letter) or a line in plain mode (any of them).
    public var words: [String]
    /// Special keys that say it in a real terminal.
    public var keys: [RunKey]
    /// How the hint names the key, interactive and plain ("Esc" / "b").
    public var label: String
    public var plainLabel: String
    /// The interface string that says what it does.
    public var hint: String
    /// Where it works (before the moment decides whether it does something now).
    public var phases: Set<KeyPhase>
}

/// The runner's one table of keys: the input loop finds actions in it, and the key hints are made from it,
/// so a hint can never name a key that does something else.
public struct Keymap: Sendable {
    /// Every binding, in the order the hints list them.
    public let bindings: [KeyBinding]

    /// The table in `language`: the yes and no words come from the interface strings (`runner.answer.yes-words`),
    /// with the English ones accepted in every language.
    public init(strings: InterfaceStrings, language: String) {
        func s(_ key: String) -> String { strings.string(key, in: language) }
        func words(_ key: String, _ english: [String]) -> [String] {
            var all: [String] = []
            for word in s(key).lowercased().split(separator: " ").map(String.init) + english where !all.contains(word) {
                all.append(word)
            }
            return all
        }
        let yes = words("runner.answer.yes-words", ["y", "yes"])
        let no = words("runner.answer.no-words", ["n", "no"])
        let enter = s("runner.key.enter")
        let everywhere = Set(KeyPhase.allCases)
        let keyPhases = everywhere.subtracting([.input, .note])
        // Before everything else: while a screen is not all shown, Space shows more instead of going on.
        let paged = keyPhases.subtracting([.waiting])
        bindings = [
            KeyBinding(action: .more, words: [], keys: [.space], label: s("runner.key.space"), plainLabel: s("runner.key.space"), hint: "runner.key.more", phases: paged),
            KeyBinding(action: .next, words: [], keys: [.enter, .space], label: enter, plainLabel: enter, hint: "runner.key.next", phases: [.step]),
            KeyBinding(action: .next, words: [], keys: [.enter], label: enter, plainLabel: enter, hint: "runner.key.end-wait", phases: [.waiting]),
            KeyBinding(action: .confirm, words: [], keys: [.enter], label: enter, plainLabel: enter, hint: "runner.key.ok", phases: [.input, .note]),
            KeyBinding(action: .yes, words: yes, keys: [], label: yes[0], plainLabel: yes[0], hint: "runner.key.yes", phases: [.prerequisite, .question]),
            KeyBinding(action: .no, words: no, keys: [], label: no[0], plainLabel: no[0], hint: "runner.key.no", phases: [.prerequisite, .question]),
            KeyBinding(action: .walk, words: ["w"], keys: [.enter], label: "w", plainLabel: "w", hint: "runner.key.walk", phases: [.unmet]),
            KeyBinding(action: .stopHere, words: ["n"] + no, keys: [], label: "n", plainLabel: "n", hint: "runner.key.stop-here", phases: [.unmet]),
            KeyBinding(action: .choose, words: [], keys: [], label: "1…9", plainLabel: "1…9", hint: "runner.key.choose", phases: [.choice]),
            KeyBinding(action: .retry, words: ["r"], keys: [], label: "r", plainLabel: "r", hint: "runner.key.retry", phases: [.followUp]),
            KeyBinding(action: .noteProblem, words: ["n"], keys: [], label: "n", plainLabel: "n", hint: "runner.key.note", phases: [.followUp]),
            KeyBinding(action: .back, words: ["b"], keys: [.left, .backspace, .escape], label: "b", plainLabel: "b", hint: "runner.key.back", phases: keyPhases),
            // At a typed answer the letter is text: Esc goes back in a terminal, a line of "b" in plain mode.
            KeyBinding(action: .back, words: ["b"], keys: [.escape], label: "Esc", plainLabel: "b", hint: "runner.key.back", phases: [.input, .note]),
            KeyBinding(action: .runCommand, words: ["x"], keys: [], label: "x", plainLabel: "x", hint: "runner.key.command", phases: [.step]),
            KeyBinding(action: .skip, words: ["s"], keys: [], label: "s", plainLabel: "s", hint: "runner.key.skip", phases: [.step]),
            KeyBinding(action: .open, words: ["o"], keys: [], label: "o", plainLabel: "o", hint: "runner.key.open", phases: [.step]),
            KeyBinding(action: .copy, words: ["c"], keys: [], label: "c", plainLabel: "c", hint: "runner.key.copy", phases: [.step]),
            KeyBinding(action: .openReference, words: ["r"], keys: [], label: "r", plainLabel: "r", hint: "runner.key.open-reference", phases: [.step]),
            KeyBinding(action: .edit, words: ["e"], keys: [], label: "e", plainLabel: "e", hint: "runner.key.edit", phases: [.step]),
            KeyBinding(action: .legends, words: ["m"], keys: [], label: "m", plainLabel: "m", hint: "runner.key.legends", phases: [.step]),
            KeyBinding(action: .switchLanguage, words: ["l"], keys: [], label: "l", plainLabel: "l", hint: "runner.key.language", phases: keyPhases),
            KeyBinding(action: .help, words: ["?"], keys: [], label: "?", plainLabel: "?", hint: "runner.key.help", phases: everywhere),
            KeyBinding(action: .stop, words: [], keys: [], label: "Ctrl-D", plainLabel: "Ctrl-D", hint: "runner.key.stop", phases: [.input, .note]),
            KeyBinding(action: .quit, words: ["q"], keys: [], label: "q", plainLabel: "q", hint: "runner.key.quit", phases: keyPhases),
        ]
    }

    /// The bindings that do something now: those of `phase` whose action `isAvailable` says works.
    public func active(in phase: KeyPhase, isAvailable: (RunAction) -> Bool) -> [KeyBinding] {
        bindings.filter { $0.phases.contains(phase) && isAvailable($0.action) }
    }

    /// The action a key press asks for in `phase`, among the active bindings.
    public func action(for key: RunKey, among active: [KeyBinding]) -> RunAction? {
        if case .character(let character) = key {
            let letter = character.lowercased()
            return active.first { binding in binding.words.contains { $0 == letter } }?.action
        }
        return active.first { $0.keys.contains(key) }?.action
    }

    /// The action a whole line asks for (plain mode, or a typed answer), among the active bindings.
    public func action(forLine line: String, among active: [KeyBinding]) -> RunAction? {
        let word = line.lowercased()
        return active.first { $0.words.contains(word) }?.action
    }
}
