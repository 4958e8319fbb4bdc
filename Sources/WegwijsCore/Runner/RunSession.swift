import Foundation
import WegwijsMarkdown

/// The runner's logic, with no terminal: where the admin is, what each answer does, what is saved.
///
/// A session moves through prerequisites, inputs and steps. The driver shows the current ``phase`` and
/// feeds the admin's answers to ``handle(_:now:)``; the session changes its ``state`` (what is saved) and
/// collects ``RunEvent``s for the log. Nothing here reads a clock, a file or a key: tests drive it directly.
public struct RunSession: Sendable {
    /// Where the run is.
    public enum Phase: Sendable, Equatable {
        /// Confirming prerequisite N (0-based).
        case prerequisite(Int)
        /// Prerequisite N is not in place, and a procedure fulfils it: walk it now, or stop.
        case prerequisiteUnmet(Int)
        /// Asking for input N (0-based index in the plan's inputs).
        case input(Int)
        /// Showing step N (0-based index in the plan's steps).
        case step(Int)
        /// Asking whether the admin sees step N's result.
        case resultQuestion(Int)
        /// The admin does not see the result: back, retry, or note the problem.
        case resultFollowUp(Int)
        /// Typing the problem with step N.
        case problemNote(Int)
        /// Counting down step N's `wait:`.
        case waiting(Int)
        /// Asking which of step N's choices applies.
        case choice(Int)
        /// Walking another procedure (``RunState/detour``) before the run goes on; the driver runs it and
        /// answers ``Command/returnFromDetour(finished:)``.
        case detour(RunState.Detour)
        /// Every step is done or skipped.
        case finished
        /// The run stopped before the end; progress is saved.
        case stopped(StopReason)
    }

    /// Why a run stopped before the end.
    public enum StopReason: Sendable, Equatable {
        /// Prerequisite N (0-based) is not in place.
        case prerequisiteNotMet(Int)
        /// The admin quit.
        case quit
        /// Ctrl-C or a signal.
        case interrupted
        /// Standard input was closed.
        case endOfInput
        /// A procedure walked from this one (a choice, or a prerequisite's `see:`) stopped before its end.
        case detour
    }

    /// What the admin can say.
    public enum Command: Sendable, Equatable {
        case next, back, skip, yes, no, retry, noteProblem, quit, interrupt, endOfInput, switchLanguage
        /// A typed value: an input, or the problem noted.
        case text(String)
        /// Change input N (0-based) given earlier, then come back to the current step.
        case edit(Int)
        /// Answer N (0-based) of the current step's choices.
        case choose(Int)
        /// Walk the procedure that fulfils the unmet prerequisite now, then come back to it.
        case walkPrerequisite
        /// Time passed during a wait: ends it when the time is up.
        case tick
        /// The procedure walked in a ``Phase/detour(_:)`` ended: at its end, or stopped before it.
        case returnFromDetour(finished: Bool)
        /// The current step's `command:` was run (after the admin confirmed it) and ended so: recorded; one
        /// that did not work is a "no" to the step's question.
        case commandEnded(StepCommand.Outcome)
    }

    /// Something the driver should tell the admin after a command.
    public enum Feedback: Sendable, Equatable {
        /// The value does not match input N's pattern.
        case invalidInput(index: Int, value: String)
        /// An empty value was given for input N.
        case emptyInput(index: Int)
        /// The command does nothing here (the driver repeats which keys work).
        case notAvailable
    }

    /// The plan being walked.
    public let plan: RunPlan
    /// Where the run is.
    public private(set) var phase: Phase
    /// What is saved.
    public private(set) var state: RunState
    /// The language shown.
    public private(set) var language: String
    /// Languages `switchLanguage` cycles through.
    public let languages: [String]
    /// Events not yet written to the log; the driver takes them with ``takeEvents()``.
    public private(set) var pendingEvents: [RunEvent] = []
    /// What resuming found, when the session continues a saved run.
    public let resumption: Resumption?
    /// Each step's title in the plan's own language, kept in its record so a step that later disappears from
    /// the procedure can be named by its title.
    let stepTitles: [String: String]
    /// Seconds waited at each step's `wait:` in this session, for its record.
    var waitedSeconds: [String: Double] = [:]
    /// Inputs given in advance that did not pass their pattern, by input index, for the first question.
    public private(set) var rejectedPresets: [Int: String] = [:]
    private var stepShownAt: Date?
    private var waitStartedAt: Date?
    private var waitRemainingAtStart: Double = 0
    /// The step to come back to after changing an input from it (with `e`, or going back from the first step).
    public private(set) var returnStep: Int?

