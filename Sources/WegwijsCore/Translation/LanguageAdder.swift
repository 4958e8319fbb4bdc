import Foundation

/// Adds a language to a site: the code in site.yaml's `languages`, edited in place, and an interface strings file
/// made from the source language's with every value marked untranslated.
///
/// site.yaml is edited from its text and the positions the loader kept of the languages (``Site/languageLocations``):
/// in a flow sequence (`languages: [en, nl]`) the code follows the last one as `, de`; in a block sequence it is a
/// new `- de` line after the last item, indented the same. Nothing else of the file changes, and the edited file
/// must load with the new language last, or nothing is written.
public enum LanguageAdder {
    /// Why a language cannot be added.
    public struct Problem: Error, Sendable {
        public var message: String
    }

    /// `given` as a BCP 47 tag of the form Wegwijs uses (`de`, `fr-BE`, `sr-Latn`, `es-419`): language lowercased,
    /// script title-cased, region uppercased; nil when it is not of that form.
    public static func normalizedCode(_ given: String) -> String? {
        let parts = given.replacingOccurrences(of: "_", with: "-").split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }) else { return nil }
        var result = [first.lowercased()]
        var rest = parts.dropFirst()
        if let script = rest.first, script.count == 4, script.allSatisfy({ $0.isASCII && $0.isLetter }) {
            result.append(script.prefix(1).uppercased() + script.dropFirst().lowercased())
            rest = rest.dropFirst()
        }
        if let region = rest.first {
            if region.count == 2, region.allSatisfy({ $0.isASCII && $0.isLetter }) {
                result.append(region.uppercased())
            } else if region.count == 3, region.allSatisfy({ $0.isASCII && $0.isNumber }) {
                result.append(region)
            } else {
                return nil
            }
            rest = rest.dropFirst()
        }
        return rest.isEmpty ? result.joined(separator: "-") : nil
    }

    /// site.yaml's text with `code` added after the last of the languages at `locations`.
    public static func siteText(_ text: String, adding code: String, after locations: [SourceLocation]) throws(Problem) -> String {
        guard let last = locations.last else { throw Problem(message: "site.yaml lists no language to add after") }
        var lines = text.components(separatedBy: "\n")
        guard last.line >= 1, last.line <= lines.count else { throw Problem(message: "the position of the last language is outside site.yaml") }
        let line = Array(lines[last.line - 1].unicodeScalars)
        let start = last.column - 1
        guard start >= 0, start < line.count else { throw Problem(message: "the position of the last language is outside its line") }
        // What comes before the item decides the style: '-' for a block sequence, '[' or ',' for a flow one.
        var before = start - 1
        while before >= 0, line[before] == " " || line[before] == "\t" { before -= 1 }
        let isBlock = before >= 0 && line[before] == "-"
        let opensOrSeparates = before >= 0 && (line[before] == "[" || line[before] == ",")
        let isFlow = opensOrSeparates || before < 0
        if isBlock {
            var prefix = ""
            for scalar in line[0..<start] { prefix.unicodeScalars.append(scalar == "-" ? "-" : " ") }
            lines.insert(prefix + code, at: last.line)
            return lines.joined(separator: "\n")
        }
        guard isFlow else { throw Problem(message: "site.yaml's 'languages' is written in a way Wegwijs cannot edit in place") }
        var end = start
        if line[start] == "\"" || line[start] == "'" {
            let quote = line[start]
            end += 1
            while end < line.count {
                if line[end] == "\\", quote == "\"" {
                    end += 2
                    continue
                }
                if line[end] == quote {
                    if quote == "'", end + 1 < line.count, line[end + 1] == "'" {
                        end += 2
                        continue
                    }
                    end += 1
                    break
                }
                end += 1
            }
        } else {
            while end < line.count, ![",", "]", " ", "\t", "#"].contains(line[end]) { end += 1 }
        }
        var edited = ""
        edited.unicodeScalars.append(contentsOf: line[0..<end])
        edited += ", " + code
        edited.unicodeScalars.append(contentsOf: line[end...])
        lines[last.line - 1] = edited
        return lines.joined(separator: "\n")
    }

    /// The interface strings file of `code`, from the source language's file text: each `key: value` entry keeps
    /// the source's value (so the site shows it until it is translated) under an `# untranslated (en)` line, and
    /// `language.name` is the language's own name where the system knows it; `search.stemmer`, a setting, names
    /// the language's own Snowball stemmer, or `none`.
    public static func stringsText(from source: String, sourceLanguage: String, code: String) -> String {
        let name = Locale(identifier: code).localizedString(forIdentifier: code).map { $0.prefix(1).uppercased() + $0.dropFirst() }
        var lines = [
            "# Interface strings for '\(code)', made by 'wegwijs language add' from \(sourceLanguage).yaml: every value is",
            "# still the '\(sourceLanguage)' one, under '# \(untranslatedMark) (\(sourceLanguage))'. Translate the value, then remove that line.",
            "",
        ]
        for line in TextLines.of(source) {
            let isEntry = line.first.map { !$0.isWhitespace && $0 != "#" && $0 != "-" } == true && line.contains(":")
            if isEntry, line.hasPrefix("language.name:"), let name {
                lines.append("language.name: \(CString.quote(name))")
                continue
            }
            // A setting, not a text: the new language's own stemmer where libstemmer has one ("de"), else none.
            if isEntry, line.hasPrefix("\(SearchIndex.stemmerKey):") {
                lines.append("\(SearchIndex.stemmerKey): \(Stemmer(algorithm: code) != nil ? code : SearchIndex.noStemmer)")
                continue
            }
            if isEntry { lines.append("# \(untranslatedMark) (\(sourceLanguage))") }
            lines.append(String(line))
        }
        while lines.last == "" { lines.removeLast() }
        return lines.joined(separator: "\n") + "\n"
    }

    /// What marks a value of a strings file as not yet translated.
    public static let untranslatedMark = "untranslated"
}
