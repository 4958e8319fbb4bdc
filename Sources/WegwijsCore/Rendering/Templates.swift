import Foundation
import Mustache

/// The Mustache templates of `templates/`, checked for every template the renderer needs.
public struct Templates: Sendable {
    /// The names (file names without `.mustache`) the renderer uses.
    public static let requiredNames = [
        "html-procedure", "html-index", "html-languages", "md-procedure", "md-index", "md-languages",
        "html-fallback-inline", "html-fallback-block", "md-fallback-inline", "md-fallback-block",
        "print-document", "print-part", "print-procedure", "print-fallback-inline", "print-fallback-block",
    ]
    /// Files copied to the HTML output as they are.
    public static let assets = ["wegwijs.css", script]
    /// The script of the HTML pages (search, language switcher), copied to the output's root.
    public static let script = "wegwijs.js"
    /// Files copied to the printed guide's folder as they are.
    public static let printAssets = ["print.css"]

    let library: MustacheLibrary
    /// The templates folder.
    public let directory: URL
    /// The folder as shown in diagnostics.
    public let displayPath: String

    /// Loads every `*.mustache` in `directory`; syntax errors and missing templates are reported.
    public static func load(from directory: URL, displayPath: String, diagnostics: inout Diagnostics) -> Templates? {
        var library = MustacheLibrary()
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).sorted()
        for name in names where name.hasSuffix(".mustache") {
            let file = "\(displayPath)/\(name)"
            guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent(name).path),
                let text = String(validating: data, as: UTF8.self)
            else {
                diagnostics.error("unreadable-file", at: .start(of: file), "cannot read the template as UTF-8 text")
                continue
            }
            do {
                library.register(try MustacheTemplate(string: text), named: String(name.dropLast(".mustache".count)))
            } catch let error as MustacheTemplate.ParserError {
                let location = SourceLocation(file: file, line: error.context.lineNumber, column: error.context.columnNumber)
                diagnostics.error("template-syntax", at: location, "Mustache syntax error: \(describe(error.error))")
            } catch {
                diagnostics.error("template-syntax", at: .start(of: file), "Mustache syntax error")
            }
        }
        var isComplete = true
        for name in requiredNames where library.getTemplate(named: name) == nil {
            if !names.contains("\(name).mustache") {
                diagnostics.error(
                    "missing-template", at: .start(of: "\(displayPath)/\(name).mustache"), "missing template '\(name).mustache'",
                    notes: ["Use --templates DIR to name the folder with the templates."])
            }
            isComplete = false
        }
        for asset in assets + printAssets where !FileManager.default.fileExists(atPath: directory.appendingPathComponent(asset).path) {
            diagnostics.error("missing-template", at: .start(of: "\(displayPath)/\(asset)"), "missing '\(asset)'")
            isComplete = false
        }
        return isComplete ? Templates(library: library, directory: directory, displayPath: displayPath) : nil
    }

    /// Renders template `name` with `context`.
    func render(_ name: String, _ context: [String: Any]) -> String {
        library.render(context, withTemplate: name) ?? ""
    }

    static func describe(_ error: Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "invalid template" }
        switch error {
        case .sectionCloseNameIncorrect: return "a section is closed with another name than it was opened with"
        case .unfinishedName: return "a tag is not closed with '}}'"
        case .expectedSectionEnd: return "a section is opened but never closed"
        case .invalidSetDelimiter: return "invalid set-delimiter tag"
        case .transformAppliedToInheritanceSection: return "a transform cannot apply to an inheritance section"
        case .illegalTokenInsideInheritSection: return "only blocks may stand inside an inheritance section"
        case .textInsideInheritSection: return "text inside an inheritance section"
        case .invalidConfigVariableSyntax: return "invalid configuration tag"
        case .unrecognisedConfigVariable: return "unknown configuration variable"
        @unknown default: return "invalid template"
        }
    }
}
