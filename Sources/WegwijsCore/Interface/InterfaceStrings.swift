/// The tool's own words (Step, Note, Prerequisites, runner prompts…) in every language, from
/// `templates/strings/<language>.yaml`. Code refers to them by key; a new language is a new file.
///
/// A strings file may word some strings differently per ``Register`` (Dutch "u" or "je"): a mapping named
/// after the register (`formal:`) holds those keys, and a lookup in that register finds them first. The
/// file's own top-level strings serve every register that words a key no differently (English has no
/// difference at all). Which register a page or a run uses comes from the content (``Site/register(of:)``).
public struct InterfaceStrings: Sendable {
    /// Strings by language, then by key.
    let table: [String: [String: String]]
    /// The strings that differ per register, by language, then register, then key.
    let variants: [String: [Register: [String: String]]]
    /// The register lookups use; nil: the files' top-level strings.
    public let register: Register?
    /// The folder as shown in diagnostics.
    public let directoryDisplayPath: String

    /// Strings from a table of languages to keys to strings, and the strings that differ per register.
    public init(
        table: [String: [String: String]], variants: [String: [Register: [String: String]]] = [:], register: Register? = nil,
        directoryDisplayPath: String
    ) {
        self.table = table
        self.variants = variants
        self.register = register
        self.directoryDisplayPath = directoryDisplayPath
    }

    /// The same strings, looked up in `register` (nil: the files' top-level strings).
    public func inRegister(_ register: Register?) -> InterfaceStrings {
        InterfaceStrings(table: table, variants: variants, register: register, directoryDisplayPath: directoryDisplayPath)
    }

    /// `key` in `language` as this register words it, if the language has it.
    func lookUp(_ key: String, in language: String) -> String? {
        if let register, let variant = variants[language]?[register]?[key] { return variant }
        return table[language]?[key]
    }

    /// The languages that have a strings file.
    public var languages: [String] { table.keys.sorted() }

    /// The keys the program uses; every language must have them all.
    public static let requiredKeys = [
        "language.name", "page.skip-to-content", "page.choose-language", "page.this-page-in", "page.not-translated",
        "page.all-guides", "page.contents", "page.partly-translated", "search.label", "search.results", "search.one-result",
        "search.no-results", "search.stemmer", "procedure.prerequisites", "procedure.inputs", "procedure.steps",
        "procedure.step", "procedure.result", "procedure.figure-legend", "procedure.include", "procedure.example",
        "procedure.choices", "procedure.choice.step", "procedure.choice.procedure",
        "reference.step", "callout.marker", "note.note", "note.tip", "note.important", "note.warning", "audience.admin",
        "print.contents", "print.reference.earlier", "print.reference.later",
        "page.not-found", "page.not-found-text", "page.updated", "page.edit", "page.report", "date.format",
    ] + (1...12).map { "date.month.\($0)" } + [
        "cli.did-you-mean", "cli.not-a-site-language", "cli.set.malformed", "cli.set.unknown-input",
    ] + runnerKeys + translationKeys

    /// The keys whose values are settings, not words (the search's Snowball algorithm): never offered for
    /// translation, set by `language add` for the new language.
    public static let settingKeys: Set<String> = [SearchIndex.stemmerKey]

    /// The keys of the translation status and of PO files.
    public static let translationKeys = [
        "translation.status.heading", "translation.status.translated", "translation.status.missing",
        "translation.status.outdated", "translation.status.unverified", "translation.status.total", "translation.status.unverified-hint", "po.plural-forms",
        "po.header", "po.comment.site-title", "po.comment.site-description", "po.comment.group-title", "po.comment.glossary", "po.comment.procedure",
        "po.comment.step", "po.comment.alt", "po.comment.same-everywhere", "po.comment.source-language",
        "po.comment.link.ref", "po.comment.link.term", "po.comment.link.input", "po.comment.link.callout",
        "po.comment.keep-links", "po.comment.outdated",
    ]

