/// The glossary as a termbase for CAT tools, and the content's aligned translations as a translation memory.
///
/// - CSV (RFC 4180, UTF-8, CRLF line ends): a header `key,<language>…` (the site's languages in order), then a
///   row per term: its key and its label in each language. Fields with a comma, a quote, a line break or blank
///   space at either end are quoted, quotes doubled. `glossary import` reads the same file back.
/// - TBX-Basic (the 2008 `martif` dialect every CAT tool reads): a `termEntry` per term with the key as its `id`,
///   a `langSet` per language with the label as `term`.
/// - TMX 1.4b: a `tu` per translated text (`tuid` its place, `srclang` its source language) with a `tuv` for
///   its source and each translation that is current or unrecorded (outdated ones are not aligned any more);
///   markup as `bpt`/`ept`/`ph` with the CommonMark inside. No dates or ids that change: two exports are identical.
public struct TermbaseWriter: Sendable {
    let site: Site
    let records: TranslationRecords
    let title: String

    /// A writer over a loaded session.
    public init(session: ContentSession) {
        site = session.site
        records = session.translationRecords
        title = TranslationExport(session: session).siteTitle
    }

    /// A term's label in `language` (a label written once serves every language), trimmed.
    func label(_ term: Glossary.Term, _ language: String) -> String {
        term.label.entry(in: language).map { POExporter.trimmed($0.value) } ?? ""
    }

    // MARK: - CSV

    /// The glossary as CSV.
    public var csv: String {
        var rows = [["key"] + site.languages]
        for term in site.glossary.terms { rows.append([term.key] + site.languages.map { label(term, $0) }) }
        return rows.map { $0.map(Self.csvField).joined(separator: ",") }.map { $0 + "\r\n" }.joined()
    }

    static func csvField(_ value: String) -> String {
        let needsQuotes = value.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
            || value.first?.isWhitespace == true || value.last?.isWhitespace == true
        return needsQuotes ? "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : value
    }

    // MARK: - TBX

    /// The glossary as TBX-Basic.
    public var tbx: String {
        var xml = XMLWriter()
        xml.open("martif", ["type": "TBX-Basic", "xml:lang": site.sourceLanguage])
        xml.open("martifHeader")
        xml.open("fileDesc")
        xml.open("sourceDesc")
        xml.element("p", text: "\(title): glossary, exported by Wegwijs")
        xml.close()
        xml.close()
        xml.open("encodingDesc")
        xml.element("p", ["type": "XCSURI"], text: "TBXBasicXCSV02.xcs")
        xml.close()
        xml.close()
        xml.open("text")
        xml.open("body")
        for term in site.glossary.terms {
            xml.open("termEntry", ["id": term.key])
            for language in site.languages {
                let value = label(term, language)
                guard !value.isEmpty else { continue }
                xml.open("langSet", ["xml:lang": language])
                xml.open("tig")
                xml.element("term", text: value)
                xml.close()
                xml.close()
            }
            xml.close()
        }
        xml.close()
        xml.close()
        xml.close()
        return xml.text
    }

    // MARK: - TMX

    /// The aligned translations as TMX 1.4b.
    public var tmx: String {
        var xml = XMLWriter()
        xml.open("tmx", ["version": "1.4"])
        xml.element("header", [
            "creationtool": "Wegwijs", "creationtoolversion": "1", "segtype": "paragraph", "o-tmf": "wegwijs",
            "adminlang": site.sourceLanguage, "srclang": site.sourceLanguage, "datatype": "plaintext",
        ], text: nil)
        xml.open("body")
        for unit in site.translationUnits where !unit.text.isSameInEveryLanguage {
            guard let source = unit.text.entry(in: unit.sourceLanguage) else { continue }
            let sourceText = POExporter.trimmed(source.value)
            var translations: [(String, String)] = []
            for language in unit.targetLanguages(in: site) {
                guard let entry = unit.text.entry(in: language) else { continue }
                if case .outdated = records.verdict(place: unit.place, language: language, source: source.value) { continue }
                translations.append((language, POExporter.trimmed(entry.value)))
            }
            guard !translations.isEmpty else { continue }
            xml.open("tu", ["tuid": unit.place, "srclang": unit.sourceLanguage])
            xml.element("prop", ["type": "x-place"], text: unit.place)
            let codes = UnitCodes(source: sourceText, target: "")
            xml.open("tuv", ["xml:lang": unit.sourceLanguage])
            xml.element("seg", markup: Self.seg(codes.source))
            xml.close()
            for (language, value) in translations {
                let aligned = UnitCodes(source: sourceText, target: value)
                xml.open("tuv", ["xml:lang": language])
                xml.element("seg", markup: Self.seg(aligned.target ?? SegmentedText(commonMark: value)))
                xml.close()
            }
            xml.close()
        }
        xml.close()
        xml.close()
        return xml.text
    }

    static func seg(_ text: SegmentedText) -> String {
        var markup = ""
        for piece in text.pieces {
            switch piece {
            case .text(let value): markup += XMLWriter.escapeText(value)
            case .code(let code):
                let native = XMLWriter.escapeText(code.native)
                switch code.role {
                case .placeholder: markup += "<ph x=\"\(code.id)\">\(native)</ph>"
                case .opening: markup += "<bpt i=\"\(code.id)\" x=\"\(code.id)\">\(native)</bpt>"
                case .closing: markup += "<ept i=\"\(code.id)\">\(native)</ept>"
                }
            }
        }
        return markup
    }
}

