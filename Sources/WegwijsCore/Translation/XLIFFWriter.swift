/// Writes the units of one target language as an XLIFF document for CAT tools (Trados, memoQ, Phrase…).
///
/// XLIFF 1.2: one `<file>` per part of the content (the site, the glossary, each procedure) with `original` its
/// YAML file and `source-language` its texts' language; a `<trans-unit>` per text with `id` and `resname` its
/// place, `<note from="wegwijs">`s with what the PO comments say, the file and line as a `location` context
/// group, and the state: `approved="yes"` and `state="translated"` for a current translation, `translated` for
/// one with no record, `needs-review-translation` with the previous source as an `<alt-trans>` for an outdated
/// one, no `<target>` for an untranslated one. Markup is inline codes: `<ph>` (with `equiv-text` what the link
/// shows) for placeholders, `<bpt>`/`<ept>` around translatable words.
///
/// XLIFF 2.1: the same with one source language per document (`srcLang`), `<unit name>` the place, the markup
/// in `<originalData>` and `<ph>`/`<pc>` referring to it, `<segment state>` `final`, `translated` or
/// `initial`, and the previous source of an outdated text as a translation candidate (`mtc:match`).
public enum XLIFFWriter {
    /// The XLIFF version.
    public enum Version: String, Sendable, CaseIterable {
        case v1_2 = "1.2"
        case v2_1 = "2.1"
    }

    /// The XLIFF 1.2 namespace.
    public static let namespace1 = "urn:oasis:names:tc:xliff:document:1.2"
    /// The XLIFF 2 namespace (2.0 and 2.1 share it).
    public static let namespace2 = "urn:oasis:names:tc:xliff:document:2.0"
    /// The namespace of the translation candidates module.
    public static let matchesNamespace = "urn:oasis:names:tc:xliff:matches:2.0"
    /// What Wegwijs's own notes have as `from` (1.2) or `category` (2.x); other notes are the translator's.
    public static let toolNoteSource = "wegwijs"

    /// The document of `units` (all of one source language for 2.1) translated into `language`.
    public static func text(of units: [ExchangeUnit], language: String, sourceLanguage: String, version: Version) -> String {
        switch version {
        case .v1_2: return text1(units, language: language)
        case .v2_1: return text2(units, language: language, sourceLanguage: sourceLanguage)
        }
    }

    /// The units grouped by part, in the order the parts first appear.
    static func parts(_ units: [ExchangeUnit]) -> [(part: String, units: [ExchangeUnit])] {
        var order: [String] = []
        var byPart: [String: [ExchangeUnit]] = [:]
        for unit in units {
            if byPart[unit.part] == nil { order.append(unit.part) }
            byPart[unit.part, default: []].append(unit)
        }
        return order.map { ($0, byPart[$0]!) }
    }

    // MARK: - 1.2

    static func text1(_ units: [ExchangeUnit], language: String) -> String {
        var xml = XMLWriter()
        xml.open("xliff", ["version": "1.2", "xmlns": namespace1])
        for (part, units) in parts(units) {
            xml.open("file", [
                "original": units[0].file, "source-language": units[0].sourceLanguage, "target-language": language,
                "datatype": "plaintext", "category": part, "tool-id": "wegwijs",
            ])
            xml.open("header")
            xml.element("tool", ["tool-id": "wegwijs", "tool-name": "Wegwijs"], text: nil)
            xml.close()
            xml.open("body")
            for unit in units {
                let codes = UnitCodes(source: unit.source, target: unit.target)
                var approved: String?
                var state: String?
                switch unit.state {
                case .untranslated: break
                case .translated:
                    approved = "yes"
                    state = "translated"
                case .unverified: state = "translated"
                case .outdated: state = "needs-review-translation"
                }
                xml.open("trans-unit", ["id": unit.place, "resname": unit.place, "approved": approved, "xml:space": "preserve"])
                xml.element("source", markup: inline1(codes.source, unit: unit))
                if let target = codes.target, unit.state != .untranslated {
                    xml.element("target", ["xml:lang": language, "state": state], markup: inline1(target, unit: unit))
                }
                xml.open("context-group", ["purpose": "location"])
                xml.element("context", ["context-type": "sourcefile"], text: unit.file)
                xml.element("context", ["context-type": "linenumber"], text: String(unit.line))
                xml.close()
                for note in unit.notes { xml.element("note", ["from": toolNoteSource], text: note) }
                for note in unit.translatorNotes { xml.element("note", ["from": "translator"], text: note) }
                if case .outdated(let previous) = unit.state, let target = codes.target {
                    let old = UnitCodes(source: previous, target: "")
                    xml.open("alt-trans", ["alttranstype": "previous-version"])
                    xml.element("source", markup: inline1(old.source, unit: unit))
                    xml.element("target", ["xml:lang": language], markup: inline1(target, unit: unit))
                    xml.close()
                }
                xml.close()
            }
            xml.close()
            xml.close()
        }
        xml.close()
        return xml.text
    }

    /// The ctype of a code in 1.2.
    static func ctype(_ code: SegmentedText.Code) -> String {
        switch code.kind {
        case .emphasis: "italic"
        case .strong: "bold"
        case .link where code.role != .placeholder: "link"
        case .image: "image"
        default: "x-wegwijs-\(code.kind.rawValue)"
        }
    }

