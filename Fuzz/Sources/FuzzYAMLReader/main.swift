import FuzzSupport
import Foundation
@testable import WegwijsCore

// One YAML file's bytes through the event reader alone (YAMLFile.read: UTF-8 and NUL checks, libyaml's
// events, the alias budget, nesting, duplicate keys), then every node of the document it gives walked as
// NodeReader reads it, with the document's own promises checked: each collection's start and end events
// point at each other, every mark lies inside the text on a character boundary and ends where it starts
// or later, and (where libyaml's line breaks are only LF and CRLF) each mark's byte offset is at its line
// and column. Any broken promise stops the fuzzer.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzYAMLReader(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = fuzzInput(data, size)
    var diagnostics = Diagnostics()
    let root = YAMLFile.read(bytes, displayPath: "fuzz.yaml", diagnostics: &diagnostics)
    for diagnostic in diagnostics.all {
        _ = DiagnosticFormatter(usesColor: true, sourceLine: { _ in String(repeating: "x", count: 300) }).text(diagnostic)
    }
    guard let root else { return 0 }
    let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes
    let text = Array(body)
    check(root.document, text: text)
    var reader = NodeReader(file: "fuzz.yaml", languages: ["en", "nl"])
    walk(root, reader: &reader, depth: 0)
    return 0
}

/// Reads every node the way the loaders do: as a mapping of fields, a text, a list, a string and an id.
func walk(_ node: YAMLNode, reader: inout NodeReader, depth: Int) {
    _ = reader.location(of: node)
    _ = reader.describe(node)
    _ = reader.isNull(node)
    _ = reader.text(node, what: "a text")
    switch node.content {
    case .scalar:
        _ = reader.id(node, what: "an id")
    case .sequence(let items):
        // Aliases make a document a graph: the budget bounds its size, depth bounds the walk.
        guard depth < 64 else { return }
        for item in items { walk(item, reader: &reader, depth: depth + 1) }
    case .mapping(let pairs):
        _ = reader.fields(of: node, what: "a mapping", known: ["title", "steps", "en", "nl"])
        guard depth < 64 else { return }
        for (key, value) in pairs {
            walk(key, reader: &reader, depth: depth + 1)
            walk(value, reader: &reader, depth: depth + 1)
        }
    }
}

func check(_ document: YAMLDocument, text: [UInt8]) {
    let hasOtherBreaks = String(decoding: text, as: UTF8.self).unicodeScalars.contains {
        $0 == "\r" || $0 == "\u{85}" || $0 == "\u{2028}" || $0 == "\u{2029}"
    }
    var lineStarts = [0]
    for (offset, byte) in text.enumerated() where byte == UInt8(ascii: "\n") { lineStarts.append(offset + 1) }
    func checkMark(_ mark: YAMLMark, _ what: String, isStart: Bool) {
        let offset = Int(mark.offset)
        guard offset <= text.count else { fatalError("\(what): offset \(offset) past the text's \(text.count) bytes") }
        guard offset == text.count || text[offset] & 0xC0 != 0x80 else { fatalError("\(what): offset \(offset) inside a character") }
        guard !hasOtherBreaks else { return }
        // At the end of a text without a final line break libyaml marks the start of a line after the
        // last; start marks keep that (diagnostics use them as Yams did), end marks are on the last line.
        if isStart, offset == text.count, text.last != UInt8(ascii: "\n"), Int(mark.line) == lineStarts.count, mark.column == 0 {
            return
        }
        guard Int(mark.line) < lineStarts.count else { fatalError("\(what): line \(mark.line) past the last line") }
        let lineStart = lineStarts[Int(mark.line)]
        let column = String(decoding: text[lineStart..<max(lineStart, offset)], as: UTF8.self).unicodeScalars.count
        guard offset >= lineStart, column == Int(mark.column) else {
            fatalError("\(what): offset \(offset) is not at line \(mark.line), column \(mark.column)")
        }
    }
    var open: [Int] = []
    for (index, event) in document.events.enumerated() {
        checkMark(event.start, "event \(index) start", isStart: true)
        checkMark(event.end, "event \(index) end", isStart: false)
        guard event.start.offset <= event.end.offset else { fatalError("event \(index) ends before it starts") }
        switch event.kind {
        case .sequenceStart, .mappingStart:
            open.append(index)
            guard Int(event.link) < document.events.count, document.events[Int(event.link)].link == UInt32(index) else {
                fatalError("event \(index): its end does not point back")
            }
        case .collectionEnd:
            guard let start = open.popLast(), Int(event.link) == start else { fatalError("event \(index): unmatched end") }
        case .alias:
            guard Int(event.link) < index, document.events[Int(event.link)].kind != .alias,
                document.events[Int(event.link)].kind != .collectionEnd
            else { fatalError("event \(index): the alias names no earlier node") }
        case .scalar:
            guard Int(event.valueStart + event.valueCount) <= document.values.count else { fatalError("event \(index): value out of range") }
        }
    }
    guard open.isEmpty else { fatalError("collections left open") }
}
