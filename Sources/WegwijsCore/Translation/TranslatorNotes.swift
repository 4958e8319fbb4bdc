import Foundation

/// The translators' own comments on texts (PO `# …`, XLIFF `<note from="translator">`), kept beside the content in
/// `translator-notes.txt` so that the next export hands them back: one line per note, `place language "note"`,
/// sorted by place and language (a text's notes in the order they were written), so git merges it like
/// `translated-from.txt`.
public struct TranslatorNotes: Sendable, Equatable {
    /// The file's name inside the content folder.
    public static let fileName = "translator-notes.txt"

    struct Key: Hashable, Comparable {
        var place: String
        var language: String
        static func < (lhs: Key, rhs: Key) -> Bool { (lhs.place, lhs.language) < (rhs.place, rhs.language) }
    }

    private var notes: [Key: [String]] = [:]

    /// No notes.
    public init() {}

    /// The notes on the `language` translation of the text at `place`.
    public func notes(place: String, language: String) -> [String] {
        notes[Key(place: place, language: language)] ?? []
    }

    /// Sets the notes on one translation (none removes them).
    public mutating func set(_ lines: [String], place: String, language: String) {
        let kept = lines.filter { !$0.allSatisfy(\.isWhitespace) }
        notes[Key(place: place, language: language)] = kept.isEmpty ? nil : kept
    }

    /// Drops the notes of places not in `places`, and of languages not in `languages`.
    public mutating func prune(keepingPlaces places: Set<String>, languages: [String]) {
        notes = notes.filter { places.contains($0.key.place) && languages.contains($0.key.language) }
    }

    /// Whether there are no notes.
    public var isEmpty: Bool { notes.isEmpty }

    /// The file's text.
    public var fileText: String {
        var lines = [
            "# Translators' comments on texts: place, language, comment. Written by 'wegwijs po import' and",
            "# 'wegwijs xliff import', handed back by the next export; one line per comment, sorted, so git merges it.",
        ]
        for key in notes.keys.sorted() {
            for note in notes[key]! { lines.append("\(key.place) \(key.language) \(CString.quote(note))") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Reads the file's text; lines that cannot be read are warnings under `file` and left out.
    public init(fileText: String, file: String, diagnostics: inout Diagnostics) {
        for (offset, line) in TextLines.of(fileText).enumerated() {
            guard !line.allSatisfy(\.isWhitespace), !line.hasPrefix("#") else { continue }
            let fields = line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
            let location = SourceLocation(file: file, line: offset + 1, column: 1)
            guard fields.count == 3, !fields[0].isEmpty, !fields[1].isEmpty else {
                diagnostics.warning("unreadable-note", at: location, "ignored: not a line of the form 'place language \"comment\"'")
                continue
            }
            do throws(CString.Problem) {
                let (value, rest) = try CString.unquote(fields[2])
                guard rest.allSatisfy(\.isWhitespace) else { throw CString.Problem(message: "text after the string", offset: 0) }
                notes[Key(place: String(fields[0]), language: String(fields[1])), default: []].append(value)
            } catch {
                diagnostics.warning("unreadable-note", at: location, "ignored: the comment cannot be read: \(error.message)")
            }
        }
    }

    /// The notes of a content folder (none when it has no notes file).
    public static func load(from contentDirectory: URL, displayPath: String, diagnostics: inout Diagnostics) -> TranslatorNotes {
        let url = contentDirectory.appendingPathComponent(fileName)
        guard let data = FileManager.default.contents(atPath: url.path) else { return TranslatorNotes() }
        guard let text = String(validating: data, as: UTF8.self) else {
            diagnostics.warning("unreadable-note", at: .start(of: displayPath), "ignored: the file is not valid UTF-8")
            return TranslatorNotes()
        }
        return TranslatorNotes(fileText: text, file: displayPath, diagnostics: &diagnostics)
    }
}

extension ContentSession {
    /// The translators' notes kept in the content folder.
    public var translatorNotes: TranslatorNotes {
        var ignored = Diagnostics()
        return TranslatorNotes.load(from: loader.contentDirectory, displayPath: loader.displayPath(TranslatorNotes.fileName), diagnostics: &ignored)
    }
}
