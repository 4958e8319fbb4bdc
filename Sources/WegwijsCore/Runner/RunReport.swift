import Foundation

/// The report of a run, for `--record FILE` (Markdown) and `--report-json FILE` (``RunRecord``): an audit trail
/// an admin can attach to a ticket.
///
/// It is made from the run's log, so it tells everything that was answered, also answers later changed, in
/// the order it happened, in the run's language.
public struct RunReport: Sendable {
    let plan: RunPlan
    let state: RunState
    let events: [RunEvent]
    let strings: InterfaceStrings
    let plainTexts: PlainTexts
    let language: String
    let user: String
    let endedAt: Date
    let hasUnresolvedProblem: Bool

    public init(
        plan: RunPlan, state: RunState, events: [RunEvent], strings: InterfaceStrings, plainTexts: PlainTexts,
        language: String, user: String, endedAt: Date? = nil, hasUnresolvedProblem: Bool = false
    ) {
        self.plan = plan
        self.state = state
        self.events = events
        self.strings = strings
        self.plainTexts = plainTexts
        self.language = language
        self.user = user
        self.endedAt = endedAt ?? events.last?.time ?? state.updatedAt
        self.hasUnresolvedProblem = hasUnresolvedProblem
    }

    func s(_ key: String, _ values: [String: String] = [:]) -> String { strings.string(key, in: language, values) }

    /// The outcome as a word of the schema.
    var outcome: String {
        let end = events.last(where: { $0.kind == .end })?.value
        switch end {
        case "finished": return hasUnresolvedProblem ? "ended-with-problem" : "finished"
        case "quit", "end of input", "stopped in another procedure": return "stopped"
        case "interrupted": return "interrupted"
        case let value? where value.hasPrefix("prerequisite"): return "prerequisite-not-met"
        default: return state.isFinished ? (hasUnresolvedProblem ? "ended-with-problem" : "finished") : "stopped"
        }
    }

