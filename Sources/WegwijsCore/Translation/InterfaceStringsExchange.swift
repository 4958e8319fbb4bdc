import Foundation

/// The interface strings (`templates/strings/<language>.yaml`) as units of an export (`--interface`): place
/// `strings/<key>`, source the source language's value, translation the language's own, untranslated where
/// `language add` marked it (`# untranslated (en)` on the line before) or the key is missing. Import writes
/// changed values back into the language's file in place: the `key:` line's value becomes a double-quoted
/// string, the mark above it goes, nothing else changes; the edited file must load with exactly the meant values.
public struct InterfaceStringsExchange: Sendable {
    /// The prefix of the strings' places.
    public static let prefix = "strings/"

    let strings: InterfaceStrings
    let sourceLanguage: String
    let folder: URL
    let displayFolder: String

    /// The strings of `session`, kept in `folder` (shown as `displayFolder`).
    public init(session: ContentSession, folder: URL, displayFolder: String) {
        // The files' top-level strings, which the units' places name; not a register's wording of them.
        strings = session.strings.inRegister(nil)
        sourceLanguage = session.site.sourceLanguage
        self.folder = folder
        self.displayFolder = displayFolder
    }

    /// The strings file of `language`.
    public func url(of language: String) -> URL { folder.appendingPathComponent("\(language).yaml") }

    /// A strings file's text, or nil.
    func text(of language: String) -> String? {
        FileManager.default.contents(atPath: folder.appendingPathComponent("\(language).yaml").path).flatMap { String(validating: $0, as: UTF8.self) }
    }

    /// The top-level `key:` lines of a strings file: key, 0-based line, and whether the line above marks it untranslated.
    /// `lastLine` is the last line of the value (a block scalar's or a multi-line string's continuation lines).
    static func entries(of text: String) -> [(key: String, line: Int, lastLine: Int, isMarked: Bool)] {
        let lines = TextLines.of(text)
        var entries: [(key: String, line: Int, lastLine: Int, isMarked: Bool)] = []
        for (index, line) in lines.enumerated() {
            guard let first = line.first, !first.isWhitespace, first != "#", first != "-", let colon = line.firstIndex(of: ":") else { continue }
            let key = String(line[..<colon]).trimmingCharacters(in: .whitespaces)
            let marked = index > 0 && lines[index - 1].hasPrefix("# \(LanguageAdder.untranslatedMark) (")
            var last = index
            var next = index + 1
            while next < lines.count, lines[next].first.map({ $0.isWhitespace }) ?? true {
                if !lines[next].allSatisfy(\.isWhitespace) { last = next }
                next += 1
            }
            entries.append((key, index, last, marked))
        }
        return entries
    }

    /// The units of the strings to translate into `language`, in the source file's order.
    public func units(for language: String) -> [ExchangeUnit] {
        guard language != sourceLanguage, let source = text(of: sourceLanguage) else { return [] }
        let target = text(of: language).map(Self.entries(of:)) ?? []
        let marks = Dictionary(target.map { ($0.key, $0.isMarked) }, uniquingKeysWith: { first, _ in first })
        let values = strings.all(in: language)
        return Self.entries(of: source).compactMap { entry in
            // A setting (the search's stemmer) is no text to translate.
            guard !InterfaceStrings.settingKeys.contains(entry.key), let value = strings.all(in: sourceLanguage)[entry.key] else {
                return nil
            }
            let translated = marks[entry.key].map { !$0 } ?? false
            return ExchangeUnit(
                place: Self.prefix + entry.key, part: "strings", file: "\(displayFolder)/\(sourceLanguage).yaml", line: entry.line + 1,
                sourceLanguage: sourceLanguage, source: value, target: translated ? (values[entry.key] ?? "") : "",
                state: translated ? .translated : .untranslated,
                notes: ["An interface string ('\(entry.key)'): keep every {placeholder} as it is."], isSameInEveryLanguage: false)
        }
    }

