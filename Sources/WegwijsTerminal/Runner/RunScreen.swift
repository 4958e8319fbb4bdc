import Foundation
import WegwijsCore

/// The runner's screens as lines, with no console: what ``RunDriver`` writes for each phase of a session.
///
/// Pure: the same session, width and capabilities give the same lines, so tests read screens without a
/// terminal. Texts from content come from the cmark tree through ``TerminalTextRenderer``; the runner's own
/// words come from the interface strings and pass through ``TerminalText/safe(_:keepingNewlines:)``.
public struct RunScreen {
    let session: ContentSession
    let plan: RunPlan
    let capabilities: ConsoleCapabilities
    let renderers: [String: TerminalTextRenderer]
    /// Whether a callout marker in running text carries its legend (`[1: Save]`) instead of `[1]` alone.
    public var legendsInline = false
    /// The header (procedure and include trail) last drawn above a step: not repeated while it stays the same.
    public var lastHeader: String?
    /// Whether a step's `command:` may be run from here (`x`): always in a terminal, in plain mode only with
    /// `--allow-commands`. When not, the step says to type the command by hand.
    public var commandsAllowed = false

    /// The screens of `plan` for a console with `capabilities`.
    public init(session: ContentSession, plan: RunPlan, capabilities: ConsoleCapabilities) {
        self.session = session
        self.plan = plan
        self.capabilities = capabilities
        var renderers: [String: TerminalTextRenderer] = [:]
        for language in session.site.languages {
            renderers[language] = TerminalTextRenderer(
                site: session.site, plainTexts: session.plainTexts, strings: session.strings, language: language,
                capabilities: capabilities)
        }
        self.renderers = renderers
    }

    /// The width laid out for: the console's, at most 100 columns.
    public var width: Int { max(1, min(capabilities.width, 100)) }
    var style: ScreenStyle { ScreenStyle(usesColor: capabilities.usesColor) }

    func renderer(_ language: String) -> TerminalTextRenderer {
        renderers[language]
            ?? TerminalTextRenderer(
                site: session.site, plainTexts: session.plainTexts, strings: session.strings, language: language,
                capabilities: capabilities)
    }

    func s(_ key: String, _ language: String, _ values: [String: String] = [:]) -> String {
        session.strings.string(key, in: language, values)
    }

    // MARK: - Screens

    /// The procedure's title, badge and summary, and where a resumed run goes on.
    public func introduction(for run: RunSession) -> [String] {
        let language = run.language
        let scope = LinkResolver.Scope(procedure: plan.procedure)
        var lines = [""]
        lines.append(contentsOf: heading(plan.procedure.title, in: scope, run: run))
        if let audience = plan.procedure.audience {
            let badge = session.strings.string("audience.\(audience.value)", in: language)
            if TerminalText.displayWidth(badge) + 2 <= width {
                lines.append(style.badge(TerminalText.safe(badge)))
            } else {
                lines.append(contentsOf: wrapped("[\(badge)]", indent: 0, style: .strong))
            }
        }
        if let summary = plan.procedure.summary {
            lines.append(contentsOf: block(renderer(language).render(summary, in: scope, values: run.state.inputs, width: width), language))
        }
        if let resumption = run.resumption {
            lines.append("")
            let date = Self.localTime(run.state.startedAt)
            if resumption.stepIndex < plan.steps.count, run.state.currentStepKey != nil || !run.state.records.isEmpty {
                let step = plan.steps[resumption.stepIndex]
                let title = session.plainTexts.plain(step.step.title, in: language, procedure: step.procedure)
                lines.append(contentsOf: wrapped(s("runner.resume", language, [
                    "number": step.number, "count": String(plan.pageStepCount), "title": title, "date": date,
                ]), indent: 0))
            } else {
                lines.append(contentsOf: wrapped(s("runner.resume.start", language, ["date": date]), indent: 0))
            }
            if resumption.procedureChanged { lines.append(contentsOf: wrapped(s("runner.resume.changed", language), indent: 0)) }
            if !resumption.unmatchedTitles.isEmpty {
                let titles = resumption.unmatchedTitles.map { "“\($0)”" }.joined(separator: ", ")
                lines.append(contentsOf: wrapped(s("runner.resume.unmatched", language, ["steps": titles]), indent: 0))
            }
        }
        return lines
    }

