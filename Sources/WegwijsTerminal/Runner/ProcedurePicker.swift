import Foundation
import WegwijsCore

/// `wegwijs run` without an id: the procedures by group, numbered, chosen by number or part of a title.
public struct ProcedurePicker {
    let session: ContentSession
    let language: String
    let console: RunConsole?

    public init(session: ContentSession, language: String, console: RunConsole?) {
        self.session = session
        self.language = language
        self.console = console
    }

    /// The procedures in the order they are listed: the site's reading order in the run's language.
    var procedures: [Procedure] {
        session.plainTexts.readingOrder(in: language)
    }

    /// Lists `candidates` (those `query` matched) numbered and reads a number; nil when the admin quits or input ends.
    public func choose(among candidates: [Procedure], query: String) -> Procedure? {
        guard let console else { return nil }
        let strings = session.strings
        var lines = ["", strings.string("runner.pick.several-title", in: language, ["query": TerminalText.safe(query)])]
        for (offset, procedure) in candidates.enumerated() {
            lines.append("  \(offset + 1). \(TerminalText.safe(session.plainTexts.title(of: procedure, in: language))) (\(procedure.id))")
        }
        console.write(lines.joined(separator: "\n") + "\n")
        while true {
            console.write(strings.string("runner.pick.number", in: language, ["count": String(candidates.count)]) + "\n> ")
            guard case .line(let answer) = LineEditor.readLine(from: console) else { return nil }
            let text = answer.trimmingCharacters(in: .whitespaces)
            if text.lowercased() == "q" { return nil }
            if let number = Int(text), (1...candidates.count).contains(number) { return candidates[number - 1] }
        }
    }

    /// Lists the procedures and reads choices until one matches; nil when the admin quits or input ends.
    public func choose() -> Procedure? {
        guard let console else { return nil }
        let strings = session.strings
        var lines = ["", strings.string("runner.pick.title", in: language)]
        var number = 0
        for group in session.site.groups {
            let members = session.plainTexts.procedures(in: group, language: language)
            guard !members.isEmpty else { continue }
            lines.append("")
            lines.append(TerminalText.safe(session.plainTexts.plain(group.title, in: language, procedure: nil)))
            for procedure in members {
                number += 1
                lines.append("  \(number). \(TerminalText.safe(session.plainTexts.title(of: procedure, in: language)))")
            }
        }
        console.write(lines.joined(separator: "\n") + "\n")
        while true {
            console.write(strings.string("runner.pick.prompt", in: language) + "\n> ")
            guard case .line(let answer) = LineEditor.readLine(from: console) else { return nil }
            let query = answer.trimmingCharacters(in: .whitespaces)
            if query.isEmpty { continue }
            if query.lowercased() == "q" { return nil }
            let matches = matches(for: query)
            if matches.count == 1 { return matches[0] }
            let key = matches.isEmpty ? "runner.pick.none" : "runner.pick.several"
            console.write(strings.string(key, in: language, ["query": query]) + "\n")
        }
    }

    /// Procedures whose number, id or title (in the run's language, ignoring case and accents) matches `query`.
    public func matches(for query: String) -> [Procedure] {
        let all = procedures
        if let number = Int(query) { return (1...max(1, all.count)).contains(number) && !all.isEmpty ? [all[number - 1]] : [] }
        if let exact = all.first(where: { $0.id == query }) { return [exact] }
        let needle = Self.folded(query)
        return all.filter { Self.folded(session.plainTexts.title(of: $0, in: language)).contains(needle) }
    }

    /// Lowercased, without accents: "Één" matches "een".
    static func folded(_ text: String) -> String {
        String(String.UnicodeScalarView(text.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars.filter {
            $0.properties.generalCategory != .nonspacingMark
        }))
    }
}
