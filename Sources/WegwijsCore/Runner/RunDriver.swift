import Foundation
import WegwijsMarkdown

/// Drives a ``RunSession`` through a ``RunConsole``: draws each screen, turns keys or lines into commands,
/// saves after every change, and ends with a summary and, if asked, a report.
///
/// Interactive consoles get one key per answer; plain consoles (screen readers, scripts) get each screen
/// printed once and answer with a line. The text on screen always comes from the cmark tree through
/// ``TerminalTextRenderer``; every word of the runner's own comes from the interface strings.
public final class RunDriver {
    /// How a run ended, for the exit status.
    public enum Outcome: Sendable, Equatable {
        /// Every step done or skipped.
        case finished
        /// Stopped before the end: the admin quit (q), a prerequisite is not in place, or input ended.
        case stopped
        /// Ctrl-C or a signal.
        case interrupted
    }

    /// What a run needs besides the plan.
    public struct Options: Sendable {
        public var language: String
        public var presets: [String: String]
        public var restart: Bool
        /// Where to write the Markdown report, if anywhere.
        public var recordFile: URL?
        /// Who runs the procedure, for the report (`$USER`).
        public var user: String

        public init(language: String, presets: [String: String], restart: Bool, recordFile: URL?, user: String) {
            self.language = language
            self.presets = presets
            self.restart = restart
            self.recordFile = recordFile
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
    var run: RunSession!
    var renderers: [String: TerminalTextRenderer] = [:]

    /// A driver for `plan`, saving into `store`, reading the time from `clock` (tests pass a fixed clock).
    public init(
        session: ContentSession, plan: RunPlan, console: RunConsole, store: RunStateStore, options: Options,
        clock: @escaping @Sendable () -> Date = Date.init
    ) {
        self.session = session
        self.plan = plan
        self.console = console
        self.store = store
        log = RunLog(url: store.logURL(plan.procedure.id))
        self.options = options
        self.clock = clock
    }

    // MARK: - Running

    /// Runs until the end, a stop, or an interruption; progress is saved on the way.
    public func start() -> Outcome {
        var saved: RunState?
        if options.restart {
            store.remove(plan.procedure.id)
        } else {
            switch store.load(plan.procedure.id) {
            case .state(let state): saved = state
            case .unreadable(let reason, let path):
                say(s("runner.state.unreadable", ["reason": reason, "path": path ?? "-"]))
            case .none: break
            }
        }
        run = RunSession(
            plan: plan, language: options.language, languages: session.site.languages, saved: saved,
            presets: options.presets, now: clock())
        drawIntroduction()
        persist()
        while !run.isOver {
            draw()
            if isTyping {
                switch LineEditor.readLine(from: console) {
                case .line(let line): submit(line)
                case .endOfInput: run.handle(.endOfInput, now: clock())
                case .interrupt: run.handle(.interrupt, now: clock())
                }
            } else {
                handle(console.nextInput())
            }
            persist()
        }
        return finish()
    }

    func handle(_ input: RunInput) {
        switch input {
        case .interrupt:
            run.handle(.interrupt, now: clock())
        case .endOfInput:
            run.handle(.endOfInput, now: clock())
        case .resize:
            needsDraw = true  // a new width, or back from Ctrl-Z: draw the screen again

        case .key(let key):
            handleKey(key)
        case .line(let line):
            handleLine(line)
        }
    }

    // MARK: - Answers

    /// What a letter means in the current phase (keys and plain-mode lines alike).
    func command(for letter: Character) -> KeyAction? {
        let yes = Set(("y" + s("runner.yes-letters")).lowercased())
        let lower = Character(letter.lowercased())
        switch run.phase {
        case .prerequisite:
            if yes.contains(lower) { return .command(.yes) }
            if lower == "n" { return .command(.no) }
            if lower == "b" { return .command(.back) }
        case .step:
            switch lower {
            case "b": return .command(.back)
            case "s": return .command(.skip)
            case "o": return .openFigure
            case "r": return .openReference
            case "c": return .copy
            default: break
            }
        case .resultQuestion:
            if yes.contains(lower) { return .command(.yes) }
            if lower == "n" { return .command(.no) }
            if lower == "b" { return .command(.back) }
        case .resultFollowUp:
            if lower == "b" { return .command(.back) }
            if lower == "r" { return .command(.retry) }
            if lower == "n" { return .command(.noteProblem) }
        default:
            break
        }
        switch lower {
        case "q": return .command(.quit)
        case "l": return .command(.switchLanguage)
        case "?": return .help
        default: return nil
        }
    }

    enum KeyAction {
        case command(RunSession.Command)
        case help, openFigure, openReference, copy
    }

    func handleKey(_ key: RunKey) {
        switch key {
        case .enter, .space:
            if case .step = run.phase { perform(.command(.next)) } else { say(s("runner.not-available")) }
        case .left, .backspace:
            perform(.command(.back))
        case .character(let character):
            if let action = command(for: character) { perform(action) } else { say(s("runner.not-available")) }
        default:
            break
        }
    }

    func handleLine(_ line: String) {
        let text = TerminalText.safe(line).trimmingCharacters(in: .whitespaces)
        if text.isEmpty {
            if case .step = run.phase { perform(.command(.next)) } else { say(s("runner.not-available")) }
            return
        }
        guard text.count == 1, let action = command(for: text.first!) else {
            say(s("runner.not-available"))
            return
        }
        perform(action)
    }

    func perform(_ action: KeyAction) {
        switch action {
        case .command(let command):
            let before = run.phase
            let feedback = run.handle(command, now: clock())
            if feedback == .notAvailable { say(s("runner.not-available")) }
            if command == .switchLanguage || before != run.phase { needsDraw = true }
        case .help:
            say(console.capabilities.isInteractive ? s("runner.help") : s("runner.help.plain"))
        case .openFigure:
            openFigure()
        case .openReference:
            showReferences()
        case .copy:
            copyFromStep()
        }
    }

    // MARK: - Typing values

    /// Whether the phase asks for a typed line (an input value or a problem note).
    var isTyping: Bool {
        switch run.phase {
        case .input, .problemNote: true
        default: false
        }
    }

    func submit(_ value: String) {
        let phase = run.phase
        let feedback = run.handle(.text(value), now: clock())
        switch feedback {
        case .invalidInput(let index, let value):
            let input = plan.inputs[index].input
            let label = label(of: index)
            say(s("runner.input.invalid", ["value": value, "label": label]))
            if let example = input.example { say(s("runner.input.hint", ["example": example])) }
        case .emptyInput(let index):
            say(s("runner.input.empty", ["label": label(of: index)]))
        default:
            if phase != run.phase { needsDraw = true }
        }
        if run.phase == phase { needsDraw = true }
    }

    // MARK: - Drawing

    var needsDraw = true
    var width: Int { max(1, min(console.capabilities.width, 100)) }
    var style: ScreenStyle { ScreenStyle(usesColor: console.capabilities.usesColor) }

    func renderer(_ language: String) -> TerminalTextRenderer {
        if let renderer = renderers[language] { return renderer }
        let renderer = TerminalTextRenderer(
            site: session.site, plainTexts: session.plainTexts, strings: session.strings, language: language,
            capabilities: console.capabilities)
        renderers[language] = renderer
        return renderer
    }

    func drawIntroduction() {
        let language = run.language
        let text = renderer(language)
        let scope = LinkResolver.Scope(procedure: plan.procedure)
        var lines = [""]
        lines.append(contentsOf: heading(plan.procedure.title, in: scope))
        if let audience = plan.procedure.audience {
            let badge = session.strings.string("audience.\(audience.value)", in: language)
            if TerminalText.displayWidth(badge) + 2 <= width {
                lines.append(style.badge(TerminalText.safe(badge)))
            } else {
                lines.append(contentsOf: wrapped("[\(badge)]", indent: 0, style: .strong))
            }
        }
        if let summary = plan.procedure.summary {
            lines.append(contentsOf: block(text.render(summary, in: scope, values: run.state.inputs, width: width)))
        }
        if let resumption = run.resumption, resumption.stepIndex < plan.steps.count {
            lines.append("")
            lines.append(contentsOf: wrapped(s("runner.resume", [
                "number": String(resumption.stepIndex + 1), "count": String(plan.steps.count),
                "date": Self.localTime(run.state.startedAt),
            ]), indent: 0))
            if resumption.procedureChanged { lines.append(contentsOf: wrapped(s("runner.resume.changed"), indent: 0)) }
            if !resumption.unmatchedKeys.isEmpty {
                lines.append(contentsOf: wrapped(
                    s("runner.resume.unmatched", ["steps": resumption.unmatchedKeys.joined(separator: ", ")]), indent: 0))
            }
        }
        console.write(lines.joined(separator: "\n") + "\n")
    }

    func draw() {
        guard needsDraw else {
            prompt()
            return
        }
        needsDraw = false
        var lines = [""]
        switch run.phase {
        case .prerequisite(let index):
            lines.append(contentsOf: wrapped(s("runner.prerequisite.heading", [
                "number": String(index + 1), "count": String(plan.requirements.count),
            ]), indent: 0, style: .heading))
            let requirement = plan.requirements[index]
            lines.append(contentsOf: block(renderer(run.language).render(
                requirement.text, in: .init(procedure: requirement.procedure), values: run.state.inputs, width: width, indent: 2)))
            lines.append(contentsOf: wrapped(s("runner.prerequisite.question"), indent: 0))
        case .input(let index):
            lines.append(contentsOf: wrapped(
                s("runner.input.heading", ["number": String(index + 1), "count": String(plan.inputs.count)]), indent: 0, style: .heading))
            if let rejected = run.rejectedPresets[index] {
                lines.append(style.warning(s("runner.input.preset-rejected", ["value": TerminalText.safe(rejected)])))
            }
            var label = label(of: index)
            if let example = plan.inputs[index].input.example {
                label += " (\(session.strings.string("procedure.example", in: run.language, ["example": TerminalText.safe(example)])))"
            }
            lines.append(contentsOf: wrapped(label, indent: 0))
        case .step(let index):
            lines.append(contentsOf: stepScreen(index))
        case .resultQuestion(let index):
            let step = plan.steps[index]
            if let result = step.step.result {
                lines.append(contentsOf: wrapped(s("runner.result.question"), indent: 0))
                lines.append(contentsOf: block(renderer(run.language).render(
                    result, in: .init(procedure: step.procedure, step: step.step), values: run.state.inputs, width: width,
                    indent: 2)))
            }
        case .resultFollowUp:
            lines.append(contentsOf: wrapped(s("runner.result.follow-up"), indent: 0))
        case .problemNote:
            lines.append(contentsOf: wrapped(s("runner.problem.prompt"), indent: 0))
        case .finished, .stopped:
            return
        }
        console.write(lines.joined(separator: "\n") + "\n")
        if console.capabilities.isInteractive { console.discardPendingInput() }
        prompt()
    }

    /// The keys that work now, then `> ` in plain mode.
    func prompt() {
        let keys = keyHints()
        let lines = wrapped(keys, indent: 0, style: console.capabilities.isInteractive ? .mark : [])
        if console.capabilities.isInteractive {
            console.write(lines.joined(separator: "\n") + (isTyping ? "\n> " : "\n"))
        } else {
            console.write(lines.joined(separator: "\n") + "\n> ")
        }
    }

    func keyHints() -> String {
        let other = session.site.languages.count > 1 ? otherLanguageName : nil
        var keys: [(String, String)] = []
        let enter = s("runner.key.enter")
        switch run.phase {
        case .prerequisite, .resultQuestion:
            keys = [(s("runner.yes-letters"), s("runner.key.yes")), ("n", s("runner.key.no")), ("b", s("runner.key.back"))]
        case .input, .problemNote:
            keys = [(enter, s("runner.key.ok"))]
        case .step(let index):
            keys = [(enter, s("runner.key.next")), ("b", s("runner.key.back")), ("s", s("runner.key.skip"))]
            let step = plan.steps[index].step
            if step.figure != nil { keys.append(("o", s("runner.key.open-figure"))) }
            if !currentReferences(index).isEmpty { keys.append(("r", s("runner.key.open-reference"))) }
            if copyableText(index) != nil { keys.append(("c", s("runner.key.copy"))) }
        case .resultFollowUp:
            keys = [("b", s("runner.key.back")), ("r", s("runner.key.retry")), ("n", s("runner.key.note"))]
        case .finished, .stopped:
            return ""
        }
        if let other, !isTyping { keys.append(("l", other)) }
        if !isTyping { keys += [("?", s("runner.key.help")), ("q", s("runner.key.quit"))] }
        // No-break spaces keep each key with its meaning when the line wraps.
        if console.capabilities.isInteractive {
            return keys.map { "[\($0.0)]\u{00A0}\($0.1.replacingOccurrences(of: " ", with: "\u{00A0}"))" }.joined(separator: "  ")
        }
        return keys.map { "\($0.0)\u{00A0}=\u{00A0}\($0.1.replacingOccurrences(of: " ", with: "\u{00A0}"))" }
            .joined(separator: ", ")
    }

    var otherLanguageName: String {
        let languages = session.site.languages
        guard let position = languages.firstIndex(of: run.language) else { return "" }
        let next = languages[(position + 1) % languages.count]
        return session.strings.string("language.name", in: next)
    }

    func stepScreen(_ index: Int) -> [String] {
        let step = plan.steps[index]
        let text = renderer(run.language)
        let scope = LinkResolver.Scope(procedure: step.procedure, step: step.step)
        let values = run.state.inputs
        var lines: [String] = []
        let procedureTitle = session.plainTexts.title(of: plan.procedure, in: run.language)
        lines.append(contentsOf: wrapped(procedureTitle, indent: 0, style: .mark))
        let stepOf = s("runner.step-of", ["number": String(index + 1), "count": String(plan.steps.count)])
        let bar = progressBar(done: index, count: plan.steps.count)
        let barWidth = Self.progressCells + 2
        if TerminalText.displayWidth(stepOf) + 2 + barWidth <= width {
            lines.append(style.strong(TerminalText.safe(stepOf)) + "  " + bar)
        } else {
            // A narrow screen: the bar on a line of its own, when it fits at all.
            lines.append(contentsOf: wrapped(stepOf, indent: 0, style: .strong))
            if barWidth <= width { lines.append(bar) }
        }
        if !step.trail.isEmpty {
            let crumbs = step.trail.map { crumb -> String in
                let title = session.site.procedure(crumb.procedureID).map { session.plainTexts.title(of: $0, in: run.language) }
                return "\(TerminalText.safe(title ?? crumb.procedureID)) › \(crumb.position)/\(crumb.count)"
            }
            lines.append(contentsOf: wrapped(crumbs.joined(separator: " · "), indent: 0, style: .mark))
        }
        lines.append("")
        lines.append(contentsOf: heading(step.step.title, in: scope))
        if let body = step.step.text {
            lines.append(contentsOf: block(text.render(body, in: scope, values: values, width: width, indent: 2)))
        }
        if let figure = step.step.figure {
            lines.append("")
            let alt = session.plainTexts.plain(figure.alt, in: run.language, procedure: step.procedure)
            lines.append(contentsOf: wrapped(s("runner.figure", ["alt": alt]), indent: 2))
            if let path = figure.path(in: run.language, fallback: session.site.sourceLanguage(of: step.procedure))?.value,
                figurePath(figure, procedure: step.procedure) != nil
            {
                let shown = session.loader.displayPath(path)
                lines.append(contentsOf: wrapped(s("runner.figure.file", ["path": shown]), indent: 2, style: .mark))
            }
            for (offset, callout) in figure.callouts.enumerated() {
                // "    N. " then the legend, wrapped with a hanging indent so no line is wider than the screen.
                lines += TerminalTextRenderer.hanging("    \(offset + 1). ", width: width) { available in
                    text.render(callout, in: scope, values: values, width: available, indent: 0).lines
                }
            }
        }
        for note in step.step.notes {
            let label = session.strings.string("note.\(note.kind.rawValue)", in: run.language)
            let body = text.render(note.text, in: scope, values: values, width: max(1, width - 4), indent: 0)
            lines.append("")
            if note.kind == .warning {
                lines.append(style.warning("!! \(label.uppercased()) !!"))
                lines.append(contentsOf: body.lines.map { style.warningBar() + " " + $0 })
            } else {
                lines.append("  " + style.strong("\(label):"))
                lines.append(contentsOf: body.lines.map { "  " + $0 })
            }
            if body.isFallback { lines.append("  " + style.dim("(\(s("page.not-translated")))")) }
        }
        return lines
    }

    /// A title (of the procedure, a step, a referred step) wrapped to the width in `style`, after `prefix`,
    /// marked when it is not in the run's language.
    func heading(_ title: Text, in scope: LinkResolver.Scope, prefix: String = "", style textStyle: TerminalStyle = .heading) -> [String] {
        renderer(run.language).wrappedInline(
            title, in: scope, values: run.state.inputs, width: width, style: textStyle, prefix: prefix,
            fallbackMark: "(\(s("page.not-translated")))")
    }

    /// The runner's own text (made safe) wrapped to the width, each line indented, in `style`.
    func wrapped(_ text: String, indent: Int, style textStyle: TerminalStyle = []) -> [String] {
        let available = max(1, width - indent)
        let spans = [TerminalSpan(TerminalText.safe(text), style: textStyle)]
        return TerminalLineWrapper.wrap(spans, width: available).map {
            String(repeating: " ", count: min(indent, width - 1)) + TerminalSpan.line($0, usesColor: console.capabilities.usesColor)
        }
    }

    /// How many cells the progress bar has (between its two brackets).
    static let progressCells = 10

    func progressBar(done: Int, count: Int) -> String {
        let cells = Self.progressCells
        let filled = count == 0 ? 0 : (done * cells) / count
        let full = console.capabilities.usesColor ? "█" : "#"
        let empty = console.capabilities.usesColor ? "░" : "-"
        return "[" + String(repeating: full, count: filled) + String(repeating: empty, count: cells - filled) + "]"
    }

    /// Lines of block text, with the "not yet translated" mark when it is a fallback.
    func block(_ text: TerminalText) -> [String] {
        var lines = text.lines
        if text.isFallback { lines.append("  " + style.dim("(\(s("page.not-translated")))")) }
        return lines
    }

    func label(of inputIndex: Int) -> String {
        let entry = plan.inputs[inputIndex]
        return TerminalText.safe(session.plainTexts.plain(entry.input.label, in: run.language, procedure: entry.procedure))
    }

    // MARK: - Step actions

    func figurePath(_ figure: Figure, procedure: Procedure) -> String? {
        guard let path = figure.path(in: run.language, fallback: session.site.sourceLanguage(of: procedure))?.value,
            let url = FigurePath.resolvedURL(of: path, in: session.loader.contentDirectory)
        else { return nil }
        return url.path
    }

    func openFigure() {
        guard let index = run.stepIndex, let figure = plan.steps[index].step.figure,
            let path = figurePath(figure, procedure: plan.steps[index].procedure)
        else {
            say(s("runner.not-available"))
            return
        }
        say(console.open(file: path) ? s("runner.figure.opened") : s("runner.figure.no-viewer"))
    }

    func currentReferences(_ index: Int) -> [TerminalText.Reference] {
        let step = plan.steps[index]
        let scope = LinkResolver.Scope(procedure: step.procedure, step: step.step)
        let texts = [step.step.text, step.step.result].compactMap { $0 } + step.step.notes.map(\.text)
        return texts.flatMap { renderer(run.language).render($0, in: scope, values: run.state.inputs, width: width).references }
    }

    /// Shows each procedure the current step refers to: title, summary, its steps; then back to the step.
    func showReferences() {
        guard let index = run.stepIndex else { return }
        let references = currentReferences(index)
        guard !references.isEmpty else {
            say(s("runner.not-available"))
            return
        }
        for reference in references {
            guard let procedure = session.site.procedure(reference.procedureID) else { continue }
            let text = renderer(run.language)
            let scope = LinkResolver.Scope(procedure: procedure)
            var lines = [""] + wrapped(s("runner.reference.heading", ["title": reference.title]), indent: 0, style: .heading)
            if let summary = procedure.summary {
                lines.append(contentsOf: block(text.render(summary, in: scope, values: run.state.inputs, width: width, indent: 2)))
            }
            for (offset, step) in RunPlan(procedure: procedure, site: session.site).steps.enumerated() {
                let marker = step.step.id == reference.stepID ? "→ " : "  "
                lines.append(contentsOf: heading(
                    step.step.title, in: .init(procedure: step.procedure, step: step.step), prefix: "\(marker)\(offset + 1). ", style: []))
            }
            console.write(lines.joined(separator: "\n") + "\n")
        }
        say(s("runner.reference.back"))
        needsDraw = true
    }

    /// The first input value, else the first UI label, the current step's text names.
    func copyableText(_ index: Int) -> String? {
        let step = plan.steps[index]
        guard let entry = step.step.text?.entry(in: run.language, fallbacks: session.site.fallbackLanguages(for: step.procedure))
        else { return nil }
        let links = MarkdownDocument(parsing: entry.entry.value).links.map(\.destination)
        for destination in links where destination.hasPrefix("input:") {
            if let value = run.state.inputs[String(destination.dropFirst("input:".count))] { return value }
        }
        for destination in links where destination.hasPrefix("term:") {
            if let term = session.site.glossary.term(String(destination.dropFirst("term:".count))) {
                return session.plainTexts.label(of: term, in: run.language).text
            }
        }
        return nil
    }

    func copyFromStep() {
        guard let index = run.stepIndex, let text = copyableText(index) else {
            say(s("runner.copy.nothing"))
            return
        }
        if let how = console.copyToClipboard(text) {
            say(s("runner.copied", ["text": TerminalText.safe(text), "how": how]))
        } else {
            say(s("runner.copy.failed"))
        }
    }

    // MARK: - Saving and ending

    func persist() {
        let events = run.takeEvents()
        try? log.append(events)
        if run.state.isFinished {
            store.remove(plan.procedure.id)
        } else {
            try? store.save(run.state)
        }
    }

    func finish() -> Outcome {
        let counts = run.counts
        let elapsed = run.state.records.reduce(0) { $0 + $1.seconds }
        var lines = [""]
        let outcome: Outcome
        switch run.phase {
        case .finished:
            lines.append(style.heading(s("runner.finished")))
            outcome = .finished
        case .stopped(.prerequisiteNotMet(let index)):
            lines.append(style.warning(s("runner.prerequisite.not-met")))
            let requirement = plan.requirements[index]
            lines.append(contentsOf: block(renderer(run.language).render(
                requirement.text, in: .init(procedure: requirement.procedure), values: run.state.inputs, width: width, indent: 2)))
            outcome = .stopped
        case .stopped(.quit), .stopped(.endOfInput):
            lines.append(contentsOf: wrapped(s("runner.stopped"), indent: 0))
            outcome = .stopped
        default:
            lines.append(contentsOf: wrapped(s("runner.interrupted"), indent: 0))
            outcome = .interrupted
        }
        lines.append(contentsOf: wrapped(s("runner.summary", [
            "done": String(counts.done), "count": String(plan.steps.count), "skipped": String(counts.skipped),
            "duration": RunReport.duration(elapsed),
        ]), indent: 0))
        console.write(lines.joined(separator: "\n") + "\n")
        if let file = options.recordFile { writeReport(to: file) }
        return outcome
    }

    func writeReport(to file: URL) {
        let report = RunReport(
            plan: plan, state: run.state, events: log.lastRun(), strings: session.strings, plainTexts: session.plainTexts,
            language: run.language, user: options.user)
        do {
            try Data(report.markdown().utf8).write(to: file)
            say(s("runner.recorded", ["path": TerminalText.safe(file.path)]))
        } catch {
            say(s("runner.record.failed", ["path": TerminalText.safe(file.path), "reason": TerminalText.safe(error.localizedDescription)]))
        }
    }

    // MARK: - Words

    func s(_ key: String, _ values: [String: String] = [:]) -> String {
        session.strings.string(key, in: run?.language ?? options.language, values)
    }

    /// Writes the runner's own words, wrapped to the width.
    func say(_ text: String) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).flatMap { line -> [String] in
            line.isEmpty ? [""] : wrapped(String(line), indent: 0)
        }
        console.write(lines.joined(separator: "\n") + "\n")
    }

    static func localTime(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }
}
