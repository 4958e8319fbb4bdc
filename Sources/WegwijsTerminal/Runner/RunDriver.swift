import Foundation
import WegwijsCore

/// Drives a ``RunSession`` through a ``RunConsole``: draws each screen (``RunScreen``), turns keys or lines
/// into actions (``Keymap``), carries out the step's actions (open, copy, references), saves after every
/// change, and ends with a summary and, if asked, a report.
///
/// Interactive consoles get one key per answer; plain consoles (screen readers, scripts) get each screen
/// printed once and answer with a line.
public final class RunDriver {
    /// How a run ended, for the exit status.
    public enum Outcome: Sendable, Equatable {
        /// Every step done, skipped or led past, and every result seen.
        case finished
        /// The end was reached, but a step's result was answered "no" and not seen since.
        case endedWithProblem
        /// Stopped before the end: the admin quit (q), a prerequisite is not in place, or input ended.
        case stopped
        /// Ctrl-C or a signal.
        case interrupted
    }

    /// What a run needs besides the plan.
    public struct Options: Sendable {
        public var language: String
        /// Whether the language was asked for (`--lang`); if not, a resumed run keeps the one it was left in.
        public var languageIsExplicit: Bool
        public var presets: [String: String]
        public var restart: Bool
        /// Where to write the Markdown report, if anywhere.
        public var recordFile: URL?
        /// Where to write the report as JSON (``RunRecord``), if anywhere.
        public var jsonRecordFile: URL?
        /// Who runs the procedure, for the report (`$USER`).
        public var user: String
        /// Whether a step's `command:` may be run (`x`, then a confirmation): the command line decides (in a
        /// terminal always, in plain mode only with `--allow-commands`). Off unless said: nothing from content
        /// runs where nobody asked for it.
        public var allowsCommands: Bool

        public init(
            language: String, languageIsExplicit: Bool = true, presets: [String: String], restart: Bool, recordFile: URL?,
            jsonRecordFile: URL? = nil, user: String, allowsCommands: Bool = false
        ) {
            self.allowsCommands = allowsCommands
            self.language = language
            self.languageIsExplicit = languageIsExplicit
            self.presets = presets
            self.restart = restart
            self.recordFile = recordFile
            self.jsonRecordFile = jsonRecordFile
            self.user = user
        }
    }

    let session: ContentSession
    let plan: RunPlan
    let console: RunConsole
    let store: RunStateStore
    let log: RunLog
    let options: Options
    let clock: @Sendable () -> Date
    /// How deep this run is inside others (a choice's or a prerequisite's procedure): 0 for the run asked for.
    let depth: Int
    var run: RunSession!
    var screen: RunScreen
    var keymaps: [String: Keymap] = [:]
    var needsDraw = true
    /// Whether progress can be saved (the state folder is writable).
    var canSave = true
    var affordanceCache: (key: String, value: StepAffordances)?
    /// The lines of the current screen not shown yet (a screen taller than the window, paged with Space).
    var unshownLines: [String] = []
    /// The procedure's title and summary, shown with the first screen.
    var introduction: [String] = []

    /// Writes the introduction if no screen has shown it yet (a run that ends, or walks elsewhere, first).
    func writeIntroduction() {
        guard !introduction.isEmpty else { return }
        write(introduction)
        introduction = []
    }

    /// A driver for `plan`, saving into `store`, reading the time from `clock` (tests pass a fixed clock).
    public convenience init(
        session: ContentSession, plan: RunPlan, console: RunConsole, store: RunStateStore, options: Options,
        clock: @escaping @Sendable () -> Date = Date.init
    ) {
        self.init(session: session, plan: plan, console: console, store: store, options: options, clock: clock, depth: 0)
    }

    init(
        session: ContentSession, plan: RunPlan, console: RunConsole, store: RunStateStore, options: Options,
        clock: @escaping @Sendable () -> Date, depth: Int
    ) {
        self.session = session
        self.plan = plan
        self.console = console
        self.store = store
        log = RunLog(url: store.logURL(plan.procedure.id))
        self.options = options
        self.clock = clock
        self.depth = depth
        screen = RunScreen(session: session, plan: plan, capabilities: console.capabilities)
        screen.commandsAllowed = options.allowsCommands
    }

    // MARK: - Running