    /// The screen of the session's current phase (empty when the run is over).
    public mutating func lines(for run: RunSession) -> [String] {
        let language = run.language
        var lines = [""]
        switch run.phase {
        case .prerequisite(let index):
            lines.append(contentsOf: wrapped(s("runner.prerequisite.heading", language, [
                "number": String(index + 1), "count": String(plan.requirements.count),
            ]), indent: 0, style: .heading))
            let requirement = plan.requirements[index]
            lines.append(contentsOf: block(renderer(language).render(
                requirement.text, in: .init(procedure: requirement.procedure), values: run.state.inputs, width: width, indent: 2),
                language))
            lines.append(contentsOf: wrapped(s("runner.prerequisite.question", language), indent: 0))
        case .prerequisiteUnmet(let index):
            if let id = plan.requirements[index].see, let procedure = session.site.procedure(id) {
                lines.append(contentsOf: wrapped(
                    s("runner.prerequisite.unmet", language, ["title": session.plainTexts.title(of: procedure, in: language)]), indent: 0))
            }
        case .input(let index):
            lines.append(contentsOf: wrapped(
                s("runner.input.heading", language, ["number": String(index + 1), "count": String(plan.inputs.count)]), indent: 0,
                style: .heading))
            if let rejected = run.rejectedPresets[index] {
                lines.append(style.warning(s("runner.input.preset-rejected", language, ["value": TerminalText.safe(rejected)])))
            }
            let entry = plan.inputs[index]
            var label = label(of: index, language)
            if let example = entry.input.example {
                label += " (\(s("procedure.example", language, ["example": TerminalText.safe(example)])))"
            }
            lines.append(contentsOf: wrapped(label, indent: 0))
            if let current = run.state.inputs[entry.input.id] {
                lines.append(contentsOf: wrapped(s("runner.input.current", language, ["value": "«\(TerminalText.safe(current))»"]), indent: 2))
            }
        case .step(let index):
            lines.append(contentsOf: stepScreen(index, run: run))
        case .resultQuestion(let index):
            let step = plan.steps[index]
            if let result = step.step.result {
                lines.append(contentsOf: wrapped(s("runner.result.question", language), indent: 0))
                lines.append(contentsOf: block(renderer(language).render(
                    result, in: .init(procedure: step.procedure, step: step.step), values: run.state.inputs, width: width,
                    indent: 2, showsLegends: legendsInline), language))
            }
        case .resultFollowUp:
            lines.append(contentsOf: wrapped(s("runner.result.follow-up", language), indent: 0))
        case .problemNote:
            lines.append(contentsOf: wrapped(s("runner.problem.prompt", language), indent: 0))
        case .waiting(let index):
            let step = plan.steps[index]
            let total = step.step.wait?.value ?? 0
            let title = session.plainTexts.plain(step.step.title, in: language, procedure: step.procedure)
            lines.append(contentsOf: wrapped(
                s("runner.wait.heading", language, ["duration": WaitDuration.spoken(total), "title": title]), indent: 0, style: .heading))
        case .choice(let index):
            let step = plan.steps[index]
            let scope = LinkResolver.Scope(procedure: step.procedure, step: step.step)
            lines.append(contentsOf: wrapped(s("runner.choice.question", language), indent: 0, style: .heading))
            for (offset, choice) in step.step.choices.enumerated() {
                let destination = choiceDestination(choice, from: step, language)
                lines += TerminalTextRenderer.hanging("  \(offset + 1). ", width: width) { available in
                    renderer(language).render(choice.text, in: scope, values: run.state.inputs, width: available).lines
                        + wrapped(destination, indent: 0, style: .mark, width: available)
                }
            }
        case .finished, .stopped, .detour:
            return []
        }
        return lines
    }