    /// A session for `plan` in `language`, continuing `saved` when given, with `presets` for inputs (`--set`).
    public init(
        plan: RunPlan, language: String, languages: [String], saved: RunState?, presets: [String: String], now: Date
    ) {
        self.plan = plan
        self.language = language
        self.languages = languages
        var titles: [String: String] = [:]
        for step in plan.steps {
            titles[step.key] = step.step.title.entry(in: language, fallbacks: languages).map {
                MarkdownDocument(parsing: $0.entry.value).plainText().trimmingCharacters(in: .whitespacesAndNewlines)
            }
        }
        stepTitles = titles
        if let saved, !saved.isFinished {
            state = saved
            state.language = language
            let resumption = saved.resumption(in: plan)
            self.resumption = resumption
            phase = .prerequisite(0)
            pendingEvents.append(event(.resume, now, fingerprint: plan.fingerprint, value: language))
        } else {
            state = RunState(plan: plan, language: language, now: now)
            resumption = nil
            phase = .prerequisite(0)
            pendingEvents.append(event(.start, now, fingerprint: plan.fingerprint, value: language))
        }
        for (index, entry) in plan.inputs.enumerated() {
            guard let value = presets[entry.input.id] else { continue }
            if Self.accepts(value, for: entry.input) {
                state.inputs[entry.input.id] = value
            } else {
                state.inputs[entry.input.id] = nil
                rejectedPresets[index] = value
            }
        }
        if let detour = state.detour {
            phase = .detour(detour)
        } else {
            phase = firstPhase(now: now)
        }
    }

    // MARK: - Reading

    /// The current step's index, in the step phases.
    public var stepIndex: Int? {
        switch phase {
        case .step(let index), .resultQuestion(let index), .resultFollowUp(let index), .problemNote(let index),
            .choice(let index), .waiting(let index):
            index
        default: nil
        }
    }

    /// Whether the run is over (finished or stopped).
    public var isOver: Bool {
        switch phase {
        case .finished, .stopped: true
        default: false
        }
    }

    /// Steps done, steps skipped, steps a choice led past.
    public var counts: (done: Int, skipped: Int, bypassed: Int) {
        let keys = Set(plan.steps.map(\.key))
        let records = state.records.filter { keys.contains($0.key) }
        return (
            records.filter { $0.status == .done }.count, records.filter { $0.status == .skipped }.count,
            records.filter { $0.status == .bypassed }.count
        )
    }

    /// Whether a step's result was answered "no" and never seen since: the run ends with a problem.
    public var hasUnresolvedProblem: Bool {
        let keys = Set(plan.steps.map(\.key))
        return state.records.contains { keys.contains($0.key) && $0.sawResult == false }
    }

    /// Hands over the events collected since the last call.
    public mutating func takeEvents() -> [RunEvent] {
        defer { pendingEvents.removeAll() }
        return pendingEvents
    }

    // MARK: - Answers