    /// Runs until the end, a stop, or an interruption; progress is saved on the way.
    public func start() -> Outcome {
        var saved: RunState?
        var language = options.language
        if options.restart {
            store.remove(plan.procedure.id)
        } else {
            switch store.load(plan.procedure.id) {
            case .state(let state):
                saved = state
                if !options.languageIsExplicit, !state.isFinished, session.site.languages.contains(state.language) {
                    language = state.language
                }
            case .unreadable(let reason, let path):
                say(s("runner.state.unreadable", ["reason": reason, "path": path ?? "-"], language: language))
            case .none: break
            }
        }
        if depth == 0, !store.isWritable {
            canSave = false
            say(s("runner.state.not-writable", ["path": TerminalText.safe(store.folder.path)], language: language))
        }
        run = RunSession(
            plan: plan, language: language, languages: session.site.languages, saved: saved,
            presets: options.presets, now: clock())
        // Shown with the first screen, so that on a short window it is paged with it, not scrolled away.
        introduction = screen.introduction(for: run)
        persist()
        while !run.isOver {
            refreshScreen()
            if case .detour(let detour) = run.phase {
                walk(detour)
            } else if case .waiting = run.phase {
                if needsDraw { draw() }
                waitAMoment()
            } else if isTyping {
                draw()
                readTypedLine()
            } else {
                draw()
                handle(console.nextInput())
            }
            persist()
        }
        return finish()
    }

    /// The screen follows the console's width and the language.
    func refreshScreen() {
        if screen.capabilities != console.capabilities {
            let kept = screen
            screen = RunScreen(session: session, plan: plan, capabilities: console.capabilities)
            screen.legendsInline = kept.legendsInline
            screen.lastHeader = kept.lastHeader
            screen.commandsAllowed = kept.commandsAllowed
        }
    }

    func handle(_ input: RunInput) {
        switch input {
        case .interrupt:
            run.handle(.interrupt, now: clock())
        case .endOfInput:
            run.handle(.endOfInput, now: clock())
        case .resize:
            needsDraw = true  // a new width, or back from Ctrl-Z: draw the screen again
            screen.lastHeader = nil
        case .key(let key):
            if case .choice = run.phase, case .character(let character) = key, let digit = character.wholeNumberValue {
                choose(digit)
                return
            }
            if let action = keymap.action(for: key, among: activeBindings) {
                perform(action)
            } else {
                notAvailable(enter: key == .enter)
            }
        case .line(let line):
            handleLine(line)
        }
    }

    func handleLine(_ line: String) {
        let text = TerminalText.safe(line).trimmingCharacters(in: .whitespaces)
        if text.isEmpty {
            if keymap.action(for: .enter, among: activeBindings) == .next {
                perform(.next)
            } else {
                notAvailable(enter: true)
            }
            return
        }
        if case .choice = run.phase, let number = Int(text) {
            choose(number)
            return
        }
        if let action = keymap.action(forLine: text, among: activeBindings) {
            perform(action)
        } else {
            notAvailable(enter: false)
        }
    }

    /// Says that a key does nothing now, naming the keys that do; at a question, Enter asks for y or n.
    func notAvailable(enter: Bool) {
        if enter, let phase = KeyPhase(run.phase), phase == .prerequisite || phase == .question {
            let active = activeBindings
            let yes = active.first { $0.action == .yes }?.label ?? "y"
            let no = active.first { $0.action == .no }?.label ?? "n"
            say(s("runner.answer.type-yes-or-no", ["yes": yes, "no": no]))
            return
        }
        say(s("runner.not-available", ["keys": screen.keyNames(activeBindings)]))
    }

    func perform(_ action: RunAction) {
        switch action {
        case .next: command(.next)
        case .confirm: break
        case .yes:
            echo(s("runner.key.yes"))
            command(.yes)
        case .no:
            echo(s("runner.key.no"))
            command(.no)
        case .choose: break
        case .walk: command(.walkPrerequisite)
        case .stopHere: command(.no)
        case .back: command(.back)
        case .skip: command(.skip)
        case .retry: command(.retry)
        case .noteProblem: command(.noteProblem)
        case .switchLanguage: command(.switchLanguage)
        case .quit, .stop: command(.quit)
        case .help: say(console.capabilities.isInteractive ? s("runner.help") : s("runner.help.plain"))
        case .open: openLink()
        case .copy: copyValue()
        case .openReference: showReferences()
        case .edit: editInput()
        case .legends:
            screen.legendsInline.toggle()
            needsDraw = true
        case .runCommand: runStepCommand()
        case .more: showPage()
        }
    }

