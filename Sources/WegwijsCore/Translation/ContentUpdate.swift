import Foundation

/// Writes changed texts into their YAML files and updates the record file: all of it, or nothing.
///
/// Every changed file is edited in memory (``YAMLTextEditor``), read again as the loader reads it, and
/// compared with what was meant: the changed texts must read as their new strings and every other text of
/// the site as before. Only then are the files written, each by write-then-rename, and the records last.
public struct ContentUpdate: Sendable {
    let session: ContentSession
    /// The texts to rewrite, with their places.
    public var changes: [(place: String, change: TextChange)] = []
    /// Places and languages whose translation is recorded as made from the current source.
    public var confirmations: [(place: String, language: String)] = []
    /// Places whose new translation (in ``changes``) was made from an earlier source, given, keyed by place, NUL
    /// and language: recorded as made from it, so the translation shows as outdated.
    public var earlierSources: [String: String] = [:]
    /// The translators' notes to keep, per place and language (replacing what was kept for them).
    public var notes: [(place: String, language: String, lines: [String])] = []

    /// What ``write()`` changed besides the texts.
    public private(set) var recordsUpdated = 0
    public private(set) var notesFileWritten = false
    public private(set) var recordFileWritten = false

    /// An update of `session`'s content.
    public init(session: ContentSession) {
        self.session = session
    }

    /// The files the update rewrites (record file aside), in order.
    public var changedFiles: [String] {
        Array(Set(changes.map { $0.change.text.location.file })).sorted()
    }

    /// Checks and writes everything; the diagnostics say what stopped it (then nothing was written).
    public mutating func write() -> Diagnostics {
        let (newData, site, problems) = prepare()
        var diagnostics = problems
        guard !diagnostics.hasErrors else { return diagnostics }

        var records = session.translationRecords
        let before = records.fileText
        let sourceByPlace = Dictionary(site.translationUnits.map { ($0.place, $0) }, uniquingKeysWith: { first, _ in first })
        let recorded = changes.map { ($0.place, $0.change.language) } + confirmations
        for (place, language) in recorded {
            guard let unit = sourceByPlace[place], !unit.text.isSameInEveryLanguage,
                let source = unit.text.entry(in: unit.sourceLanguage)
            else { continue }
            records.record(place: place, language: language, source: earlierSources["\(place)\u{0}\(language)"] ?? source.value)
        }
        records.prune(keepingPlaces: Set(sourceByPlace.keys), languages: site.languages)
        let after = records.fileText
        recordsUpdated = Self.changedLines(from: before, to: after)
        var kept = session.translatorNotes
        let notesBefore = kept
        for (place, language, lines) in notes { kept.set(lines, place: place, language: language) }
        kept.prune(keepingPlaces: Set(sourceByPlace.keys), languages: site.languages)
        let notesURL = session.loader.contentDirectory.appendingPathComponent(TranslatorNotes.fileName)
        let writesNotes = kept != notesBefore && !(kept.isEmpty && !FileManager.default.fileExists(atPath: notesURL.path))
        do {
            for (url, data) in newData { try AtomicFile.write(data, to: url) }
            if !recorded.isEmpty, after != before {
                let url = session.loader.contentDirectory.appendingPathComponent(TranslationRecords.fileName)
                try AtomicFile.write(Data(after.utf8), to: url)
                recordFileWritten = true
            }
            if writesNotes {
                try AtomicFile.write(Data(kept.fileText.utf8), to: notesURL)
                notesFileWritten = true
            }
        } catch {
            diagnostics.error(
                "unwritable-file", at: .start(of: session.loader.displayPath(TranslationRecords.fileName)),
                "cannot write the content: \(error.localizedDescription)")
        }
        return diagnostics
    }

    /// How many lines one text has that the other lacks, counted as lines changed (a changed line counts once).
    static func changedLines(from old: String, to new: String) -> Int {
        var counts: [Substring: Int] = [:]
        for line in old.split(separator: "\n") { counts[line, default: 0] += 1 }
        var added = 0
        for line in new.split(separator: "\n") {
            if let count = counts[line], count > 0 { counts[line] = count - 1 } else { added += 1 }
        }
        let removed = counts.values.reduce(0, +)
        return max(added, removed)
    }