    /// The keys of the step-runner's words.
    public static let runnerKeys = [
        "runner.value.command",
        "runner.key.more",
        "runner.key.command",
        "runner.command.label",
        "runner.command.label.not-allowed",
        "runner.command.confirm",
        "runner.command.confirm.keys",
        "runner.command.not-run",
        "runner.command.running",
        "runner.command.succeeded",
        "runner.command.failed",
        "runner.command.signalled",
        "runner.command.stopped",
        "runner.command.not-started",
        "runner.report.commands",
        "runner.report.command.exited",
        "runner.report.command.signal",
        "runner.report.command.stopped",
        "runner.report.command.not-started",
        "runner.pick.title",
        "runner.key.end-wait",
        "runner.wait.heading",
        "runner.wait.left",
        "runner.wait.over",
        "runner.report.waited",
        "runner.key.walk",
        "runner.key.stop-here",
        "runner.prerequisite.unmet",
        "runner.prerequisite.see",
        "runner.record.not-writable",
        "runner.unknown-procedure",
        "runner.pick.several-title",
        "runner.pick.number",
        "runner.pick.prompt",
        "runner.pick.none",
        "runner.pick.several",
        "runner.step-of",
        "runner.prerequisite.heading",
        "runner.prerequisite.question",
        "runner.prerequisite.not-met",
        "runner.input.heading",
        "runner.input.invalid",
        "runner.input.hint",
        "runner.input.empty",
        "runner.input.preset-rejected",
        "runner.result.question",
        "runner.result.follow-up",
        "runner.problem.prompt",
        "runner.resume",
        "runner.resume.changed",
        "runner.resume.unmatched",
        "runner.state.unreadable",
        "runner.summary",
        "runner.finished",
        "runner.stopped",
        "runner.interrupted",
        "runner.figure",
        "runner.figure.file",
        "runner.figure.opened",
        "runner.copied",
        "runner.copy.nothing",
        "runner.copy.failed",
        "runner.reference.heading",
        "runner.reference.back",
        "runner.not-available",
        "runner.recorded",
        "runner.record.failed",
        "runner.key.next",
        "runner.key.back",
        "runner.key.skip",
        "runner.key.language",
        "runner.key.help",
        "runner.key.quit",
        "runner.key.yes",
        "runner.key.no",
        "runner.key.open-reference",
        "runner.key.copy",
        "runner.key.retry",
        "runner.key.note",
        "runner.key.enter",
        "runner.key.ok",
        "runner.key.space",
        "runner.yes-letters",
        "runner.help",
        "runner.help.plain",
        "runner.report.procedure",
        "runner.report.language",
        "runner.report.started",
        "runner.report.ended",
        "runner.report.run-by",
        "runner.report.fingerprint",
        "runner.report.status",
        "runner.report.time",
        "runner.report.result",
        "runner.report.done",
        "runner.report.skipped",
        "runner.report.not-reached",
        "runner.report.yes",
        "runner.report.no",
        "runner.report.finished",
        "runner.report.quit",
        "runner.report.interrupted",
        "runner.report.stopped",
        "runner.report.language-switches",
        "runner.resume.start",
        "runner.state.not-writable",
        "runner.summary.paused",
        "runner.ended-with-problem",
        "runner.ended-with-problem.step",
        "runner.stopped.unsaved",
        "runner.interrupted.unsaved",
        "runner.input.current",
        "runner.answer.yes-words",
        "runner.answer.no-words",
        "runner.answer.type-yes-or-no",
        "runner.answer.echo",
        "runner.choice.question",
        "runner.choice.procedure",
        "runner.choice.invalid",
        "runner.detour.start",
        "runner.detour.back",
        "runner.pick-number",
        "runner.open.which",
        "runner.open.opened",
        "runner.open.no-opener",
        "runner.open.failed",
        "runner.copy.which",
        "runner.edit.which",
        "runner.value.code",
        "runner.value.term",
        "runner.key.open",
        "runner.key.edit",
        "runner.key.legends",
        "runner.key.choose",
        "runner.key.stop",
        "runner.report.title.finished",
        "runner.report.title.ended-with-problem",
        "runner.report.title.stopped",
        "runner.report.title.interrupted",
        "runner.report.title.prerequisite-not-met",
        "runner.report.elapsed",
        "runner.report.paused",
        "runner.report.bypassed",
        "runner.report.changed",
        "runner.report.chose",
        "runner.report.notes",
        "runner.report.ended-with-problem",
    ]

    /// Whether `key` exists (in the first language; all languages are checked to have the same keys).
    public func hasKey(_ key: String) -> Bool {
        table.values.contains { $0[key] != nil }
    }

    /// The keys that start with `prefix`, without it, sorted.
    public func keys(withPrefix prefix: String) -> [String] {
        Set(table.values.flatMap { $0.keys }).filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }.sorted()
    }

    /// The string for `key` in `language`, with `{name}` placeholders filled from `values`.
    ///
    /// Falls back to the first language that has the key, then to the key itself, so a gap never hides text.
    public func string(_ key: String, in language: String, _ values: [String: String] = [:]) -> String {
        let template = lookUp(key, in: language) ?? languages.lazy.compactMap { lookUp(key, in: $0) }.first ?? key
        guard !values.isEmpty else { return template }
        var result = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            let name = String(rest[rest.index(after: open)..<close])
            result += values[name] ?? String(rest[open...close])
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }

    /// Every string of `language`, for templates (`{{strings.note.warning}}` reads `note.warning`).
    public func all(in language: String) -> [String: String] {
        var merged: [String: String] = [:]
        for key in Set(table.values.flatMap { $0.keys }) { merged[key] = string(key, in: language) }
        return merged
    }
}