    /// Applies the admin's command; returns what to tell them, if anything.
    @discardableResult
    public mutating func handle(_ command: Command, now: Date) -> Feedback? {
        state.updatedAt = now
        switch command {
        case .interrupt:
            stop(.interrupted, now: now)
            return nil
        case .endOfInput:
            stop(.endOfInput, now: now)
            return nil
        case .quit:
            stop(.quit, now: now)
            return nil
        case .switchLanguage:
            guard let position = languages.firstIndex(of: language), languages.count > 1 else { return .notAvailable }
            language = languages[(position + 1) % languages.count]
            state.language = language
            pendingEvents.append(event(.languageSwitch, now, value: language))
            return nil
        case .edit(let inputIndex):
            guard plan.inputs.indices.contains(inputIndex), let index = stepIndex else { return .notAvailable }
            leaveStep(index, now: now)
            returnStep = index
            phase = .input(inputIndex)
            return nil
        default:
            break
        }
        switch phase {
        case .prerequisite(let index): return handlePrerequisite(index, command, now: now)
        case .prerequisiteUnmet(let index): return handleUnmetPrerequisite(index, command, now: now)
        case .input(let index): return handleInput(index, command, now: now)
        case .step(let index): return handleStep(index, command, now: now)
        case .resultQuestion(let index): return handleResultQuestion(index, command, now: now)
        case .resultFollowUp(let index): return handleResultFollowUp(index, command, now: now)
        case .problemNote(let index): return handleProblemNote(index, command, now: now)
        case .choice(let index): return handleChoice(index, command, now: now)
        case .waiting(let index): return handleWaiting(index, command, now: now)
        case .detour(let detour): return handleDetourEnd(detour, command, now: now)
        case .finished, .stopped: return .notAvailable
        }
    }

    mutating func handlePrerequisite(_ index: Int, _ command: Command, now: Date) -> Feedback? {
        switch command {
        case .yes, .next:
            pendingEvents.append(event(.prerequisite, now, value: "yes", name: String(index + 1)))
            if index + 1 < plan.requirements.count {
                phase = .prerequisite(index + 1)
            } else {
                state.prerequisitesConfirmed = true
                phase = nextInputPhase(from: 0, now: now)
            }
        case .no:
            pendingEvents.append(event(.prerequisite, now, value: "no", name: String(index + 1)))
            if plan.requirements[index].see != nil {
                phase = .prerequisiteUnmet(index)
            } else {
                stop(.prerequisiteNotMet(index), now: now)
            }
        case .back where index > 0:
            phase = .prerequisite(index - 1)
        default:
            return .notAvailable
        }
        return nil
    }

    mutating func handleUnmetPrerequisite(_ index: Int, _ command: Command, now: Date) -> Feedback? {
        switch command {
        case .walkPrerequisite:
            guard let id = plan.requirements[index].see else { return .notAvailable }
            let detour = RunState.Detour(procedureID: id, prerequisite: index)
            state.detour = detour
            pendingEvents.append(event(.detour, now, value: id, name: String(index + 1)))
            phase = .detour(detour)
        case .no, .quit:
            stop(.prerequisiteNotMet(index), now: now)
        case .back:
            phase = .prerequisite(index)
        default:
            return .notAvailable
        }
        return nil
    }

    mutating func handleInput(_ index: Int, _ command: Command, now: Date) -> Feedback? {
        let input = plan.inputs[index].input
        switch command {
        case .text(let raw):
            // Enter alone keeps a value given earlier (when coming back to it).
            let value = raw.trimmingCharacters(in: .whitespaces).isEmpty ? (state.inputs[input.id] ?? "") : raw.trimmingCharacters(in: .whitespaces)
            guard !value.isEmpty else { return .emptyInput(index: index) }
            guard Self.accepts(value, for: input) else { return .invalidInput(index: index, value: value) }
            let previous = state.inputs[input.id]
            state.inputs[input.id] = value
            rejectedPresets[index] = nil
            var given = event(.input, now, value: value, name: input.id)
            if let previous, previous != value { given.previous = previous }
            pendingEvents.append(given)
            if let step = returnStep {
                returnStep = nil
                show(step, now: now)
            } else {
                phase = nextInputPhase(from: index + 1, now: now)
            }
        case .back where returnStep != nil:
            // Changing a value was not needed after all: back to the step, the value as it was.
            show(returnStep!, now: now)
            returnStep = nil
        case .back where index > 0:
            phase = .input(index - 1)
        case .back where !plan.requirements.isEmpty:
            phase = .prerequisite(plan.requirements.count - 1)
        default:
            return .notAvailable
        }
        return nil
    }

