import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Reads an XLIFF 1.2 or 2.x document back into translations, reporting every problem at its line and column.
///
/// 1.2: each `<trans-unit>`'s place is its `resname` (else its `id`), its translation the `<target>`; a unit
/// whose target's `state` is `needs-translation`, `new` or `needs-…`/`needs-review-…` is not final. 2.x:
/// each `<unit>`'s place is its `name`; a `<segment>` (a unit's segments are joined) is final when its `state`
/// is `translated`, `reviewed` or `final` (2.x's default, `initial`, is not). Inline codes (`<ph>`, `<x>`,
/// `<bpt>`/`<ept>`, `<g>` in 1.2; `<ph>`, `<pc>`, `<sc>`/`<ec>` in 2.x) are looked up by their `id` among the
/// unit's source codes and turned back into the CommonMark they stand for (``UnitCodes``). Notes not written by
/// Wegwijs are the translator's. The target language is the document's (`target-language`, `trgLang`).
public struct XLIFFReader {
    /// What was read.
    public struct Document: Sendable {
        public var version: String
        /// The target language the document names (the first `<file>`'s, for 1.2).
        public var targetLanguage: String?
        public var translations: [ExchangedTranslation]
    }

    /// One element as read, with where it starts.
    final class Element {
        let name: String
        let namespace: String?
        let attributes: [String: String]
        let line: Int
        let column: Int
        var children: [Node] = []
        init(name: String, namespace: String?, attributes: [String: String], line: Int, column: Int) {
            self.name = name
            self.namespace = namespace
            self.attributes = attributes
            self.line = line
            self.column = column
        }
        var elements: [Element] { children.compactMap { if case .element(let e) = $0 { e } else { nil } } }
        func first(_ name: String) -> Element? { elements.first { $0.name == name } }
        var text: String {
            children.map { node in
                switch node {
                case .text(let value): value
                case .element(let element): element.text
                }
            }.joined()
        }
    }

    enum Node {
        case text(String)
        case element(Element)
    }

    let file: String

    /// Reads `data`; the document is nil when the file is not XLIFF or not well-formed (the diagnostics say why).
    /// `sourceCodes` gives the inline codes of a place's current source and translation, to restore markup with.
    public static func read(
        _ data: Data, file: String, codes: (String) -> UnitCodes?
    ) -> (document: Document?, diagnostics: Diagnostics) {
        let reader = XLIFFReader(file: file)
        return reader.read(data, codes: codes)
    }

    func location(_ line: Int, _ column: Int) -> SourceLocation {
        SourceLocation(file: file, line: max(1, line), column: max(1, column))
    }

    func location(of element: Element) -> SourceLocation { location(element.line, element.column) }

    func read(_ data: Data, codes: (String) -> UnitCodes?) -> (document: Document?, diagnostics: Diagnostics) {
        var diagnostics = Diagnostics()
        let builder = TreeBuilder()
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        parser.delegate = builder
        builder.parser = parser
        if !parser.parse() || builder.failure != nil {
            let failure = builder.failure ?? (parser.parserError?.localizedDescription ?? "the file is not well-formed XML")
            let line = builder.failureLine ?? parser.lineNumber
            let column = builder.failureColumn ?? parser.columnNumber
            diagnostics.error("xliff-syntax", at: location(line, column), "not well-formed XML: \(failure)")
            return (nil, diagnostics)
        }
        guard let root = builder.root, root.name == "xliff",
            root.namespace == XLIFFWriter.namespace1 || root.namespace == XLIFFWriter.namespace2
        else {
            diagnostics.error(
                "xliff-syntax", at: location(builder.root?.line ?? 1, builder.root?.column ?? 1),
                "not an XLIFF document: the root element must be <xliff> in the XLIFF 1.2 or 2.x namespace")
            return (nil, diagnostics)
        }
        let version = root.attributes["version"] ?? (root.namespace == XLIFFWriter.namespace1 ? "1.2" : "2.0")
        var document = Document(version: version, targetLanguage: nil, translations: [])
        if root.namespace == XLIFFWriter.namespace1 {
            read1(root, into: &document, codes: codes, diagnostics: &diagnostics)
        } else {
            document.targetLanguage = root.attributes["trgLang"]
            read2(root, into: &document, codes: codes, diagnostics: &diagnostics)
        }
        return (diagnostics.hasErrors ? nil : document, diagnostics)
    }

    // MARK: - 1.2