    func command(_ command: RunSession.Command) {
        let before = run.phase
        let feedback = run.handle(command, now: clock())
        if feedback == .notAvailable { say(s("runner.not-available", ["keys": screen.keyNames(activeBindings)])) }
        if command == .switchLanguage || before != run.phase {
            needsDraw = true
            unshownLines = []
        }
        if command == .switchLanguage { screen.lastHeader = nil }
    }

    /// In plain mode the answer is said back, so a transcript shows what was answered.
    func echo(_ answer: String) {
        guard !console.capabilities.isInteractive else { return }
        say(s("runner.answer.echo", ["answer": answer]))
    }

    func choose(_ number: Int) {
        guard let index = run.stepIndex, case .choice = run.phase, (1...plan.steps[index].step.choices.count).contains(number) else {
            say(s("runner.choice.invalid", ["count": String(run.stepIndex.map { plan.steps[$0].step.choices.count } ?? 0)]))
            return
        }
        echo(String(number))
        command(.choose(number - 1))
    }

    // MARK: - The keymap

    var keymap: Keymap {
        if let keymap = keymaps[run.language] { return keymap }
        let keymap = Keymap(strings: session.strings, language: run.language)
        keymaps[run.language] = keymap
        return keymap
    }

    /// The bindings that do something at this moment.
    var activeBindings: [KeyBinding] {
        guard let phase = KeyPhase(run.phase) else { return [] }
        var active = keymap.active(in: phase) { self.isAvailable($0) }
        if case .choice(let index) = run.phase, let position = active.firstIndex(where: { $0.action == .choose }) {
            // The numbers that answer: "1–3".
            let count = plan.steps[index].step.choices.count
            active[position].label = count > 1 ? "1–\(count)" : "1"
            active[position].plainLabel = active[position].label
        }
        return active
    }

    /// Whether `action` does something now (so its key is hinted, and works).
    func isAvailable(_ action: RunAction) -> Bool {
        switch action {
        case .switchLanguage:
            return session.site.languages.count > 1
        case .back:
            switch run.phase {
            case .prerequisite(let index): return index > 0
            case .input(let index): return index > 0 || !plan.requirements.isEmpty || run.returnStep != nil
            case .step(let index): return index > 0 || !plan.inputs.isEmpty
            default: return true
            }
        case .more:
            return !unshownLines.isEmpty
        case .runCommand:
            guard options.allowsCommands, let index = run.stepIndex, case .step = run.phase else { return false }
            return plan.steps[index].step.command != nil
        case .open, .copy, .openReference, .legends, .edit:
            guard case .step = run.phase, let affordances = currentAffordances else { return false }
            switch action {
            case .open: return !affordances.links.isEmpty
            case .copy: return !affordances.values.isEmpty
            case .openReference: return !affordances.references.isEmpty
            case .legends: return affordances.hasCalloutMarkers
            default: return !plan.inputs.isEmpty
            }
        default:
            return true
        }
    }