    /// "→ step 4: Send the invitation", or "→ Add administrators" for another procedure.
    func choiceDestination(_ choice: Choice, from step: RunPlan.Step, _ language: String) -> String {
        switch choice.target {
        case .step(let id):
            let prefix = step.key.split(separator: "/").dropLast().map(String.init)
            if let index = plan.index(ofKey: (prefix + [id]).joined(separator: "/")) {
                let target = plan.steps[index]
                let title = session.plainTexts.plain(target.step.title, in: language, procedure: target.procedure)
                return "→ " + s("reference.step", language, ["number": target.number, "title": title])
            }
            return "→ \(id)"
        case .procedure(let id):
            let title = session.site.procedure(id).map { session.plainTexts.title(of: $0, in: language) } ?? id
            return "→ " + s("runner.choice.procedure", language, ["title": title])
        }
    }

    mutating func stepScreen(_ index: Int, run: RunSession) -> [String] {
        let language = run.language
        let step = plan.steps[index]
        let text = renderer(language)
        let scope = LinkResolver.Scope(procedure: step.procedure, step: step.step)
        let values = run.state.inputs
        var lines: [String] = []
        // The procedure and the includes the step is in (the step's number, "1.2", says where in them).
        var header = [session.plainTexts.title(of: plan.procedure, in: language)]
        if !step.trail.isEmpty {
            header.append(step.trail.map { crumb -> String in
                let title = session.site.procedure(crumb.procedureID).map { session.plainTexts.title(of: $0, in: language) }
                return "› \(title ?? crumb.procedureID)"
            }.joined(separator: " "))
        }
        let headerText = header.joined(separator: "\n") + "\u{1F}" + language
        // The procedure's title and the include trail only when they changed since the last step drawn.
        if headerText != lastHeader {
            lines.append(contentsOf: wrapped(header[0], indent: 0, style: .mark))
            if header.count > 1 { lines.append(contentsOf: wrapped(header[1], indent: 0, style: .mark)) }
            lastHeader = headerText
        }
        let stepOf = s("runner.step-of", language, ["number": step.number, "count": String(plan.pageStepCount)])
        let bar = progressBar(done: index, count: plan.steps.count)
        let barWidth = Self.progressCells + 2
        if TerminalText.displayWidth(stepOf) + 2 + barWidth <= width {
            lines.append(style.strong(TerminalText.safe(stepOf)) + "  " + bar)
        } else {
            // A narrow screen: the bar on a line of its own, when it fits at all.
            lines.append(contentsOf: wrapped(stepOf, indent: 0, style: .strong))
            if barWidth <= width { lines.append(bar) }
        }
        lines.append("")
        lines.append(contentsOf: heading(step.step.title, in: scope, run: run))
        if let body = step.step.text {
            lines.append(contentsOf: block(text.render(body, in: scope, values: values, width: width, indent: 2, showsLegends: legendsInline), language))
        }
        // Warnings first: before the figure and the question, where they are read before acting.
        let notes = step.step.notes.filter { $0.kind == .warning } + step.step.notes.filter { $0.kind != .warning }
        for note in notes where note.kind == .warning {
            lines.append(contentsOf: noteLines(note, scope: scope, values: values, language))
        }
        if let command = step.step.command?.value {
            lines.append(contentsOf: commandLines(command, language))
        }
        if let figure = step.step.figure {
            lines.append("")
            let alt = session.plainTexts.plain(figure.alt, in: language, procedure: step.procedure)
            lines.append(contentsOf: wrapped(s("runner.figure", language, ["alt": alt]), indent: 2))
            if let path = figure.path(in: language, fallback: session.site.sourceLanguage(of: step.procedure))?.value,
                FigurePath.resolvedURL(of: path, in: session.loader.contentDirectory) != nil
            {
                lines.append(contentsOf: wrapped(s("runner.figure.file", language, ["path": session.loader.displayPath(path)]), indent: 2, style: .mark))
            }
            for (offset, callout) in figure.callouts.enumerated() {
                // "    N. " then the legend, wrapped with a hanging indent so no line is wider than the screen.
                lines += TerminalTextRenderer.hanging("    \(offset + 1). ", width: width) { available in
                    text.render(callout, in: scope, values: values, width: available, indent: 0).lines
                }
            }
        }
        for note in notes where note.kind != .warning {
            lines.append(contentsOf: noteLines(note, scope: scope, values: values, language))
        }
        return lines
    }

