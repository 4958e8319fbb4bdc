import Foundation
import WegwijsCore
import WegwijsTestSupport

/// The example guides made as PDF once per test run, by `wegwijs pdf --combined`, for every test that reads them:
/// WeasyPrint takes seconds per guide.
struct ExamplePDFs: Sendable {
    /// What the command printed and how it ended.
    let result: CommandRunner.Result
    /// The files it wrote under `print/`.
    let printFiles: [String]
    /// The text of each PDF, by name: `en`, `nl`, `guide`.
    let pdfs: [String: PrintedPages]
    /// The print document each PDF was made from, by the same names.
    let documents: [String: String]
    /// What each PDF says of its structure, by the same names: whether it is tagged (`pdfinfo`) and every
    /// language it names (`/Lang` entries, read with `qpdf --qdf`).
    let tagging: [String: (isTagged: Bool, languages: [String])]

    /// Made on first use, then shared.
    static let shared: Result<ExamplePDFs, PrintedPages.Failure> = make()

    static func make() -> Result<ExamplePDFs, PrintedPages.Failure> {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("wegwijs-pdf-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let repository = Repository.root
        let output = scratch.appendingPathComponent("output")
        do {
            let result = try CommandRunner.run(
                ["pdf", "--combined", "--content", repository.appendingPathComponent("content").path,
                 "--templates", repository.appendingPathComponent("templates").path, "--output", output.path],
                in: repository)
            let print = output.appendingPathComponent("print")
            let files = ((try? FileManager.default.contentsOfDirectory(atPath: print.path)) ?? []).sorted()
            var pdfs: [String: PrintedPages] = [:]
            var documents: [String: String] = [:]
            var tagging: [String: (isTagged: Bool, languages: [String])] = [:]
            if result.status == 0 {
                for name in ["en", "nl", "guide"] {
                    let pdf = print.appendingPathComponent("\(name).pdf")
                    pdfs[name] = try PrintedPages(pdf: pdf)
                    documents[name] = try String(contentsOf: print.appendingPathComponent("\(name).html"), encoding: .utf8)
                    tagging[name] = try Self.tagging(of: pdf, in: scratch)
                }
            }
            return .success(ExamplePDFs(result: result, printFiles: files, pdfs: pdfs, documents: documents, tagging: tagging))
        } catch let failure as PrintedPages.Failure {
            return .failure(failure)
        } catch {
            return .failure(PrintedPages.Failure(description: "cannot make the example PDFs: \(error)"))
        }
    }
}

extension ExamplePDFs {
    /// Whether `pdf` is tagged, and the languages its `/Lang` entries name (the catalogue's and any structure
    /// element's), in file order: `qpdf --qdf` writes every object uncompressed.
    static func tagging(of pdf: URL, in scratch: URL) throws -> (isTagged: Bool, languages: [String]) {
        let info = try XLIFFTools.run("pdfinfo", [pdf.path])
        guard info.status == 0 else { throw PrintedPages.Failure(description: "pdfinfo failed: \(info.error)") }
        let plain = scratch.appendingPathComponent(pdf.lastPathComponent + ".qdf")
        let qdf = try XLIFFTools.run("qpdf", ["--qdf", "--object-streams=disable", pdf.path, plain.path])
        guard qdf.status == 0, let data = FileManager.default.contents(atPath: plain.path) else {
            throw PrintedPages.Failure(description: "qpdf failed (install qpdf): \(qdf.error)")
        }
        let text = String(decoding: data, as: UTF8.self)
        let languages = text.components(separatedBy: "/Lang (").dropFirst().map { String($0.prefix { $0 != ")" }) }
        let isTagged = info.output.split(separator: "\n").contains { $0.hasPrefix("Tagged:") && $0.hasSuffix("yes") }
        return (isTagged, languages)
    }
}

/// What the example content's printed guide should show, from the model: each procedure's title and the
/// labels of the steps that can be referred to, per language.
struct ExpectedGuide {
    /// A procedure in one language.
    struct Chapter {
        var title: String
        var group: String
        /// Step title → the label a reference to the step shows ("step 2: Fill in …").
        var steps: [(title: String, label: String)]
    }

    let session: ContentSession

    init() throws {
        var timings = Timings()
        let repository = Repository.root
        let (session, _) = ContentSession.open(
            .init(content: repository.appendingPathComponent("content"), templates: repository.appendingPathComponent("templates")),
            timings: &timings)
        guard let session else { throw PrintedPages.Failure(description: "the example content does not load") }
        self.session = session
    }

    /// The procedures in the printed guide's order.
    func chapters(in language: String) -> [Chapter] {
        let site = session.site
        // In the language's reading order, as the printed guide has them (ProcedureOrder).
        return session.plainTexts.readingOrder(in: language).map { procedure in
            let steps = procedure.steps.enumerated().compactMap { offset, entry -> (String, String)? in
                guard case .step(let step) = entry, step.hasExplicitID else { return nil }
                let title = session.plainTexts.plain(step.title, in: language, procedure: procedure)
                let label = session.strings.string("reference.step", in: language, ["number": String(offset + 1), "title": title])
                return (title, label)
            }
            let group = site.group(procedure.group).map { session.plainTexts.plain($0.title, in: language, procedure: nil) } ?? ""
            return Chapter(title: session.plainTexts.title(of: procedure, in: language), group: group, steps: steps)
        }
    }

    /// An interface string.
    func string(_ key: String, in language: String) -> String {
        session.strings.string(key, in: language)
    }
}