    /// The report as Markdown. Its first line says how the run ended.
    public func markdown() -> String {
        let title = plainTexts.title(of: plan.procedure, in: language)
        let times = RunTimes(events: events, startedAt: state.startedAt, endedAt: endedAt)
        var lines: [String] = []
        lines.append("# \(s("runner.report.title.\(outcome)", ["title": escape(title)]))")
        lines.append("")
        lines.append("| | |")
        lines.append("|---|---|")
        lines.append("| \(s("runner.report.procedure")) | \(escape(title)) (`\(plan.procedure.id)`) |")
        lines.append("| \(s("runner.report.language")) | \(escape(strings.string("language.name", in: state.language))) |")
        lines.append("| \(s("runner.report.started")) | \(Self.format(state.startedAt)) |")
        if let end = events.last(where: { $0.kind == .end }) {
            lines.append("| \(s("runner.report.ended")) | \(Self.format(end.time)) (\(escape(endDescription(end)))) |")
        }
        lines.append("| \(s("runner.report.elapsed")) | \(Self.duration(times.elapsed)) |")
        if times.paused > 0 { lines.append("| \(s("runner.report.paused")) | \(Self.duration(times.paused)) |") }
        lines.append("| \(s("runner.report.run-by")) | \(escape(user)) |")
        lines.append("| \(s("runner.report.fingerprint")) | `\(plan.fingerprint)` |")
        let record = self.record()
        if !record.prerequisites.isEmpty {
            lines.append("")
            lines.append("## \(s("procedure.prerequisites"))")
            lines.append("")
            for prerequisite in record.prerequisites {
                let answers = prerequisite.answers.map(answerWord)
                lines.append("- \(escape(prerequisite.text)): \(answers.isEmpty ? "—" : changed(answers))")
            }
        }
        if !record.inputs.isEmpty {
            lines.append("")
            lines.append("## \(s("procedure.inputs"))")
            lines.append("")
            for input in record.inputs {
                let values = input.history.map { "`\(codeSpan($0))`" }
                lines.append("- \(escape(input.label)): \(values.isEmpty ? "—" : changed(values))")
            }
        }
        lines.append("")
        lines.append("## \(s("procedure.steps"))")
        lines.append("")
        lines.append("| # | \(s("procedure.step")) | \(s("runner.report.status")) | \(s("runner.report.time")) | \(s("runner.report.result")) |")
        lines.append("|---|---|---|---|---|")
        for step in record.steps {
            let status = s("runner.report.\(step.status)")
            let time = step.seconds.map(Self.duration) ?? "—"
            var result = step.answers.isEmpty ? "—" : changed(step.answers.map(answerWord))
            if let problem = step.problem { result += ": \(escape(problem))" }
            if let waited = step.waitedSeconds, let asked = step.waitSeconds {
                let words = s("runner.report.waited", ["waited": Self.duration(waited), "asked": WaitDuration.spoken(asked)])
                result = result == "—" ? words : result + "; " + words
            }
            if let choice = step.choice, let stepDefinition = plan.steps.first(where: { $0.key == step.key }),
                stepDefinition.step.choices.indices.contains(choice - 1)
            {
                let text = plainTexts.plain(stepDefinition.step.choices[choice - 1].text, in: language, procedure: stepDefinition.procedure)
                result += (result == "—" ? "" : "; ") + s("runner.report.chose", ["choice": escape(text)])
                if result.hasPrefix("—") { result = String(result.dropFirst()) }
            }
            for command in step.commands ?? [] {
                let words = commandEnding(command)
                result = result == "—" ? words : result + "; " + words
            }
            lines.append("| \(step.number) | \(escape(step.title)) | \(status) | \(time) | \(result) |")
        }
        let notes = events.filter { $0.kind == .problem && !($0.value ?? "").isEmpty }
        if !notes.isEmpty {
            lines.append("")
            lines.append("## \(s("runner.report.notes"))")
            lines.append("")
            for note in notes {
                let number = plan.steps.first { $0.key == note.step }?.number ?? "?"
                lines.append("- \(Self.format(note.time)), \(s("procedure.step").lowercased()) \(number): \(escape(note.value ?? ""))")
            }
        }
        let commandRuns = record.steps.flatMap { step in (step.commands ?? []).map { (step.number, $0) } }
        if !commandRuns.isEmpty {
            lines.append("")
            lines.append("## \(s("runner.report.commands"))")
            for (number, command) in commandRuns {
                lines.append("")
                lines.append("- \(Self.format(command.at)), \(s("procedure.step").lowercased()) \(number): \(commandEnding(command))")
                guard !command.output.isEmpty else { continue }
                // A fence longer than any run of backticks in the output.
                var longest = 0
                var run = 0
                for character in command.output {
                    run = character == "`" ? run + 1 : 0
                    longest = max(longest, run)
                }
                let fence = String(repeating: "`", count: max(3, longest + 1))
                lines.append("")
                lines.append("  " + fence + "text")
                lines.append(contentsOf: command.output.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + TerminalText.safe(String($0)) })
                lines.append("  " + fence)
            }
        }
        if record.languageSwitches > 0 {
            lines.append("")
            lines.append(s("runner.report.language-switches", ["count": String(record.languageSwitches)]))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// "`a` → `b` (changed)": every value in order, the change said in words as well as by the arrow.
    func changed(_ values: [String]) -> String {
        values.count == 1 ? values[0] : values.joined(separator: " → ") + " (\(s("runner.report.changed")))"
    }

    func answerWord(_ answer: String) -> String {
        answer == "yes" ? s("runner.report.yes") : answer == "no" ? s("runner.report.no") : escape(answer)
    }

    /// The run as data: what both the Markdown and the JSON report say.
    public func record() -> RunRecord {
        let times = RunTimes(events: events, startedAt: state.startedAt, endedAt: endedAt)
        let prerequisites = plan.requirements.enumerated().map { offset, requirement in
            RunRecord.Prerequisite(
                number: offset + 1, text: plainTexts.plain(requirement.text, in: language, procedure: requirement.procedure),
                answers: events.filter { $0.kind == .prerequisite && $0.name == String(offset + 1) }.compactMap(\.value))
        }
        let inputs = plan.inputs.map { input, procedure in
            RunRecord.Input(
                id: input.id, label: plainTexts.plain(input.label, in: language, procedure: procedure), value: state.inputs[input.id],
                history: events.filter { $0.kind == .input && $0.name == input.id }.compactMap(\.value))
        }
        let steps = plan.steps.map { step -> RunRecord.Step in
            let record = state.record(for: step.key)
            let choice = events.last { $0.kind == .choice && $0.step == step.key }
            return RunRecord.Step(
                number: step.number, key: step.key, title: plainTexts.plain(step.step.title, in: language, procedure: step.procedure),
                status: record.map { $0.status.rawValue } ?? "not-reached", seconds: record?.seconds, sawResult: record?.sawResult,
                answers: events.filter { $0.kind == .answer && $0.step == step.key }.compactMap(\.value), problem: record?.problem,
                choice: choice?.name.flatMap { Int($0) }, choiceTarget: choice?.value,
                waitedSeconds: events.filter { $0.kind == .waitEnd && $0.step == step.key }.compactMap(\.seconds).reduce(nil) { ($0 ?? 0) + $1 },
                waitSeconds: step.step.wait?.value, commands: commands(of: step.key))
        }
        return RunRecord(
            schema: "wegwijs-run/1", procedure: plan.procedure.id, title: plainTexts.title(of: plan.procedure, in: language),
            language: state.language, user: user, fingerprint: plan.fingerprint, startedAt: state.startedAt,
            endedAt: events.last(where: { $0.kind == .end })?.time ?? endedAt, outcome: outcome, elapsedSeconds: times.elapsed,
            pausedSeconds: times.paused, prerequisites: prerequisites, inputs: inputs, steps: steps,
            languageSwitches: events.filter { $0.kind == .languageSwitch }.count, events: events)
    }

    /// Each run of the step's command, or nil when it was never run.
    func commands(of key: String) -> [RunRecord.Command]? {
        let runs = events.filter { $0.kind == .command && $0.step == key }.map { event in
            RunRecord.Command(
                command: event.value ?? "", at: event.time, ending: event.name ?? "exited", exitStatus: event.exitStatus,
                output: event.output ?? "")
        }
        return runs.isEmpty ? nil : runs
    }

    /// How a command ended, in words: "exit status 0", "stopped".
    func commandEnding(_ command: RunRecord.Command) -> String {
        switch command.ending {
        case "exited": s("runner.report.command.exited", ["command": codeSpan(command.command), "status": String(command.exitStatus ?? -1)])
        case "signal": s("runner.report.command.signal", ["command": codeSpan(command.command)])
        case "stopped": s("runner.report.command.stopped", ["command": codeSpan(command.command)])
        default: s("runner.report.command.not-started", ["command": codeSpan(command.command)])
        }
    }

    /// The report as JSON (``RunRecord``), keys sorted, ending in a line break.
    public func json() -> Data {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = (try? encoder.encode(record())) ?? Data("{}".utf8)
        data.append(0x0A)
        return data
    }

    func endDescription(_ event: RunEvent) -> String {
        switch event.value {
        case "finished": hasUnresolvedProblem ? s("runner.report.ended-with-problem") : s("runner.report.finished")
        case "quit": s("runner.report.quit")
        case "interrupted": s("runner.report.interrupted")
        default: s("runner.report.stopped")
        }
    }

    /// Text for a Markdown table cell: no control characters (line breaks included), markup and pipes escaped.
    func escape(_ text: String) -> String {
        MarkdownEscaping.text(TerminalText.safe(text))
    }

    func codeSpan(_ text: String) -> String {
        TerminalText.safe(text).replacingOccurrences(of: "`", with: "'").replacingOccurrences(of: "|", with: "\\|")
    }

    /// An ISO 8601 time in UTC.
    static func format(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    /// "1 min 05 s", "12 s".
    public static func duration(_ seconds: Double) -> String {
        let total = Int(seconds.rounded())
        if total < 60 { return "\(total) s" }
        if total < 3600 { return "\(total / 60) min \(String(format: "%02d", total % 60)) s" }
        return "\(total / 3600) h \(String(format: "%02d", (total % 3600) / 60)) min"
    }
}
