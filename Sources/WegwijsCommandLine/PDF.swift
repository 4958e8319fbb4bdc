import ArgumentParser
import Foundation
import WegwijsCore

/// `wegwijs pdf`: build, then lay out the printed guides as PDF with WeasyPrint.
struct PDF: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pdf",
        abstract: "Build, then make the printed guides as PDF in the output's print/ folder (needs WeasyPrint).",
        discussion: """
            Builds everything as 'build' does, then lays out print/<lang>.html as print/<lang>.pdf with WeasyPrint \
            (with --combined also print/guide.html, every language in one booklet, as print/guide.pdf), and only \
            then replaces the output folder: when anything fails, the output stays as it was. A later 'build' \
            replaces the output again, PDFs included.
            """)

    @OptionGroup var options: ContentOptions

    @Option(help: ArgumentHelp("The output folder; replaced as a whole when the build and the PDFs succeed.", valueName: "dir"))
    var output: String = "output"

    @Flag(help: "Refuse to build when there are warnings, such as untranslated texts.")
    var strict = false

    @Option(
        name: .customLong("lang"),
        help: ArgumentHelp("Make the PDF of only this language (repeatable); every language is still built.", valueName: "code"))
    var languages: [String] = []

    @Flag(help: "Also make the booklet of every language, print/guide.pdf, its pages numbered on through the booklet.")
    var combined = false

    func run() async throws {
        guard let weasyPrint = WeasyPrint.find() else {
            Report.printError(
                "'wegwijs pdf' needs WeasyPrint, and there is no 'weasyprint' on PATH",
                notes: ["Install it, then run the command again:"] + WeasyPrint.installAdvice.map { "  \($0)" })
            throw ExitCode(1)
        }
        var reports: [WeasyPrint.Report] = []
        let action = BuildAction(options: options, output: output, strict: strict, languages: [], namedLanguages: languages)
        _ = try await action.run { session, staging in
            let chosen = languages.isEmpty ? session.site.languages : session.site.languages.filter(languages.contains)
            let documents = PrintedGuide.documents(languages: chosen, includesBooklet: combined)
            reports = try weasyPrint.makePDFs(of: documents, in: staging, shownAs: output)
        }
        for report in reports {
            for message in report.messages { Report.printWarning("WeasyPrint on '\(output)/\(report.path)': \(message)") }
        }
        let written = reports.map { "'\(output)/\($0.path)'" }.joined(separator: ", ")
        StandardStreams.printError("Wrote \(written).")
    }
}
