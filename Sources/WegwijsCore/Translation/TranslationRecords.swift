import Foundation

/// What each translation was made from: the committed file `translated-from.txt` in the content folder.
///
/// One line per translated text and language, sorted, so that git merges changes to different texts
/// without conflicts:
///
/// ```
/// add-users/steps/fill-in/text nl 9c1e0b7d4a553f2a "Fill in the account number…"
/// ```
///
/// the place, the language of the translation, the ``TextFingerprint`` of the source text it was made
/// from, and that source text itself (a C-style string), which PO files show translators as the previous
/// source of an outdated translation. Lines starting with `#` are comments. When a merge (such as git's
/// `merge=union`) leaves two lines for the same text and language, the text is current if either matches.
public struct TranslationRecords: Sendable {
    /// The file's name inside the content folder.
    public static let fileName = "translated-from.txt"

    /// One line of the file.
    public struct Record: Sendable, Hashable {
        /// The text's place.
        public var place: String
        /// The language of the translation.
        public var language: String
        /// The fingerprint of the source text the translation was made from.
        public var fingerprint: String
        /// That source text.
        public var source: String
    }

    /// What the records say about one translation.
    public enum Verdict: Sendable, Equatable {
        /// Made from the current source text.
        case current
        /// Made from an earlier source text, given.
        case outdated(previousSource: String)
        /// Nothing recorded.
        case unrecorded
    }

    struct Key: Hashable, Comparable {
        var place: String
        var language: String
        static func < (lhs: Key, rhs: Key) -> Bool { (lhs.place, lhs.language) < (rhs.place, rhs.language) }
    }

    private var records: [Key: [Record]] = [:]

    /// No records.
    public init() {}

    /// The number of texts and languages recorded.
    public var count: Int { records.count }

    /// What is recorded for the `language` translation of the text at `place`, whose source is now `source`.
    public func verdict(place: String, language: String, source: String) -> Verdict {
        guard let found = records[Key(place: place, language: language)], let last = found.last else { return .unrecorded }
        let fingerprint = TextFingerprint.of(source)
        return found.contains { $0.fingerprint == fingerprint } ? .current : .outdated(previousSource: last.source)
    }

    /// Records that the `language` translation of the text at `place` was made from (or confirmed for) `source`.
    public mutating func record(place: String, language: String, source: String) {
        let record = Record(place: place, language: language, fingerprint: TextFingerprint.of(source), source: source)
        records[Key(place: place, language: language)] = [record]
    }

    /// Drops the records of places not in `places`, and of languages not in `languages`.
    public mutating func prune(keepingPlaces places: Set<String>, languages: [String]) {
        records = records.filter { places.contains($0.key.place) && languages.contains($0.key.language) }
    }

    // MARK: - The file

    /// The file's text: a comment, then one line per record, sorted by place and language.
    public var fileText: String {
        var lines = [
            "# What each translation was made from: place, language, fingerprint of the source text, source text.",
            "# Written by 'wegwijs po import' and 'wegwijs po confirm'; one line per text, sorted, so git merges it.",
        ]
        for key in records.keys.sorted() {
            for record in records[key]! {
                lines.append("\(record.place) \(record.language) \(record.fingerprint) \(CString.quote(record.source))")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Reads the file's text; lines that cannot be read are reported as warnings under `file` and left out.
    public init(fileText: String, file: String, diagnostics: inout Diagnostics) {
        let lines = TextLines.of(fileText)
        for (offset, trimmed) in lines.enumerated() {
            guard !trimmed.allSatisfy(\.isWhitespace), !trimmed.hasPrefix("#") else { continue }
            let fields = trimmed.split(separator: " ", maxSplits: 3, omittingEmptySubsequences: false)
            let location = SourceLocation(file: file, line: offset + 1, column: 1)
            guard fields.count == 4, !fields[0].isEmpty, !fields[1].isEmpty, fields[2].count == 16,
                fields[2].allSatisfy(\.isHexDigit)
            else {
                diagnostics.warning(
                    "unreadable-record", at: location, "ignored: not a line of the form 'place language fingerprint \"source\"'")
                continue
            }
            let source: String
            do throws(CString.Problem) {
                let (value, rest) = try CString.unquote(fields[3])
                guard rest.allSatisfy(\.isWhitespace) else { throw CString.Problem(message: "text after the string", offset: 0) }
                source = value
            } catch {
                diagnostics.warning("unreadable-record", at: location, "ignored: the source text cannot be read: \(error.message)")
                continue
            }
            let record = Record(place: String(fields[0]), language: String(fields[1]), fingerprint: String(fields[2]), source: source)
            records[Key(place: record.place, language: record.language), default: []].append(record)
        }
    }

    /// The records of a content folder (none when it has no record file), with problems reported under `displayPath`.
    public static func load(from contentDirectory: URL, displayPath: String, diagnostics: inout Diagnostics) -> TranslationRecords {
        let url = contentDirectory.appendingPathComponent(fileName)
        guard let data = FileManager.default.contents(atPath: url.path) else { return TranslationRecords() }
        guard let text = String(validating: data, as: UTF8.self) else {
            diagnostics.warning("unreadable-record", at: .start(of: displayPath), "ignored: the file is not valid UTF-8")
            return TranslationRecords()
        }
        return TranslationRecords(fileText: text, file: displayPath, diagnostics: &diagnostics)
    }
}
