import Foundation
import WegwijsMustache

/// The Mustache templates of `templates/`, compiled once at load and checked against the page models they render.
public struct Templates: Sendable {
    /// The kinds of page a template renders, each with the model it is given.
    enum Page: CaseIterable {
        case procedure, index, languages, fallbackInline, fallbackBlock, printPart, printDocument, notFound, languagesNotFound

        /// The template's name in `format`, or nil when the format has no such page.
        func name(in format: OutputFormat) -> String? {
            switch (self, format) {
            case (.index, .print), (.languages, .print): nil
            case (.printPart, .print), (.printDocument, .print): "\(format.templatePrefix)-\(suffix)"
            case (.printPart, _), (.printDocument, _): nil
            case (.notFound, .html), (.languagesNotFound, .html): "\(format.templatePrefix)-\(suffix)"
            case (.notFound, _), (.languagesNotFound, _): nil
            default: "\(format.templatePrefix)-\(suffix)"
            }
        }

        private var suffix: String {
            switch self {
            case .procedure: "procedure"
            case .index: "index"
            case .languages: "languages"
            case .fallbackInline: "fallback-inline"
            case .fallbackBlock: "fallback-block"
            case .printPart: "part"
            case .printDocument: "document"
            case .notFound: "404"
            case .languagesNotFound: "404-languages"
            }
        }

        /// The shape of the model the page's template is given.
        func schema(strings: TemplateSchema) -> TemplateSchema {
            switch self {
            case .procedure: ProcedurePage.schema(strings: strings)
            case .index: IndexPage.schema(strings: strings)
            case .languages: LanguagesPage.schema
            case .fallbackInline, .fallbackBlock: FallbackText.schema(strings: strings)
            case .printPart: PrintPartPiece.schema(strings: strings)
            case .printDocument: PrintDocumentEdge.schema
            case .notFound: NotFoundPage.schema(strings: strings)
            case .languagesNotFound: LanguagesNotFoundPage.schema
            }
        }
    }

    /// The names (file names without `.mustache`) the renderer uses.
    public static let requiredNames = OutputFormat.allCases.flatMap { format in Page.allCases.compactMap { $0.name(in: format) } }
    /// Files copied to the HTML output as they are.
    public static let assets = ["wegwijs.css", script, icon, notFoundScript]
    /// The script of the root's "page not found", which shows the visitor's language.
    public static let notFoundScript = "wegwijs-404.js"
    /// The site's icon, copied to the output's root beside the stylesheet.
    public static let icon = "favicon.svg"
    /// The script of the HTML pages (search, language switcher), copied to the output's root.
    public static let script = "wegwijs.js"
    /// Files copied to the printed guide's folder as they are.
    public static let printAssets = ["print.css"]

    let library: TemplateLibrary
    /// The templates folder.
    public let directory: URL
    /// The folder as shown in diagnostics.
    public let displayPath: String

    /// Loads and compiles every `*.mustache` in `directory`; syntax errors, missing templates and tags that name
    /// no field of their page's model are reported. `stringKeys` are the interface strings' keys, which
    /// `{{strings.…}}` tags are checked against (not checked when nil).
    public static func load(
        from directory: URL, displayPath: String, stringKeys: [String]? = nil, diagnostics: inout Diagnostics
    ) -> Templates? {
        var library = TemplateLibrary(escape: .html)
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).sorted()
        var hasSyntaxErrors = false
        for name in names where name.hasSuffix(".mustache") {
            let file = "\(displayPath)/\(name)"
            guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent(name).path),
                let text = String(validating: data, as: UTF8.self)
            else {
                diagnostics.error("unreadable-file", at: .start(of: file), "cannot read the template as UTF-8 text")
                hasSyntaxErrors = true
                continue
            }
            do {
                try library.add(text, named: String(name.dropLast(".mustache".count)))
            } catch {
                let location = SourceLocation(file: file, line: error.line, column: error.column)
                diagnostics.error("template-syntax", at: location, "Mustache syntax error: \(error.message)")
                hasSyntaxErrors = true
            }
        }
        var isComplete = !hasSyntaxErrors
        for name in requiredNames where !library.contains(name) {
            if !names.contains("\(name).mustache") {
                diagnostics.error(
                    "missing-template", at: .start(of: "\(displayPath)/\(name).mustache"), "missing template '\(name).mustache'",
                    notes: ["Use --templates DIR to name the folder with the templates."])
            }
            isComplete = false
        }
        let strings = stringKeys.map(InterfaceStringsTemplate.schema(keys:)) ?? .any
        // A partial is checked with every template that uses it: a problem in it is reported once, for the first
        // page model it fails with.
        var reported = Set<String>()
        for format in OutputFormat.allCases {
            for page in Page.allCases {
                guard let name = page.name(in: format), library.contains(name) else { continue }
                for problem in library.problems(in: name, against: page.schema(strings: strings)) {
                    let location = SourceLocation(file: "\(displayPath)/\(problem.template).mustache", line: problem.line, column: problem.column)
                    if reported.insert("\(problem.template):\(problem.line):\(problem.column)").inserted {
                        diagnostics.error("template-field", at: location, problem.message)
                    }
                    isComplete = false
                }
            }
        }
        for asset in assets + printAssets where !FileManager.default.fileExists(atPath: directory.appendingPathComponent(asset).path) {
            diagnostics.error("missing-template", at: .start(of: "\(displayPath)/\(asset)"), "missing '\(asset)'")
            isComplete = false
        }
        return isComplete ? Templates(library: library, directory: directory, displayPath: displayPath) : nil
    }

    /// Renders the template of `page` in `format` with `model`.
    func render(_ page: Page, in format: OutputFormat, _ model: some TemplateObject) -> String {
        guard let name = page.name(in: format) else { return "" }
        return library.render(name, with: .object(model))
    }
}