    mutating func handleStep(_ index: Int, _ command: Command, now: Date) -> Feedback? {
        switch command {
        case .commandEnded(let outcome):
            let step = plan.steps[index]
            guard let line = step.step.command?.value else { return .notAvailable }
            var ran = event(.command, now, step: step.key, value: line, name: outcome.ending.word)
            ran.exitStatus = outcome.ending.exitStatus
            ran.output = outcome.output
            pendingEvents.append(ran)
            switch outcome.ending {
            case .exited(0):
                break  // the admin reads the output, then goes on as after doing the step by hand
            case .stopped:
                break  // stopped with Ctrl-C: the run is interrupted next
            default:
                // It did not work: a "no" to the step's question (try again, go back, or note the problem).
                pendingEvents.append(event(.answer, now, step: step.key, value: "no"))
                phase = .resultFollowUp(index)
            }
        case .next, .yes:
            if let wait = plan.steps[index].step.wait {
                let key = plan.steps[index].key
                let remaining = state.waitRemaining?[key] ?? Double(wait.value)
                waitStartedAt = now
                waitRemainingAtStart = remaining
                pendingEvents.append(event(.waitStart, now, step: key, seconds: remaining))
                phase = .waiting(index)
                return nil
            }
            afterWork(index, now: now)
        case .skip:
            complete(index, status: .skipped, sawResult: nil, problem: nil, now: now)
        case .back:
            if index == 0 {
                // From the first step, back is the last value asked for, to check or change it.
                guard !plan.inputs.isEmpty else { return .notAvailable }
                leaveStep(index, now: now)
                returnStep = index
                phase = .input(plan.inputs.count - 1)
                return nil
            }
            leaveStep(index, now: now)
            show(previousShown(before: index), now: now)
        default:
            return .notAvailable
        }
        return nil
    }

    mutating func handleDetourEnd(_ detour: RunState.Detour, _ command: Command, now: Date) -> Feedback? {
        guard case .returnFromDetour(let finished) = command else { return .notAvailable }
        pendingEvents.append(event(.detourEnd, now, value: detour.procedureID, name: finished ? "finished" : "stopped"))
        guard finished else {
            // Kept in the state: the next run resumes inside the detour first.
            stop(.detour, now: now)
            return nil
        }
        state.detour = nil
        if let key = detour.afterStepKey, let index = plan.index(ofKey: key) {
            moveOn(from: index, now: now)
        } else if let prerequisite = detour.prerequisite {
            phase = .prerequisite(prerequisite)
        } else {
            phase = firstPhase(now: now)
        }
        return nil
    }

    /// The step's work is done (and its wait over): its question, or the next step.
    mutating func afterWork(_ index: Int, now: Date) {
        if plan.steps[index].step.result != nil {
            phase = .resultQuestion(index)
        } else {
            complete(index, status: .done, sawResult: nil, problem: nil, now: now)
        }
    }

    /// Seconds still to wait at `now`, in the waiting phase.
    public func waitRemaining(at now: Date) -> Double {
        guard waitStartedAt != nil else { return 0 }
        return max(0, waitRemainingAtStart - now.timeIntervalSince(waitStartedAt!))
    }

    mutating func handleWaiting(_ index: Int, _ command: Command, now: Date) -> Feedback? {
        let key = plan.steps[index].key
        switch command {
        case .tick, .next:
            let remaining = waitRemaining(at: now)
            guard remaining <= 0 || command == .next else { return nil }
            let total = Double(plan.steps[index].step.wait?.value ?? 0)
            // This time's share; a wait resumed after a stop was partly waited before.
            let waitedNow = waitRemainingAtStart - remaining
            state.waitRemaining?[key] = nil
            waitStartedAt = nil
            waitedSeconds[key] = total - remaining
            pendingEvents.append(event(.waitEnd, now, step: key, value: remaining <= 0 ? "over" : "ended early", seconds: waitedNow))
            afterWork(index, now: now)
        case .back:
            keepWaitRemaining(index, now: now)
            phase = .step(index)
            stepShownAt = now
        default:
            return .notAvailable
        }
        return nil
    }

