import Foundation

/// The Markdown report of a run, for `--record FILE`: an audit trail an admin can attach to a ticket.
///
/// It is made from the run's log, so it tells what happened, in the order it happened, in the run's language.
public struct RunReport: Sendable {
    let plan: RunPlan
    let state: RunState
    let events: [RunEvent]
    let strings: InterfaceStrings
    let plainTexts: PlainTexts
    let language: String
    let user: String

    public init(
        plan: RunPlan, state: RunState, events: [RunEvent], strings: InterfaceStrings, plainTexts: PlainTexts,
        language: String, user: String
    ) {
        self.plan = plan
        self.state = state
        self.events = events
        self.strings = strings
        self.plainTexts = plainTexts
        self.language = language
        self.user = user
    }

    /// The report as Markdown.
    public func markdown() -> String {
        func s(_ key: String, _ values: [String: String] = [:]) -> String { strings.string(key, in: language, values) }
        let title = plainTexts.title(of: plan.procedure, in: language)
        var lines: [String] = []
        lines.append("# \(s("runner.report.title", ["title": escape(title)]))")
        lines.append("")
        lines.append("| | |")
        lines.append("|---|---|")
        lines.append("| \(s("runner.report.procedure")) | \(escape(title)) (`\(plan.procedure.id)`) |")
        lines.append("| \(s("runner.report.language")) | \(escape(strings.string("language.name", in: state.language))) |")
        lines.append("| \(s("runner.report.started")) | \(Self.format(state.startedAt)) |")
        if let end = events.last(where: { $0.kind == .end }) {
            lines.append("| \(s("runner.report.ended")) | \(Self.format(end.time)) (\(escape(endDescription(end)))) |")
        }
        lines.append("| \(s("runner.report.run-by")) | \(escape(user)) |")
        lines.append("| \(s("runner.report.fingerprint")) | `\(plan.fingerprint)` |")
        if !plan.inputs.isEmpty {
            lines.append("")
            lines.append("## \(s("procedure.inputs"))")
            lines.append("")
            for (input, procedure) in plan.inputs {
                let label = plainTexts.plain(input.label, in: language, procedure: procedure)
                let value = state.inputs[input.id].map { "`\(codeSpan($0))`" } ?? "—"
                lines.append("- \(escape(label)): \(value)")
            }
        }
        lines.append("")
        lines.append("## \(s("procedure.steps"))")
        lines.append("")
        lines.append("| # | \(s("procedure.step")) | \(s("runner.report.status")) | \(s("runner.report.time")) | \(s("runner.report.result")) |")
        lines.append("|---|---|---|---|---|")
        for (index, step) in plan.steps.enumerated() {
            let stepTitle = plainTexts.plain(step.step.title, in: language, procedure: step.procedure)
            let record = state.record(for: step.key)
            let status: String =
                switch record?.status {
                case .done: s("runner.report.done")
                case .skipped: s("runner.report.skipped")
                case nil: s("runner.report.not-reached")
                }
            let time = record.map { Self.duration($0.seconds) } ?? "—"
            var result = "—"
            if let saw = record?.sawResult { result = saw ? s("runner.report.yes") : s("runner.report.no") }
            if let problem = record?.problem { result += ": \(escape(problem))" }
            lines.append("| \(index + 1) | \(escape(stepTitle)) | \(status) | \(time) | \(result) |")
        }
        let switches = events.filter { $0.kind == .languageSwitch }
        if !switches.isEmpty {
            lines.append("")
            lines.append(s("runner.report.language-switches", ["count": String(switches.count)]))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    func endDescription(_ event: RunEvent) -> String {
        switch event.value {
        case "finished": strings.string("runner.report.finished", in: language)
        case "quit": strings.string("runner.report.quit", in: language)
        case "interrupted": strings.string("runner.report.interrupted", in: language)
        default: strings.string("runner.report.stopped", in: language)
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