    /// The current step's affordances, computed once per step, language and set of values.
    var currentAffordances: StepAffordances? {
        guard let index = run.stepIndex else { return nil }
        let key = "\(index)\u{1F}\(run.language)\u{1F}\(run.state.inputs.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" })"
        if let cache = affordanceCache, cache.key == key { return cache.value }
        let step = plan.steps[index]
        let scope = LinkResolver.Scope(procedure: step.procedure, step: step.step)
        let texts = [step.step.text, step.step.result].compactMap { $0 } + step.step.notes.map(\.text)
        let references = texts.flatMap {
            screen.renderer(run.language).render($0, in: scope, values: run.state.inputs, width: screen.width).references
        }
        let affordances = StepAffordances(
            step: step, language: run.language, values: run.state.inputs, site: session.site, plainTexts: session.plainTexts,
            strings: session.strings, contentDirectory: session.loader.contentDirectory,
            displayPath: { self.session.loader.displayPath($0) }, references: references)
        affordanceCache = (key, affordances)
        return affordances
    }

    // MARK: - Typing values

    /// Whether the phase asks for a typed line (an input value or a problem note).
    var isTyping: Bool { KeyPhase(run.phase)?.isTyping ?? false }

    /// Reads a typed answer: `?` alone is help, `b` alone (or Esc) goes back, Ctrl-D stops; a line that starts
    /// with a backslash is taken as it is without the backslash (`\?`, `\b` for those very values).
    func readTypedLine() {
        switch LineEditor.readLine(from: console) {
        case .line(let line):
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("\\") {
                submit(String(trimmed.dropFirst()))
            } else if let action = keymap.action(forLine: trimmed, among: activeBindings), action == .help || action == .back {
                perform(action)
            } else {
                submit(line)
            }
        case .escape:
            if isAvailable(.back) { perform(.back) } else { say(s("runner.not-available", ["keys": screen.keyNames(activeBindings)])) }
        case .endOfInput: run.handle(.endOfInput, now: clock())
        case .interrupt: run.handle(.interrupt, now: clock())
        case .resize:
            needsDraw = true
        }
    }

    func submit(_ value: String) {
        let phase = run.phase
        let feedback = run.handle(.text(value), now: clock())
        switch feedback {
        case .invalidInput(let index, let value):
            let input = plan.inputs[index].input
            say(s("runner.input.invalid", ["value": value, "label": screen.label(of: index, run.language)]))
            if let example = input.example { say(s("runner.input.hint", ["example": example])) }
        case .emptyInput(let index):
            say(s("runner.input.empty", ["label": screen.label(of: index, run.language)]))
        default:
            break
        }
        if run.phase == phase || phase != run.phase { needsDraw = true }
    }

    // MARK: - Drawing

    func draw() {
        if needsDraw {
            needsDraw = false
            let lines = screen.lines(for: run)
            guard !lines.isEmpty else { return }
            unshownLines = introduction + lines
            introduction = []
            showPage()
        }
        prompt()
    }

    /// Shows what of the screen fits the window with its key hints below (all of it in plain mode, at a typed
    /// answer, or where the window's height is not known); the rest waits for Space.
    func showPage() {
        let capabilities = console.capabilities
        var lines = unshownLines
        unshownLines = []
        if capabilities.isInteractive, let rows = capabilities.rows, !isTyping,
            activeBindingsIfPaged.contains(where: { $0.action == .more })
        {
            if lines.count + hintLines.count + 1 > rows {
                unshownLines = lines
                let page = RunScreen.page(lines, rows: rows, reserved: hintLines.count + 1)
                lines = page.shown
                unshownLines = page.rest
            }
        }
        write(lines)
        if capabilities.isInteractive { console.discardPendingInput() }
    }

    /// The bindings that would be active while a page is waiting (to know whether the phase pages at all).
    var activeBindingsIfPaged: [KeyBinding] {
        let kept = unshownLines
        unshownLines = [""]
        defer { unshownLines = kept }
        return activeBindings
    }

    /// The hint lines as they are now.
    var hintLines: [String] {
        screen.hints(activeBindings, language: run.language, otherLanguage: otherLanguageName)
    }

    /// The keys that work now, then `> ` in plain mode or at a typed answer.
    func prompt() {
        let hints = hintLines
        if console.capabilities.isInteractive {
            console.write(hints.joined(separator: "\n") + (isTyping ? "\n> " : "\n"))
        } else {
            console.write(hints.joined(separator: "\n") + "\n> ")
        }
    }

    var otherLanguageName: String? {
        let languages = session.site.languages
        guard languages.count > 1, let position = languages.firstIndex(of: run.language) else { return nil }
        return session.strings.string("language.name", in: languages[(position + 1) % languages.count])
    }

    // MARK: - Step actions

    /// Lets the admin pick one of `count` things by number: nil when they pick none (Enter, Esc, input ended).
    func pick(_ entries: [String], heading: String) -> Int? {
        var lines = [""] + screen.message(heading)
        for (offset, entry) in entries.enumerated() {
            lines += TerminalTextRenderer.hanging("  \(offset + 1). ", width: screen.width) { available in
                RunScreen.wrap(entry, width: available, usesColor: console.capabilities.usesColor)
            }
        }
        lines += screen.message(s("runner.pick-number", ["count": String(entries.count)]))
        console.write(lines.joined(separator: "\n") + "\n> ")
        while true {
            switch LineEditor.readLine(from: console) {
            case .line(let line):
                let answer = line.trimmingCharacters(in: .whitespaces)
                if answer.isEmpty || answer.lowercased() == "b" { return nil }
                if let number = Int(answer), (1...entries.count).contains(number) { return number - 1 }
                console.write(screen.message(s("runner.pick-number", ["count": String(entries.count)])).joined(separator: "\n") + "\n> ")
            case .escape, .endOfInput, .interrupt:
                return nil
            case .resize:
                continue
            }
        }
    }

    /// The index of the only entry, or of the one the admin picks from the numbered list (the screen is
    /// drawn again after a list); nil when the admin picks none.
    func pickOne(_ entries: [String], heading: String) -> Int? {
        guard entries.count > 1 else { return 0 }
        needsDraw = true
        return pick(entries, heading: heading)
    }

    /// Opens the step's only link, or the one picked from the numbered list.
    func openLink() {
        guard let links = currentAffordances?.links, !links.isEmpty else {
            notAvailable(enter: false)
            return
        }
        guard let chosen = pickOne(links.map { "\($0.title) — \($0.shownTarget)" }, heading: s("runner.open.which")) else { return }
        let link = links[chosen]
        let outcome = link.kind == .figure ? console.open(file: link.target) : console.open(address: link.target)
        switch outcome {
        case .opened:
            say(s(link.kind == .figure ? "runner.figure.opened" : "runner.open.opened", ["target": link.shownTarget]))
        case .noOpener(let program):
            say(s("runner.open.no-opener", ["program": program, "target": link.shownTarget]))
        case .failed:
            say(s("runner.open.failed", ["target": link.shownTarget]))
        }
    }

    /// Copies the step's only value, or the one picked; says "copied" only when a clipboard took it.
    func copyValue() {
        guard let values = currentAffordances?.values, !values.isEmpty else {
            say(s("runner.copy.nothing"))
            return
        }
        guard let chosen = pickOne(values.map { "\($0.text)  (\($0.label))" }, heading: s("runner.copy.which")) else { return }
        let text = values[chosen].text
        if let how = console.copyToClipboard(text) {
            say(s("runner.copied", ["text": TerminalText.safe(text), "how": how]))
        } else {
            say(s("runner.copy.failed", ["text": TerminalText.safe(text)]))
        }
    }

    /// Runs the step's `command:`: shown in full and asked about first (a key, or in plain mode a line);
    /// nothing runs on any other answer. The output is shown as it comes, made safe; then its exit status.
    /// One that did not work is a "no" to the step's question. Ctrl-C stops the command, then the run (saved).
    func runStepCommand() {
        guard isAvailable(.runCommand), let index = run.stepIndex, let line = plan.steps[index].step.command?.value else {
            notAvailable(enter: false)
            return
        }
        let yesWords = keymap.bindings.first { $0.action == .yes }?.words ?? ["y"]
        let noWords = keymap.bindings.first { $0.action == .no }?.words ?? ["n"]
        write(screen.commandConfirmation(line, language: run.language, yes: yesWords[0], no: noWords[0]))
        console.write("> ")
        // Keys typed before the question was on screen do not answer it.
        if console.capabilities.isInteractive { console.discardPendingInput() }
        var confirmed = false
        answering: while true {
            switch console.nextInput() {
            case .key(.character(let character)):
                confirmed = yesWords.contains(character.lowercased())
                echo(String(character))
                break answering
            case .key:
                break answering
            case .line(let answer):
                confirmed = yesWords.contains(TerminalText.safe(answer).trimmingCharacters(in: .whitespaces).lowercased())
                echo(TerminalText.safe(answer).trimmingCharacters(in: .whitespaces))
                break answering
            case .resize:
                continue
            case .interrupt:
                run.handle(.interrupt, now: clock())
                return
            case .endOfInput:
                run.handle(.endOfInput, now: clock())
                return
            }
        }
        if console.capabilities.isInteractive { console.write("\n") }
        guard confirmed else {
            say(s("runner.command.not-run"))
            return
        }
        say(s("runner.command.running"))
        let bar = console.capabilities.usesColor ? screen.style.dim("│") : "|"
        var stoppedByAdmin = false
        let outcome = StepCommand.run(
            line, output: { console.write("  \(bar) \($0)\n") },
            stopRequested: { limit in
                if console.interruptRequested(waitingAtMost: limit) { stoppedByAdmin = true }
                return stoppedByAdmin
            })
        switch outcome.ending {
        case .exited(0): say(s("runner.command.succeeded"))
        case .exited(let status): say(s("runner.command.failed", ["status": String(status)]))
        case .signalled(let number): say(s("runner.command.signalled", ["signal": String(number)]))
        case .stopped: say(s("runner.command.stopped"))
        case .notStarted(let reason): say(s("runner.command.not-started", ["reason": reason]))
        }
        command(.commandEnded(outcome))
        if stoppedByAdmin { run.handle(.interrupt, now: clock()) }
    }

    /// Changes an input given earlier: the only one, or the one picked; then back to this step.
    func editInput() {
        guard !plan.inputs.isEmpty else { return }
        var chosen = 0
        if plan.inputs.count > 1 {
            let entries = plan.inputs.indices.map { index -> String in
                let value = run.state.inputs[plan.inputs[index].input.id].map { "«\(TerminalText.safe($0))»" } ?? "—"
                return "\(screen.label(of: index, run.language)): \(value)"
            }
            guard let picked = pick(entries, heading: s("runner.edit.which")) else {
                needsDraw = true
                return
            }
            chosen = picked
        }
        command(.edit(chosen))
        needsDraw = true
    }

    /// Shows each procedure the current step refers to: title, summary, its steps; then back to the step.
    func showReferences() {
        guard let references = currentAffordances?.references, !references.isEmpty else {
            notAvailable(enter: false)
            return
        }
        for reference in references {
            guard let procedure = session.site.procedure(reference.procedureID) else { continue }
            let text = screen.renderer(run.language)
            let scope = LinkResolver.Scope(procedure: procedure)
            var lines = [""] + screen.wrapped(s("runner.reference.heading", ["title": reference.title]), indent: 0, style: .heading)
            if let summary = procedure.summary {
                lines.append(contentsOf: screen.block(
                    text.render(summary, in: scope, values: run.state.inputs, width: screen.width, indent: 2), run.language))
            }
            for step in RunPlan(procedure: procedure, site: session.site).steps {
                let marker = step.step.id == reference.stepID && step.trail.isEmpty ? "→ " : "  "
                lines.append(contentsOf: screen.heading(
                    step.step.title, in: .init(procedure: step.procedure, step: step.step), run: run,
                    prefix: "\(marker)\(step.number). ", style: []))
            }
            write(lines)
        }
        say(s("runner.reference.back"))
        needsDraw = true
    }

    // MARK: - Waiting

    /// Counts a wait down: in a terminal in place, once a second; in plain mode a line a minute, no redraws.
    func waitAMoment() {
        let interactive = console.capabilities.isInteractive
        let remaining = Int(run.waitRemaining(at: clock()).rounded(.up))
        let left = s("runner.wait.left", ["duration": WaitDuration.spoken(remaining)])
        if interactive { console.write("\r\u{1B}[K" + TerminalText.safe(left)) }
        let limit: Duration = interactive ? .seconds(1) : .seconds(max(1, min(60, remaining)))
        guard let input = console.nextInput(waitingAtMost: limit) else {
            run.handle(.tick, now: clock())
            if case .waiting = run.phase {
                if !interactive { say(s("runner.wait.left", ["duration": WaitDuration.spoken(Int(run.waitRemaining(at: clock()).rounded(.up)))])) }
            } else {
                if interactive { console.write("\n") }
                say(s("runner.wait.over"))
                needsDraw = true
            }
            return
        }
        if interactive { console.write("\n") }
        handle(input)
        needsDraw = true
    }

    // MARK: - Walking another procedure

    /// Walks the procedure a choice leads to in a run of its own (its own saved state and log), then goes on.
    func walk(_ detour: RunState.Detour) {
        guard let procedure = session.site.procedure(detour.procedureID), depth < 8 else {
            run.handle(.returnFromDetour(finished: true), now: clock())
            return
        }
        writeIntroduction()
        let title = session.plainTexts.title(of: procedure, in: run.language)
        say("\n" + s("runner.detour.start", ["title": title]))
        let nested = RunDriver(
            session: session.inRegister(of: procedure), plan: RunPlan(procedure: procedure, site: session.site), console: console, store: store,
            options: Options(
                language: run.language, languageIsExplicit: true, presets: run.state.inputs.filter { key, _ in procedure.input(key) != nil },
                restart: false, recordFile: nil, user: options.user),
            clock: clock, depth: depth + 1)
        let outcome = nested.start()
        let finished = outcome == .finished || outcome == .endedWithProblem
        if finished { say(s("runner.detour.back", ["title": session.plainTexts.title(of: plan.procedure, in: run.language)])) }
        if outcome == .interrupted {
            run.handle(.interrupt, now: clock())
        } else {
            run.handle(.returnFromDetour(finished: finished), now: clock())
        }
        needsDraw = true
        screen.lastHeader = nil
    }

    // MARK: - Saving and ending

    func persist() {
        let events = run.takeEvents()
        guard canSave else { return }
        try? log.append(events)
        if run.state.isFinished {
            store.remove(plan.procedure.id)
        } else {
            try? store.save(run.state)
        }
    }

    func finish() -> Outcome {
        writeIntroduction()
        let counts = run.counts
        var lines = [""]
        let outcome: Outcome
        switch run.phase {
        case .finished where run.hasUnresolvedProblem:
            lines.append(screen.style.warning(s("runner.ended-with-problem")))
            for step in plan.steps {
                guard let record = run.state.record(for: step.key), record.sawResult == false else { continue }
                let title = session.plainTexts.plain(step.step.title, in: run.language, procedure: step.procedure)
                let problem = record.problem.map { ": \($0)" } ?? ""
                lines.append(contentsOf: screen.wrapped(
                    s("runner.ended-with-problem.step", ["number": step.number, "title": title]) + problem, indent: 2))
            }
            outcome = .endedWithProblem
        case .finished:
            lines.append(screen.style.heading(s("runner.finished")))
            outcome = .finished
        case .stopped(.prerequisiteNotMet(let index)):
            lines.append(screen.style.warning(s("runner.prerequisite.not-met")))
            let requirement = plan.requirements[index]
            lines.append(contentsOf: screen.block(screen.renderer(run.language).render(
                requirement.text, in: .init(procedure: requirement.procedure), values: run.state.inputs, width: screen.width,
                indent: 2), run.language))
            if let id = requirement.see, let procedure = session.site.procedure(id) {
                lines.append(contentsOf: screen.wrapped(
                    s("runner.prerequisite.see", ["title": session.plainTexts.title(of: procedure, in: run.language), "id": id]), indent: 0))
            }
            outcome = .stopped
        case .stopped(.quit), .stopped(.endOfInput), .stopped(.detour):
            lines.append(contentsOf: screen.wrapped(s(canSave ? "runner.stopped" : "runner.stopped.unsaved"), indent: 0))
            outcome = .stopped
        default:
            lines.append(contentsOf: screen.wrapped(s(canSave ? "runner.interrupted" : "runner.interrupted.unsaved"), indent: 0))
            outcome = .interrupted
        }
        let events = canSave ? log.lastRun() : []
        let times = RunTimes(events: events, startedAt: run.state.startedAt, endedAt: clock())
        lines.append(contentsOf: screen.wrapped(s("runner.summary", [
            "done": String(counts.done), "count": String(plan.steps.count), "skipped": String(counts.skipped),
            "duration": RunReport.duration(times.elapsed),
        ]), indent: 0))
        if times.paused >= 1 {
            lines.append(contentsOf: screen.wrapped(s("runner.summary.paused", ["duration": RunReport.duration(times.paused)]), indent: 0))
        }
        write(lines)
        if depth == 0 {
            let report = RunReport(
                plan: plan, state: run.state, events: events, strings: session.strings, plainTexts: session.plainTexts,
                language: run.language, user: options.user, endedAt: clock(), hasUnresolvedProblem: run.hasUnresolvedProblem)
            if let file = options.recordFile { write(Data(report.markdown().utf8), to: file) }
            if let file = options.jsonRecordFile { write(report.json(), to: file) }
        }
        return outcome
    }

    func write(_ data: Data, to file: URL) {
        do {
            try data.write(to: file)
            say(s("runner.recorded", ["path": TerminalText.safe(file.path)]))
        } catch {
            say(s("runner.record.failed", ["path": TerminalText.safe(file.path), "reason": TerminalText.safe(error.localizedDescription)]))
        }
    }

    // MARK: - Words

    func s(_ key: String, _ values: [String: String] = [:], language: String? = nil) -> String {
        session.strings.string(key, in: language ?? run?.language ?? options.language, values)
    }

    func write(_ lines: [String]) {
        console.write(lines.joined(separator: "\n") + "\n")
    }

    /// Writes the runner's own words, wrapped to the width.
    func say(_ text: String) {
        write(screen.message(text))
    }
}