    /// Keeps what is left of a wait in the state, so a later run (or Enter again) waits only that.
    mutating func keepWaitRemaining(_ index: Int, now: Date) {
        let key = plan.steps[index].key
        let remaining = waitRemaining(at: now)
        if state.waitRemaining == nil { state.waitRemaining = [:] }
        state.waitRemaining?[key] = remaining
        pendingEvents.append(event(.waitEnd, now, step: key, value: "paused", seconds: waitRemainingAtStart - remaining))
        waitStartedAt = nil
    }

    /// The step before `index` the admin saw: a step a choice led past is not gone back to.
    func previousShown(before index: Int) -> Int {
        var previous = index - 1
        while previous > 0, state.record(for: plan.steps[previous].key)?.status == .bypassed { previous -= 1 }
        return max(0, previous)
    }

    mutating func handleChoice(_ index: Int, _ command: Command, now: Date) -> Feedback? {
        let step = plan.steps[index]
        switch command {
        case .choose(let number) where step.step.choices.indices.contains(number):
            let choice = step.step.choices[number]
            var record = state.record(for: step.key)
            record?.choice = number + 1
            if let record { state.setRecord(record) }
            switch choice.target {
            case .step(let id):
                pendingEvents.append(event(.choice, now, step: step.key, value: "step:\(id)", name: String(number + 1)))
                let prefix = step.key.split(separator: "/").dropLast().map(String.init)
                guard let target = plan.index(ofKey: (prefix + [id]).joined(separator: "/")), target > index else {
                    moveOn(from: index, now: now)
                    return nil
                }
                for passed in (index + 1)..<target {
                    let key = plan.steps[passed].key
                    state.setRecord(RunState.StepRecord(
                        key: key, status: .bypassed, seconds: 0, title: state.record(for: key)?.title))
                    pendingEvents.append(event(.stepBypassed, now, step: key))
                }
                show(target, now: now)
            case .procedure(let id):
                pendingEvents.append(event(.choice, now, step: step.key, value: "procedure:\(id)", name: String(number + 1)))
                guard id != plan.procedure.id else {
                    moveOn(from: index, now: now)
                    return nil
                }
                let detour = RunState.Detour(procedureID: id, afterStepKey: step.key)
                state.detour = detour
                state.currentStepKey = step.key
                pendingEvents.append(event(.detour, now, step: step.key, value: id))
                phase = .detour(detour)
            }
        case .back:
            phase = .step(index)
            stepShownAt = now
        default:
            return .notAvailable
        }
        return nil
    }

    mutating func handleResultQuestion(_ index: Int, _ command: Command, now: Date) -> Feedback? {
        switch command {
        case .yes, .next:
            pendingEvents.append(event(.answer, now, step: plan.steps[index].key, value: "yes"))
            complete(index, status: .done, sawResult: true, problem: nil, now: now)
        case .no:
            pendingEvents.append(event(.answer, now, step: plan.steps[index].key, value: "no"))
            phase = .resultFollowUp(index)
        case .back:
            phase = .step(index)
        default:
            return .notAvailable
        }
        return nil
    }

    mutating func handleResultFollowUp(_ index: Int, _ command: Command, now: Date) -> Feedback? {
        switch command {
        case .back:
            leaveStep(index, now: now)
            show(max(0, index - 1), now: now)
        case .retry:
            phase = .step(index)
        case .noteProblem, .next:
            phase = .problemNote(index)
        default:
            return .notAvailable
        }
        return nil
    }

    mutating func handleProblemNote(_ index: Int, _ command: Command, now: Date) -> Feedback? {
        switch command {
        case .text(let problem):
            let trimmed = problem.trimmingCharacters(in: .whitespaces)
            pendingEvents.append(event(.problem, now, step: plan.steps[index].key, value: trimmed))
            complete(index, status: .done, sawResult: false, problem: trimmed.isEmpty ? nil : trimmed, now: now)
        case .back:
            phase = .resultFollowUp(index)
        default:
            return .notAvailable
        }
        return nil
    }

    // MARK: - Moving

    /// Where a new or resumed session starts.
    mutating func firstPhase(now: Date) -> Phase {
        if !plan.requirements.isEmpty, !state.prerequisitesConfirmed { return .prerequisite(0) }
        state.prerequisitesConfirmed = true
        return nextInputPhase(from: 0, now: now)
    }