    func read1(_ root: Element, into document: inout Document, codes: (String) -> UnitCodes?, diagnostics: inout Diagnostics) {
        var seen: [String: Int] = [:]
        for file in root.elements where file.name == "file" {
            let language = file.attributes["target-language"]
            if document.targetLanguage == nil { document.targetLanguage = language }
            if let language, let first = document.targetLanguage, language != first {
                diagnostics.error(
                    "xliff-syntax", at: location(of: file),
                    "this <file> is for '\(language)', the first for '\(first)': one document holds one target language")
            }
            for unit in units1(in: file) {
                guard let place = unit.attributes["resname"] ?? unit.attributes["id"] else {
                    document.translations.append(ExchangedTranslation(place: nil, source: "", target: nil, needsReview: false, location: location(of: unit)))
                    continue
                }
                if let first = seen[place] {
                    diagnostics.error("xliff-duplicate", at: location(of: unit), "a second unit for '\(place)' (the first is at line \(first))")
                    continue
                }
                seen[place] = unit.line
                let table = codes(place)
                let sourceElement = unit.first("source")
                let source = sourceElement.map { plain($0, codes: table) } ?? ""
                let targetElement = unit.first("target")
                let state = targetElement?.attributes["state"] ?? ""
                let needsReview = unit.attributes["approved"] != "yes"
                    && (state.hasPrefix("needs-") || state == "new" || state.hasPrefix("x-needs"))
                var translation = ExchangedTranslation(
                    place: place, source: source, target: "", needsReview: needsReview, location: location(of: targetElement ?? unit))
                if let targetElement {
                    let pieces = inline1(targetElement, diagnostics: &translation.problems)
                    if let table {
                        let (text, problems) = table.restore(pieces, at: location(of: targetElement))
                        translation.target = text
                        translation.problems.append(contentsOf: problems)
                    } else {
                        translation.target = pieces.map { if case .text(let value) = $0 { value } else { "" } }.joined()
                    }
                }
                translation.translatorNotes = unit.elements.filter { $0.name == "note" && $0.attributes["from"] != XLIFFWriter.toolNoteSource }
                    .map(\.text)
                document.translations.append(translation)
            }
        }
    }

    /// The trans-units of a file, also inside `<group>`s.
    func units1(in element: Element) -> [Element] {
        element.elements.flatMap { child -> [Element] in
            switch child.name {
            case "trans-unit": [child]
            case "body", "group": units1(in: child)
            default: []
            }
        }
    }

    /// A source as CommonMark: its codes stand for the current source's (to compare it with the content's).
    func plain(_ element: Element, codes: UnitCodes?) -> String {
        var ignored = Diagnostics()
        let pieces = element.namespace == XLIFFWriter.namespace1 ? inline1(element, diagnostics: &ignored) : inline2(element, diagnostics: &ignored)
        guard let codes else { return element.text }
        return codes.restore(pieces, at: location(of: element)).text ?? element.text
    }

    func inline1(_ element: Element, diagnostics: inout Diagnostics) -> [UnitCodes.ReadPiece] {
        var pieces: [UnitCodes.ReadPiece] = []
        for child in element.children {
            switch child {
            case .text(let value): pieces.append(.text(value))
            case .element(let code):
                let at = location(of: code)
                let role: SegmentedText.Code.Role?
                switch code.name {
                case "ph", "x": role = .placeholder
                case "bpt", "bx": role = .opening
                case "ept", "ex": role = .closing
                case "g":
                    guard let id = code.attributes["id"].flatMap(Int.init) else {
                        pieces.append(.unknownCode(name: "<g id=\"\(code.attributes["id"] ?? "")\">", location: at))
                        continue
                    }
                    pieces.append(.code(.init(id: id, role: .opening, location: at)))
                    pieces += inline1(code, diagnostics: &diagnostics)
                    pieces.append(.code(.init(id: id, role: .closing, location: at)))
                    continue
                case "mrk":
                    pieces += inline1(code, diagnostics: &diagnostics)
                    continue
                default: role = nil
                }
                let idText = code.attributes["id"] ?? code.attributes["rid"] ?? ""
                guard let role, let id = Int(idText) else {
                    pieces.append(.unknownCode(name: "<\(code.name) id=\"\(idText)\">", location: at))
                    continue
                }
                pieces.append(.code(.init(id: id, role: role, location: at)))
            }
        }
        return pieces
    }

    // MARK: - 2.x