    static func inline1(_ text: SegmentedText, unit: ExchangeUnit) -> String {
        var markup = ""
        for piece in text.pieces {
            switch piece {
            case .text(let value): markup += XMLWriter.escapeText(value)
            case .code(let code):
                let native = XMLWriter.escapeText(code.native)
                switch code.role {
                case .placeholder:
                    let shows = code.destination.flatMap { unit.linkDisplays[$0] }
                    markup += "<ph" + XMLWriter.attributes(["id": String(code.id), "ctype": ctype(code), "equiv-text": shows]) + ">" + native + "</ph>"
                case .opening:
                    markup += "<bpt" + XMLWriter.attributes(["id": String(code.id), "ctype": ctype(code)]) + ">" + native + "</bpt>"
                case .closing:
                    markup += "<ept" + XMLWriter.attributes(["id": String(code.id)]) + ">" + native + "</ept>"
                }
            }
        }
        return markup
    }

    // MARK: - 2.1

    static func text2(_ units: [ExchangeUnit], language: String, sourceLanguage: String) -> String {
        var xml = XMLWriter()
        xml.open("xliff", [
            "xmlns": namespace2, "xmlns:mtc": matchesNamespace, "version": "2.1", "srcLang": sourceLanguage, "trgLang": language,
        ])
        for (index, (part, units)) in parts(units).enumerated() {
            xml.open("file", ["id": "f\(index + 1)", "original": units[0].file])
            xml.open("notes")
            xml.element("note", ["category": "part"], text: part)
            xml.close()
            for (offset, unit) in units.enumerated() {
                let codes = UnitCodes(source: unit.source, target: unit.target)
                let state: String
                switch unit.state {
                case .untranslated, .outdated: state = "initial"
                case .translated: state = "final"
                case .unverified: state = "translated"
                }
                xml.open("unit", ["id": "u\(offset + 1)", "name": unit.place, "xml:space": "preserve"])
                if case .outdated(let previous) = unit.state, let target = codes.target {
                    let old = UnitCodes(source: previous, target: "")
                    xml.open("mtc:matches")
                    xml.open("mtc:match", ["ref": "#s1", "type": "tm", "subType": "wegwijs:previous-version"])
                    writeOriginalData(originalData(old, prefix: "p") + originalData(codes), to: &xml)
                    xml.element("source", markup: inline2(old.source, unit: unit, data: "p"))
                    xml.element("target", markup: inline2(target, unit: unit, data: "d"))
                    xml.close()
                    xml.close()
                }
                let notes = unit.notes.map { (toolNoteSource, $0) } + unit.translatorNotes.map { ("translator", $0) }
                xml.open("notes")
                xml.element("note", ["category": "location"], text: "\(unit.file):\(unit.line)")
                for (category, note) in notes { xml.element("note", ["category": category], text: note) }
                xml.close()
                writeOriginalData(originalData(codes), to: &xml)
                xml.open("segment", ["id": "s1", "state": state])
                xml.element("source", markup: inline2(codes.source, unit: unit, data: "d"))
                if let target = codes.target, unit.state != .untranslated {
                    xml.element("target", markup: inline2(target, unit: unit, data: "d"))
                }
                xml.close()
                xml.close()
            }
            xml.close()
        }
        xml.close()
        return xml.text
    }

    static func writeOriginalData(_ data: [(String, String)], to xml: inout XMLWriter) {
        guard !data.isEmpty else { return }
        xml.open("originalData")
        for (id, native) in data { xml.element("data", ["id": id], text: native) }
        xml.close()
    }

    /// The `<data>` of every code of the unit (source and translation share the numbers), `d3` a placeholder or
    /// the start of pair 3, `d3e` its end.
    static func originalData(_ codes: UnitCodes, prefix: String = "d") -> [(String, String)] {
        codes.codes.keys.sorted().flatMap { id -> [(String, String)] in
            let entry = codes.codes[id]!
            return [("\(prefix)\(id)", entry.start.native)] + (entry.end.map { [("\(prefix)\(id)e", $0.native)] } ?? [])
        }
    }

    static func inline2(_ text: SegmentedText, unit: ExchangeUnit, data: String) -> String {
        var markup = ""
        for piece in text.pieces {
            switch piece {
            case .text(let value): markup += XMLWriter.escapeText(value)
            case .code(let code):
                switch code.role {
                case .placeholder:
                    let shows = code.destination.flatMap { unit.linkDisplays[$0] } ?? code.native
                    markup += "<ph" + XMLWriter.attributes([
                        "id": String(code.id), "dataRef": "\(data)\(code.id)", "disp": shows, "type": type2(code), "subType": subType2(code),
                    ]) + "/>"
                case .opening:
                    markup += "<pc" + XMLWriter.attributes([
                        "id": String(code.id), "dataRefStart": "\(data)\(code.id)", "dataRefEnd": "\(data)\(code.id)e", "type": type2(code),
                        "subType": subType2(code),
                    ]) + ">"
                case .closing:
                    markup += "</pc>"
                }
            }
        }
        return markup
    }

    static func type2(_ code: SegmentedText.Code) -> String {
        switch code.kind {
        case .emphasis, .strong: "fmt"
        case .link, .term, .input, .reference, .callout: "link"
        case .image: "image"
        case .code, .html, .block: "other"
        }
    }

    static func subType2(_ code: SegmentedText.Code) -> String? {
        switch code.kind {
        case .emphasis: "xlf:i"
        case .strong: "xlf:b"
        default: nil
        }
    }
}