    /// The changed files' new bytes and the site as it would load from them, checked against what was
    /// meant; nothing is written. Errors in the diagnostics mean the update must not be written.
    func prepare() -> (files: [(url: URL, data: Data)], site: Site, diagnostics: Diagnostics) {
        var diagnostics = Diagnostics()
        var site = session.site
        var newData: [(url: URL, data: Data)] = []
        for file in changedFiles {
            let fileChanges = changes.filter { $0.change.text.location.file == file }.map(\.change)
            guard let url = session.loader.url(forDisplayPath: file), let data = FileManager.default.contents(atPath: url.path) else {
                diagnostics.error("unwritable-file", at: .start(of: file), "cannot read the file to change it")
                continue
            }
            do throws(YAMLTextEditor.Failure) {
                let edited = try YAMLTextEditor.apply(fileChanges, to: data)
                let (reloaded, problems) = session.loader.site(site, withFile: file, holding: edited)
                guard let reloaded else {
                    diagnostics.error(
                        "import-check", at: .start(of: file), "the changed file would not load; nothing was changed",
                        notes: problems.sorted.map(\.headline))
                    continue
                }
                site = reloaded
                newData.append((url, edited))
            } catch {
                diagnostics.error("import-check", at: error.location, "cannot change the text: \(error.message); nothing was changed")
            }
        }
        guard !diagnostics.hasErrors else { return (newData, site, diagnostics) }
        diagnostics.append(contentsOf: verify(site))
        guard !diagnostics.hasErrors, !newData.isEmpty else { return (newData, site, diagnostics) }
        // The last guard: the content as it would be is validated as every command validates it, so that an
        // import can never leave content that 'check' and 'build' refuse.
        let validation = Validator(site: site, strings: session.strings, files: session.files, plainTexts: PlainTexts(site: site)).validate()
        for problem in validation.all where problem.severity == .error {
            diagnostics.error(
                "import-check", at: problem.location, "the content would not be valid after the import (\(problem.summary)); nothing was changed",
                notes: ["Please report this, with the exchange file."])
        }
        return (newData, site, diagnostics)
    }

    /// Problems when `site` (the content as it would be) differs from the session's other than as meant.
    func verify(_ site: Site) -> Diagnostics {
        var diagnostics = Diagnostics()
        let before = session.site.translationUnits
        let after = Dictionary(site.translationUnits.map { ($0.place, $0) }, uniquingKeysWith: { first, _ in first })
        var meant: [String: [String: String]] = [:]
        for (place, change) in changes { meant[place, default: [:]][change.language] = change.value }
        for unit in before {
            guard let new = after[unit.place] else {
                diagnostics.error("import-check", at: unit.text.location, "'\(unit.place)' would be lost; nothing was changed")
                continue
            }
            var expected: [String: String] = [:]
            for (language, entry) in unit.text.versions { expected[language] = entry.value }
            var actual: [String: String] = [:]
            for (language, entry) in new.text.versions { actual[language] = entry.value }
            if let languages = meant[unit.place] {
                if unit.text.isSameInEveryLanguage, let value = expected.removeValue(forKey: "*") {
                    expected[unit.sourceLanguage] = value
                }
                for (language, value) in languages {
                    expected[language] = value
                    actual[language] = actual[language].map(POExporter.trimmed)
                }
                if let source = expected[unit.sourceLanguage], let written = actual[unit.sourceLanguage], unit.text.isSameInEveryLanguage {
                    // The source string of a text that became a mapping is written trimmed.
                    expected[unit.sourceLanguage] = POExporter.trimmed(source)
                    actual[unit.sourceLanguage] = POExporter.trimmed(written)
                }
            }
            if expected != actual {
                diagnostics.error(
                    "import-check", at: unit.text.location,
                    "changing the file would not give the intended text for '\(unit.place)'; nothing was changed",
                    notes: ["Please report this, with the PO file and the YAML file."])
            }
        }
        return diagnostics
    }
}