    func read2(_ root: Element, into document: inout Document, codes: (String) -> UnitCodes?, diagnostics: inout Diagnostics) {
        var seen: [String: Int] = [:]
        for file in root.elements where file.name == "file" {
            for unit in units2(in: file) {
                guard let place = unit.attributes["name"] else {
                    document.translations.append(ExchangedTranslation(place: nil, source: "", target: nil, needsReview: false, location: location(of: unit)))
                    continue
                }
                if let first = seen[place] {
                    diagnostics.error("xliff-duplicate", at: location(of: unit), "a second unit for '\(place)' (the first is at line \(first))")
                    continue
                }
                seen[place] = unit.line
                let table = codes(place)
                let segments = unit.elements.filter { $0.name == "segment" || $0.name == "ignorable" }
                var sourcePieces: [UnitCodes.ReadPiece] = []
                var targetPieces: [UnitCodes.ReadPiece] = []
                var problems = Diagnostics()
                var needsReview = false
                var hasTarget = false
                for segment in segments {
                    if let source = segment.first("source") { sourcePieces += inline2(source, diagnostics: &problems) }
                    if let target = segment.first("target") {
                        hasTarget = true
                        targetPieces += inline2(target, diagnostics: &problems)
                    }
                    if segment.name == "segment", !["translated", "reviewed", "final"].contains(segment.attributes["state"] ?? "initial") {
                        needsReview = true
                    }
                }
                let at = location(of: segments.first?.first("target") ?? unit)
                var translation = ExchangedTranslation(place: place, source: "", target: "", needsReview: needsReview && hasTarget, location: at)
                translation.problems = problems
                if let table {
                    translation.source = table.restore(sourcePieces, at: at).text ?? ""
                    if hasTarget {
                        let (text, found) = table.restore(targetPieces, at: at)
                        translation.target = text
                        translation.problems.append(contentsOf: found)
                    }
                } else {
                    translation.source = sourcePieces.map { if case .text(let value) = $0 { value } else { "" } }.joined()
                }
                let notes = unit.first("notes")?.elements.filter { $0.name == "note" } ?? []
                translation.translatorNotes = notes.filter { ![XLIFFWriter.toolNoteSource, "location"].contains($0.attributes["category"] ?? "") }
                    .map(\.text)
                document.translations.append(translation)
            }
        }
    }

    func units2(in element: Element) -> [Element] {
        element.elements.flatMap { child -> [Element] in
            switch child.name {
            case "unit": [child]
            case "group": units2(in: child)
            default: []
            }
        }
    }

    func inline2(_ element: Element, diagnostics: inout Diagnostics) -> [UnitCodes.ReadPiece] {
        var pieces: [UnitCodes.ReadPiece] = []
        for child in element.children {
            switch child {
            case .text(let value): pieces.append(.text(value))
            case .element(let code):
                let at = location(of: code)
                let idText = code.name == "ec" ? (code.attributes["startRef"] ?? code.attributes["id"] ?? "") : (code.attributes["id"] ?? "")
                if code.name == "mrk" {
                    pieces += inline2(code, diagnostics: &diagnostics)
                    continue
                }
                guard ["ph", "pc", "sc", "ec"].contains(code.name), let id = Int(idText) else {
                    pieces.append(.unknownCode(name: "<\(code.name) id=\"\(idText)\">", location: at))
                    continue
                }
                switch code.name {
                case "ph": pieces.append(.code(.init(id: id, role: .placeholder, location: at)))
                case "sc": pieces.append(.code(.init(id: id, role: .opening, location: at)))
                case "ec": pieces.append(.code(.init(id: id, role: .closing, location: at)))
                default:
                    pieces.append(.code(.init(id: id, role: .opening, location: at)))
                    pieces += inline2(code, diagnostics: &diagnostics)
                    pieces.append(.code(.init(id: id, role: .closing, location: at)))
                }
            }
        }
        return pieces
    }
}

/// Builds the element tree from the parser's events, with the line and column of each element.
final class TreeBuilder: NSObject, XMLParserDelegate {
    weak var parser: XMLParser?
    var root: XLIFFReader.Element?
    var stack: [XLIFFReader.Element] = []
    var failure: String?
    var failureLine: Int?
    var failureColumn: Int?
    /// Elements deeper than this are refused: nothing in XLIFF nests so deep, and a hostile file could.
    static let maximumDepth = 200

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        var attributes = attributes
        // The xml: attributes arrive under their prefixed names; keep both spellings.
        if let space = attributes["xml:space"] { attributes["space"] = space }
        let element = XLIFFReader.Element(
            name: elementName, namespace: namespaceURI, attributes: attributes, line: parser.lineNumber, column: parser.columnNumber)
        if stack.count >= Self.maximumDepth {
            fail(parser, "elements nested more than \(Self.maximumDepth) deep")
            return
        }
        if let parent = stack.last { parent.children.append(.element(element)) } else { root = element }
        stack.append(element)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        if !stack.isEmpty { stack.removeLast() }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard let parent = stack.last else { return }
        if case .text(let previous)? = parent.children.last {
            parent.children[parent.children.count - 1] = .text(previous + string)
        } else {
            parent.children.append(.text(string))
        }
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        self.parser(parser, foundCharacters: String(decoding: CDATABlock, as: UTF8.self))
    }

    func parser(_ parser: XMLParser, foundIgnorableWhitespace whitespaceString: String) {
        self.parser(parser, foundCharacters: whitespaceString)
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        if failure == nil {
            failure = (parseError as NSError).localizedDescription
            failureLine = parser.lineNumber
            failureColumn = parser.columnNumber
        }
    }

    func parser(_ parser: XMLParser, foundInternalEntityDeclarationWithName name: String, value: String?) {
        fail(parser, "the document declares entities ('\(name)'), which XLIFF files do not need")
    }

    func fail(_ parser: XMLParser, _ message: String) {
        if failure == nil {
            failure = message
            failureLine = parser.lineNumber
            failureColumn = parser.columnNumber
        }
        parser.abortParsing()
    }
}