/// Reads the glossary CSV that ``TermbaseWriter/csv`` writes (as a spreadsheet or CAT tool saves it back: any
/// line ends, a byte order mark, columns in another order), into translations of the glossary's labels.
public enum GlossaryCSVReader {
    /// A cell and where it starts.
    struct Cell {
        var value: String
        var line: Int
        var column: Int
    }

    /// The rows of `text`, with an error for a quote that is never closed or text after a closing quote.
    static func rows(_ text: String, file: String, diagnostics: inout Diagnostics) -> [[Cell]] {
        var rows: [[Cell]] = []
        var row: [Cell] = []
        var scalars = Array(text.unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        var index = 0
        var line = 1
        var column = 1
        func advance() {
            if scalars[index] == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
            index += 1
        }
        while index <= scalars.count {
            let start = (line, column)
            var value = String.UnicodeScalarView()
            if index < scalars.count, scalars[index] == "\"" {
                advance()
                var closed = false
                while index < scalars.count {
                    if scalars[index] == "\"" {
                        if index + 1 < scalars.count, scalars[index + 1] == "\"" {
                            value.append("\"")
                            advance()
                            advance()
                            continue
                        }
                        advance()
                        closed = true
                        break
                    }
                    value.append(scalars[index])
                    advance()
                }
                if !closed {
                    diagnostics.error("csv-syntax", at: SourceLocation(file: file, line: start.0, column: start.1), "a quoted field that is never closed")
                    return rows
                }
                if index < scalars.count, ![",", "\r", "\n"].contains(scalars[index]) {
                    diagnostics.error("csv-syntax", at: SourceLocation(file: file, line: line, column: column), "text after a quoted field: quote the whole field, with quotes inside doubled")
                    while index < scalars.count, ![",", "\n"].contains(scalars[index]) { advance() }
                }
            } else {
                while index < scalars.count, ![",", "\r", "\n"].contains(scalars[index]) {
                    value.append(scalars[index])
                    advance()
                }
            }
            row.append(Cell(value: String(value), line: start.0, column: start.1))
            if index >= scalars.count {
                if !(row.count == 1 && row[0].value.isEmpty) { rows.append(row) }
                break
            }
            if scalars[index] == "," {
                advance()
                continue
            }
            if scalars[index] == "\r" { advance() }
            if index < scalars.count, scalars[index] == "\n" { advance() }
            if !(row.count == 1 && row[0].value.isEmpty) { rows.append(row) }
            row = []
            if index >= scalars.count { break }
        }
        return rows
    }

    /// The translations of the glossary labels in `data`, per language of the site (the source language's column
    /// is each label's source), with problems placed in `file`.
    public static func read(_ data: Data, file: String, site: Site) -> (byLanguage: [(language: String, translations: [ExchangedTranslation])], diagnostics: Diagnostics) {
        var diagnostics = Diagnostics()
        guard let text = String(validating: data, as: UTF8.self) else {
            diagnostics.error("csv-syntax", at: .start(of: file), "the file is not valid UTF-8; save it as CSV UTF-8")
            return ([], diagnostics)
        }
        let rows = rows(text, file: file, diagnostics: &diagnostics)
        guard let header = rows.first else {
            diagnostics.error("csv-syntax", at: .start(of: file), "the file is empty: expected a header 'key,\(site.languages.joined(separator: ","))'")
            return ([], diagnostics)
        }
        guard header.first.map({ POExporter.trimmed($0.value).lowercased() }) == "key" else {
            diagnostics.error("csv-syntax", at: SourceLocation(file: file, line: 1, column: 1), "the first column must be 'key', the term's key")
            return ([], diagnostics)
        }
        var columns: [(index: Int, language: String)] = []
        for (index, cell) in header.enumerated().dropFirst() {
            switch LanguageMatch.match(POExporter.trimmed(cell.value), among: site.languages) {
            case .exact(let code), .fallback(let code): columns.append((index, code))
            case .none:
                diagnostics.error("csv-syntax", at: SourceLocation(file: file, line: cell.line, column: cell.column),
                    "column '\(cell.value)' is not a language of the site (\(site.languages.joined(separator: ", ")))")
            }
        }
        let source = site.sourceLanguage
        guard let sourceColumn = columns.first(where: { $0.language == source })?.index else {
            diagnostics.error("csv-syntax", at: SourceLocation(file: file, line: 1, column: 1), "the file has no column for the source language '\(source)'")
            return ([], diagnostics)
        }
        guard !diagnostics.hasErrors else { return ([], diagnostics) }
        var result: [(language: String, translations: [ExchangedTranslation])] = []
        for (index, language) in columns where language != source {
            var translations: [ExchangedTranslation] = []
            for row in rows.dropFirst() {
                guard let key = row.first else { continue }
                let at = index < row.count ? SourceLocation(file: file, line: row[index].line, column: row[index].column)
                    : SourceLocation(file: file, line: key.line, column: 1)
                translations.append(ExchangedTranslation(
                    place: "glossary/\(POExporter.trimmed(key.value))", source: sourceColumn < row.count ? row[sourceColumn].value : "",
                    target: index < row.count ? row[index].value : "", needsReview: false, location: at))
            }
            result.append((language, translations))
        }
        return (result, diagnostics)
    }
}

import Foundation