    /// What the translations of strings change in `language`'s file: the changed values by key, with every
    /// `{placeholder}` of the source required in the translation (else an error at its line, and it is refused).
    public func plan(_ translations: [ExchangedTranslation], language: String, strict: Bool) -> (changes: [String: String], refused: Int, untranslated: Int, confirmed: Int, diagnostics: Diagnostics) {
        var changes: [String: String] = [:]
        var diagnostics = Diagnostics()
        var refused = 0, untranslated = 0, confirmed = 0
        let source = strings.all(in: sourceLanguage)
        let current = text(of: language).map(Self.entries(of:)) ?? []
        let marked = Set(current.filter(\.isMarked).map(\.key))
        for translation in translations {
            guard let place = translation.place, place.hasPrefix(Self.prefix) else { continue }
            let key = String(place.dropFirst(Self.prefix.count))
            guard let original = source[key] else {
                diagnostics.append(contentsOf: [Diagnostic(strict ? .error : .warning, "import-unknown-place", at: translation.location, "'\(place)' names no interface string; not applied")])
                if strict { refused += 1 }
                continue
            }
            guard !translation.needsReview, let value = translation.target, !translation.problems.hasErrors else {
                diagnostics.append(contentsOf: translation.problems)
                if translation.problems.hasErrors { refused += 1 }
                continue
            }
            let trimmed = POExporter.trimmed(value)
            guard !trimmed.isEmpty else {
                untranslated += 1
                continue
            }
            let missing = Self.placeholders(original).subtracting(Self.placeholders(trimmed))
            let extra = Self.placeholders(trimmed).subtracting(Self.placeholders(original))
            if !missing.isEmpty || !extra.isEmpty {
                let what = (missing.sorted().map { "lacks {\($0)}" } + extra.sorted().map { "has {\($0)}, which the source has not" }).joined(separator: " and ")
                diagnostics.error("import-placeholder", at: translation.location, "the translation of '\(place)' \(what); not applied",
                    notes: ["Wegwijs fills in each {placeholder}: keep them as they are."])
                refused += 1
                continue
            }
            if strings.all(in: language)[key] == trimmed, !marked.contains(key) {
                confirmed += 1
            } else {
                changes[key] = trimmed
            }
        }
        return (changes, refused, untranslated, confirmed, diagnostics)
    }

    static func placeholders(_ text: String) -> Set<String> {
        var found = Set<String>()
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            found.insert(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return found
    }

    /// `language`'s strings file with `changes` written in; nil with an error when it cannot be edited or would
    /// not load with exactly these values.
    public func edited(_ changes: [String: String], language: String) -> (data: Data?, diagnostics: Diagnostics) {
        var diagnostics = Diagnostics()
        let display = "\(displayFolder)/\(language).yaml"
        guard let text = text(of: language) else {
            diagnostics.error("unwritable-file", at: .start(of: display), "cannot read the strings file to change it (add the language with 'wegwijs language add \(language)')")
            return (nil, diagnostics)
        }
        let lineEnd = text.contains("\r\n") ? "\r\n" : "\n"
        var lines = TextLines.of(text).map(String.init)
        let entries = Self.entries(of: text)
        var remove = Set<Int>()
        var appended: [String] = []
        for key in changes.keys.sorted() {
            let line = "\(key): \(YAMLScalarWriter.doubleQuoted(changes[key]!))"
            if let entry = entries.first(where: { $0.key == key }) {
                lines[entry.line] = line
                if entry.lastLine > entry.line { remove.formUnion((entry.line + 1)...entry.lastLine) }
                if entry.isMarked { remove.insert(entry.line - 1) }
            } else {
                appended.append(line)
            }
        }
        lines = lines.enumerated().filter { !remove.contains($0.offset) }.map(\.element) + appended
        while lines.last == "" { lines.removeLast() }
        let data = Data((lines.joined(separator: lineEnd) + lineEnd).utf8)
        // Loaded again as the strings are loaded, from a copy of the folder with the edited file.
        let check = FileManager.default.temporaryDirectory.appendingPathComponent("wegwijs-strings-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: check) }
        do {
            try FileManager.default.createDirectory(at: check, withIntermediateDirectories: true)
            for name in (try FileManager.default.contentsOfDirectory(atPath: folder.path)) where name.hasSuffix(".yaml") && name != "\(language).yaml" {
                try FileManager.default.copyItem(at: folder.appendingPathComponent(name), to: check.appendingPathComponent(name))
            }
            try data.write(to: check.appendingPathComponent("\(language).yaml"))
        } catch {
            diagnostics.error("import-check", at: .start(of: display), "cannot check the changed strings file: \(error.localizedDescription); nothing was changed")
            return (nil, diagnostics)
        }
        var problems = Diagnostics()
        let reloaded = InterfaceStrings.load(from: check, displayPath: displayFolder, diagnostics: &problems)
        let meant = changes.allSatisfy { reloaded.all(in: language)[$0.key] == $0.value }
        if problems.hasErrors || !meant {
            diagnostics.error("import-check", at: .start(of: display), "the changed strings file would not load as meant; nothing was changed",
                notes: problems.sorted.filter { $0.severity == .error }.map(\.headline))
            return (nil, diagnostics)
        }
        return (data, diagnostics)
    }
}
