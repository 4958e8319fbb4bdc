import FuzzSupport
import Foundation
import WegwijsMustache

// A template and two partials from one input (split at NUL bytes: the template, partial "p", partial
// "q"), compiled, checked against a fixed schema and rendered against the fixed value tree that schema
// describes, with the engine's promises checked: a syntax error or schema problem points inside its
// template, a render ends and stays within its output bound, renders the same bytes twice, and plain text
// is escaped wherever it is inserted (the sentinel `§` after each character HTML escapes comes out only as
// `&lt;§`, `&amp;§`, … when no template has one of its own). Any broken promise stops the fuzzer.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTemplate(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let parts = fuzzInput(data, size).split(separator: 0, maxSplits: 2, omittingEmptySubsequences: false)
    let names = ["page", "p", "q"]
    var library = TemplateLibrary(escape: .html)
    // The limits at a hundredth of a build's, so that an input that reaches them (a partial including itself
    // twice) takes milliseconds, not seconds: the same code stops the render either way.
    library.expansionLimit = TemplateLibrary.maximumExpansions / 100
    library.outputLimit = TemplateLibrary.maximumOutputSize / 100
    var sources: [String: String] = [:]
    for (name, bytes) in zip(names, parts) {
        let source = String(decoding: bytes, as: UTF8.self)
        sources[name] = source
        do {
            try library.add(source, named: name)
        } catch {
            checkPosition(line: error.line, column: error.column, in: source, what: "syntax error '\(error.message)' in \(name)")
            guard !error.message.isEmpty else { fatalError("syntax error without a message in \(name)") }
        }
    }
    guard library.contains("page") else { return 0 }
    for problem in library.problems(in: "page", against: Fixture.pageSchema) {
        guard let source = sources[problem.template] else { fatalError("a problem in '\(problem.template)', no template of the input") }
        checkPosition(line: problem.line, column: problem.column, in: source, what: "problem '\(problem.message)' in \(problem.template)")
    }
    let output = library.render("page", with: page)
    // The bound is checked before each section item and partial and after each indented line: past it, at
    // most one line of a template, its indentation (at most one per partial level) and a value are appended.
    let bound = library.outputLimit + (TemplateLibrary.maximumPartialDepth + 2) * size + 4096
    guard output.utf8.count <= bound else { fatalError("output of \(output.utf8.count) bytes") }
    guard library.render("page", with: page) == output else { fatalError("two renders differ") }
    if !sources.values.contains(where: { $0.contains("§") }) {
        for unescaped in ["<§", ">§", "\"§", "'§", "&§"] where output.contains(unescaped) {
            fatalError("plain text inserted unescaped: \(unescaped.debugDescription)")
        }
    }
    var plain = TemplateLibrary(escape: .none)
    plain.expansionLimit = library.expansionLimit
    plain.outputLimit = library.outputLimit
    for (name, source) in sources { try? plain.add(source, named: name) }
    _ = plain.render("page", with: page)
    return 0
}

/// Stops the fuzzer unless 1-based `line` and `column` (in Unicode scalars) lie in `source` or just past its end.
func checkPosition(line: Int, column: Int, in source: String, what: String) {
    let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
    guard line >= 1, line <= lines.count else { fatalError("\(what): line \(line) of \(lines.count)") }
    let length = lines[line - 1].unicodeScalars.count
    guard column >= 1, column <= length + 1 else { fatalError("\(what): column \(column) of a line of \(length)") }
}

/// A model of fixed fields: every kind of value a page has.
struct Fields: TemplateObject {
    let fields: [String: TemplateValue]
    func value(forKey key: String) -> TemplateValue? { fields[key] }
}

/// Plain text with the sentinel after each character HTML escapes. No text starts with the sentinel, so a
/// template's own `<` before a value cannot make `<§`; a value ending in it followed by a template's `>`
/// makes `§>`, which is why the sentinel always follows the character (a first run stopped on that).
let hostile = "<§ >§ \"§ '§ &§ <script>alert(1)</script>"

let step = TemplateValue.object(Fields(fields: [
    "number": .integer(1), "text": .text(hostile), "html": .markup("<p>safe</p>"), "done": .bool(false),
    "steps": .list([]), "note": .null,
]))
let page = TemplateValue.object(Fields(fields: [
    "title": .text(hostile), "body": .markup("<em>markup</em>"), "count": .integer(3), "ratio": .decimal(1.5),
    "flag": .bool(true), "off": .bool(false), "none": .null, "empty": .text(""),
    "steps": .list([step, step, .object(Fields(fields: ["number": .integer(2), "text": .text("two"), "steps": .list([step])]))]),
    "words": .list([.text("a<§"), .markup("<b>b</b>"), .integer(0)]),
    "site": .object(Fields(fields: ["name": .text("Wegwijs &§"), "languages": .list([.text("en"), .text("nl")])])),
]))

/// The schema of `page`; a computed static (top-level variables of main.swift belong to the main actor).
enum Fixture {
    static var pageSchema: TemplateSchema {
        let step = TemplateSchema.object(name: "Step", fields: [
            "number": .integer, "text": .text, "html": .markup, "done": .bool, "steps": .list(.any), "note": .optional(.text),
        ])
        return .object(name: "Page", fields: [
            "title": .text, "body": .markup, "count": .integer, "ratio": .decimal, "flag": .bool, "off": .bool,
            "none": .optional(.text), "empty": .text, "steps": .list(step), "words": .list(.any),
            "site": .object(name: "Site", fields: ["name": .text, "languages": .list(.text)]),
        ])
    }
}