    /// The step's command in full, `$ ` before it, and whether `x` runs it or the admin types it.
    func commandLines(_ command: String, _ language: String) -> [String] {
        var lines = [""]
        lines.append(contentsOf: wrapped(
            s(commandsAllowed ? "runner.command.label" : "runner.command.label.not-allowed", language), indent: 2, style: .strong))
        lines += TerminalTextRenderer.hanging("    $ ", width: width) { available in
            Self.wrap(command, width: available, usesColor: capabilities.usesColor)
        }
        return lines
    }

    /// Asking before a command runs: the command in full again, and how to answer.
    public func commandConfirmation(_ command: String, language: String, yes: String, no: String) -> [String] {
        var lines = [""] + wrapped(s("runner.command.confirm", language), indent: 0, style: .strong)
        lines += TerminalTextRenderer.hanging("    $ ", width: width) { available in
            Self.wrap(command, width: available, usesColor: capabilities.usesColor)
        }
        lines += wrapped(s("runner.command.confirm.keys", language, ["yes": yes, "no": no]), indent: 0)
        return lines
    }

    // MARK: - Paging

    /// The fewest lines a page shows.
    public static let minimumPage = 3

    /// What of `lines` is shown now on a window of `rows` rows when `reserved` rows are kept for the key
    /// hints and the cursor: all when they fit, else as many as fit; the rest is shown later (Space), so no
    /// line scrolls out of view before it was on screen. A window with room for fewer than ``minimumPage``
    /// lines beside the hints (a terminal one column wide, where the hints alone fill it) is not paged:
    /// a page there would be a line or two, and the hints would scroll anyway.
    public static func page(_ lines: [String], rows: Int?, reserved: Int) -> (shown: [String], rest: [String]) {
        guard let rows, lines.count + reserved > rows, rows - reserved >= minimumPage else { return (lines, []) }
        let fits = rows - reserved
        return (Array(lines.prefix(fits)), Array(lines.dropFirst(fits)))
    }

    func noteLines(_ note: Note, scope: LinkResolver.Scope, values: [String: String], _ language: String) -> [String] {
        let label = session.strings.string("note.\(note.kind.rawValue)", in: language)
        let body = renderer(language).render(note.text, in: scope, values: values, width: max(1, width - 4), indent: 0, showsLegends: legendsInline)
        var lines = [""]
        if note.kind == .warning {
            lines.append("  " + style.warning("!! \(TerminalText.safe(label.uppercased())) !!"))
            lines.append(contentsOf: body.lines.map { "  " + style.warningBar() + " " + $0 })
        } else {
            lines.append("  " + style.strong("\(TerminalText.safe(label)):"))
            lines.append(contentsOf: body.lines.map { "  " + $0 })
        }
        if body.isFallback { lines.append("  " + style.dim("(\(s("page.not-translated", language)))")) }
        return lines
    }

    // MARK: - Key hints