    /// The next input without a value from `index` on, or the step to start at.
    mutating func nextInputPhase(from index: Int, now: Date) -> Phase {
        if let missing = plan.inputs.indices.first(where: { $0 >= index && state.inputs[plan.inputs[$0].input.id] == nil }) {
            return .input(missing)
        }
        let start = resumption?.stepIndex ?? 0
        guard start < plan.steps.count else {
            finish(now: now)
            return .finished
        }
        show(start, now: now)
        return phase
    }

    mutating func show(_ index: Int, now: Date) {
        phase = .step(index)
        state.currentStepKey = plan.steps[index].key
        stepShownAt = now
        pendingEvents.append(event(.stepShown, now, step: plan.steps[index].key))
    }

    /// Adds the time spent on step `index` since it was shown to its record, if it has one (a step left with
    /// "back", or the step on screen when the run stops, so a resumed run counts it).
    mutating func leaveStep(_ index: Int, now: Date) {
        defer { stepShownAt = nil }
        guard let shown = stepShownAt, var record = state.record(for: plan.steps[index].key) else { return }
        record.seconds += now.timeIntervalSince(shown)
        state.setRecord(record)
    }

    mutating func complete(_ index: Int, status: RunState.StepRecord.Status, sawResult: Bool?, problem: String?, now: Date) {
        let key = plan.steps[index].key
        let earlier = state.record(for: key)?.seconds ?? 0
        let seconds = earlier + (stepShownAt.map { now.timeIntervalSince($0) } ?? 0)
        stepShownAt = nil
        var record = RunState.StepRecord(
            key: key, status: status, seconds: seconds, sawResult: sawResult, problem: problem, title: stepTitles[key])
        record.waited = waitedSeconds[key] ?? state.record(for: key)?.waited
        state.setRecord(record)
        pendingEvents.append(event(status == .done ? .stepDone : .stepSkipped, now, step: key, seconds: seconds))
        if status == .done, !plan.steps[index].step.choices.isEmpty {
            phase = .choice(index)
            return
        }
        moveOn(from: index, now: now)
    }

    /// To the step after `index`, or the end.
    mutating func moveOn(from index: Int, now: Date) {
        if index + 1 < plan.steps.count {
            show(index + 1, now: now)
        } else {
            finish(now: now)
        }
    }

    mutating func finish(now: Date) {
        phase = .finished
        state.isFinished = true
        state.currentStepKey = nil
        pendingEvents.append(event(.end, now, value: "finished"))
    }

    mutating func stop(_ reason: StopReason, now: Date) {
        guard !isOver else { return }
        if case .waiting(let index) = phase { keepWaitRemaining(index, now: now) }
        if let index = stepIndex { leaveStep(index, now: now) }
        phase = .stopped(reason)
        let why: String =
            switch reason {
            case .prerequisiteNotMet(let index): "prerequisite \(index + 1) not met"
            case .quit: "quit"
            case .interrupted: "interrupted"
            case .endOfInput: "end of input"
            case .detour: "stopped in another procedure"
            }
        if reason == .interrupted || reason == .endOfInput {
            pendingEvents.append(event(.interruption, now, value: why))
        }
        pendingEvents.append(event(.end, now, value: why))
    }

    // MARK: - Helpers

    /// Whether `value` is acceptable for `input`: not empty, and matching its pattern if it has one.
    public static func accepts(_ value: String, for input: Input) -> Bool {
        guard !value.isEmpty else { return false }
        guard let pattern = input.pattern?.value else { return true }
        return InputPattern.matches(value, pattern: pattern)
    }

    func event(
        _ kind: RunEvent.Kind, _ time: Date, fingerprint: String? = nil, step: String? = nil, value: String? = nil,
        name: String? = nil, seconds: Double? = nil
    ) -> RunEvent {
        RunEvent(
            kind, at: time, procedureID: plan.procedure.id, fingerprint: fingerprint, step: step, value: value, name: name,
            seconds: seconds)
    }
}