    /// The keys that work now, as the hint line(s).
    public func hints(_ bindings: [KeyBinding], language: String, otherLanguage: String?) -> [String] {
        let interactive = capabilities.isInteractive
        let entries = bindings.map { binding -> (String, String) in
            let label = interactive ? binding.label : binding.plainLabel
            let hint = binding.action == .switchLanguage ? (otherLanguage ?? "") : s(binding.hint, language)
            return (label, hint)
        }
        // No-break spaces keep each key with its meaning when the line wraps.
        let text: String
        if interactive {
            text = entries.map { "[\($0.0)]\u{00A0}\($0.1.replacingOccurrences(of: " ", with: "\u{00A0}"))" }.joined(separator: "  ")
        } else {
            text = entries.map { "\($0.0)\u{00A0}=\u{00A0}\($0.1.replacingOccurrences(of: " ", with: "\u{00A0}"))" }
                .joined(separator: ", ")
        }
        return wrapped(text, indent: 0, style: interactive ? .mark : [])
    }

    /// The keys that work now, named for "That does nothing here" ("Enter, b, s, ?, q").
    public func keyNames(_ bindings: [KeyBinding]) -> String {
        var names: [String] = []
        for binding in bindings {
            let name = capabilities.isInteractive ? binding.label : binding.plainLabel
            if !names.contains(name) { names.append(name) }
        }
        return names.joined(separator: ", ")
    }

    // MARK: - Pieces

    /// A title wrapped to the width in `style`, after `prefix`, marked when it is not in the run's language.
    func heading(
        _ title: Text, in scope: LinkResolver.Scope, run: RunSession, prefix: String = "", style textStyle: TerminalStyle = .heading
    ) -> [String] {
        renderer(run.language).wrappedInline(
            title, in: scope, values: run.state.inputs, width: width, style: textStyle, prefix: prefix,
            fallbackMark: "(\(s("page.not-translated", run.language)))")
    }

    /// The runner's own text (made safe) wrapped to the width, each line indented, in `style`.
    func wrapped(_ text: String, indent: Int, style textStyle: TerminalStyle = [], width: Int? = nil) -> [String] {
        let width = width ?? self.width
        let available = max(1, width - indent)
        let spans = [TerminalSpan(TerminalText.safe(text), style: textStyle)]
        return TerminalLineWrapper.wrap(spans, width: available).map {
            String(repeating: " ", count: min(indent, width - 1)) + TerminalSpan.line($0, usesColor: capabilities.usesColor)
        }
    }

    /// The runner's own words, each line wrapped to the width (for messages).
    public func message(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).flatMap { line -> [String] in
            line.isEmpty ? [""] : wrapped(String(line), indent: 0)
        }
    }

    /// `text` (made safe) wrapped to `width`.
    static func wrap(_ text: String, width: Int, usesColor: Bool) -> [String] {
        TerminalLineWrapper.wrap([TerminalSpan(TerminalText.safe(text))], width: max(1, width)).map {
            TerminalSpan.line($0, usesColor: usesColor)
        }
    }

    /// How many cells the progress bar has (between its two brackets).
    static let progressCells = 10

    func progressBar(done: Int, count: Int) -> String {
        let cells = Self.progressCells
        let filled = count == 0 ? 0 : (done * cells) / count
        let full = capabilities.usesColor ? "█" : "#"
        let empty = capabilities.usesColor ? "░" : "-"
        return "[" + String(repeating: full, count: filled) + String(repeating: empty, count: cells - filled) + "]"
    }

    /// Lines of block text, with the "not yet translated" mark when it is a fallback.
    func block(_ text: TerminalText, _ language: String) -> [String] {
        var lines = text.lines
        if text.isFallback { lines.append("  " + style.dim("(\(s("page.not-translated", language)))")) }
        return lines
    }

    func label(of inputIndex: Int, _ language: String) -> String {
        let entry = plan.inputs[inputIndex]
        return TerminalText.safe(session.plainTexts.plain(entry.input.label, in: language, procedure: entry.procedure))
    }

    static func localTime(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }
}
