import Foundation

/// Renders every page of a validated site into an output folder, all or nothing.
///
/// Pages render in parallel (one worker per core), each written as soon as it is rendered into a fresh folder
/// beside the output; the folder replaces the output only when every page succeeded.
public struct SiteBuilder: Sendable {
    let session: ContentSession
    let templates: Templates
    /// The languages to render.
    public let languages: [String]

    /// A builder of `languages` (all the site's when empty).
    public init(session: ContentSession, templates: Templates, languages: [String]) {
        self.session = session
        self.templates = templates
        self.languages = languages.isEmpty ? session.site.languages : languages
    }

    /// One unit of parallel work: a page of one procedure, or an index, in one language and format; a piece
    /// (its number in the part's ``PrintPiece``s) of the printed guide of the language at `part` in ``languages``;
    /// or a language's search index.
    enum Job: Sendable {
        case procedure(Int, language: String, format: OutputFormat)
        case index(language: String, format: OutputFormat)
        case printPiece(Int, part: Int)
        case searchIndex(language: String)
    }

    /// Renders everything into `staging` (which must exist and be empty). Returns what it measured.
    public func render(into staging: URL, timings: inout Timings) async throws {
        let site = session.site
        // The printed guides first, in the booklet's order: pieces are handed out in the order they are written,
        // so few wait for an earlier one.
        let printPieces = PrintPiece.pieces(of: site)
        var jobs: [Job] = languages.indices.flatMap { part in printPieces.indices.map { Job.printPiece($0, part: part) } }
        for language in languages { jobs.append(.searchIndex(language: language)) }
        for format in OutputFormat.pageFormats {
            for language in languages {
                jobs.append(.index(language: language, format: format))
                for index in site.procedures.indices { jobs.append(.procedure(index, language: language, format: format)) }
            }
        }
        let writer = OutputWriter(root: staging)
        try writer.createFolders(["html", "md", PrintedGuide.folder] + OutputFormat.pageFormats.flatMap { format in languages.map { "\(format.rawValue)/\($0)" } })

        let renderers = Dictionary(uniqueKeysWithValues: OutputFormat.allCases.flatMap { format in
            languages.map { language in
                ("\(format.rawValue)/\(language)", PageRenderer(
                    site: site, strings: session.strings, templates: templates, plainTexts: session.plainTexts,
                    language: language, format: format))
            }
        })
        let workerCount = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let jobList = jobs
        let next = JobCounter()
        let printDocuments = try openPrintDocuments(in: staging, piecesPerPart: printPieces.count)
        let totals = try await withThrowingTaskGroup(of: WorkerTotals.self) { group in
            for _ in 0..<workerCount {
                group.addTask {
                    var totals = WorkerTotals()
                    let clock = ContinuousClock()
                    // After another worker failed, the build is lost: stop rather than render (and hold back the
                    // print pieces after the failed one) to the end.
                    while !Task.isCancelled, let index = next.take(below: jobList.count) {
                        let jobStart = clock.now
                        var writing = Duration.zero
                        switch jobList[index] {
                        case .procedure(let procedureIndex, let language, let format):
                            let procedure = site.procedures[procedureIndex]
                            writing = try totals.write(renderers["\(format.rawValue)/\(language)"]!.procedurePage(procedure), with: writer)
                            totals.pages += format == .html ? 1 : 0
                        case .index(let language, let format):
                            writing = try totals.write(renderers["\(format.rawValue)/\(language)"]!.indexPage(), with: writer)
                        case .printPiece(let number, let part):
                            let text = renderers["\(OutputFormat.print.rawValue)/\(languages[part])"]!.printPiece(printPieces[number])
                            writing = try clock.measure { try printDocuments.put(text, part: part, number: number) }
                        case .searchIndex(let language):
                            // Rendered and written a procedure at a time: all counted as rendering.
                            let index = SearchIndex(site: site, plainTexts: session.plainTexts, strings: session.strings, language: language)
                            totals.bytes += try writer.write(index.path, pieces: index.write)
                            totals.files += 1
                        }
                        totals.render += clock.now - jobStart - writing
                        totals.write += writing
                    }
                    return totals
                }
            }
            var sum = WorkerTotals()
            for try await totals in group { sum.add(totals) }
            return sum
        }
        // Workers that stopped for a cancellation left jobs undone.
        try Task.checkCancellation()
        let clock = ContinuousClock()
        let sharedStart = clock.now
        let shared = sharedFiles()
        for file in shared { try writer.write(file) }
        let printed = try printDocuments.finish()
        timings.write += clock.now - sharedStart
        timings.render += totals.render
        timings.write += totals.write
        timings.pages = totals.pages
        timings.files = totals.files + shared.count + printed.files
        timings.bytes = totals.bytes + shared.reduce(0) { $0 + $1.contents.count } + printed.bytes
        timings.procedures = site.procedures.count
        timings.textBytes = Self.textBytes(of: site, in: languages) * OutputFormat.allCases.count
    }

    /// Bytes of CommonMark the pages of `languages` render, figure alt texts included (fallbacks and includes not counted).
    static func textBytes(of site: Site, in languages: [String]) -> Int {
        var total = 0
        func add(_ text: Text) {
            for language in languages { total += text.entry(in: language)?.value.utf8.count ?? 0 }
        }
        for procedure in site.procedures {
            procedure.forEachText { text, _, _ in add(text) }
        }
        return total
    }

    /// The language choosers, the stylesheet and the figures.
    func sharedFiles() -> [OutputFile] {
        var files: [OutputFile] = []
        let site = session.site
        for format in OutputFormat.pageFormats {
            let context: [String: Any] = [
                "siteTitle": session.plainTexts.plainWithLanguage(site.title, in: site.sourceLanguage, procedure: nil).text,
                "lang": site.sourceLanguage,
                "languages": languages.map { language -> [String: Any] in
                    [
                        "lang": language, "name": session.strings.string("language.name", in: language),
                        "title": session.plainTexts.plainWithLanguage(site.title, in: language, procedure: nil).text,
                        "choose": session.strings.string("page.choose-language", in: language),
                        "href": format == .html ? "\(language)/index.html" : "\(language)/README.md",
                    ]
                },
            ]
            let name = format == .html ? "html/index.html" : "md/README.md"
            files.append(OutputFile(path: name, text: templates.render("\(format.templatePrefix)-languages", context)))
        }
        for (asset, folder) in Templates.assets.map({ ($0, "html") }) + Templates.printAssets.map({ ($0, PrintedGuide.folder) }) {
            if let data = FileManager.default.contents(atPath: templates.directory.appendingPathComponent(asset).path) {
                files.append(OutputFile(path: "\(folder)/\(asset)", contents: data))
            }
        }
        var seen = Set<String>()
        for procedure in site.procedures {
            for case .step(let step) in procedure.steps {
                for path in step.figure?.allPaths ?? [] where seen.insert(path.value).inserted {
                    guard let url = FigurePath.resolvedURL(of: path.value, in: session.loader.contentDirectory),
                        let data = FileManager.default.contents(atPath: url.path)
                    else { continue }
                    for format in OutputFormat.allCases {
                        files.append(OutputFile(path: "\(format.rawValue)/\(path.value)", contents: data))
                    }
                }
            }
        }
        return files
    }
}

/// Hands out job numbers to workers, each once.
final class JobCounter: @unchecked Sendable {
    private var next = 0
    private let lock = NSLock()

    func take(below limit: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard next < limit else { return nil }
        defer { next += 1 }
        return next
    }
}

struct WorkerTotals: Sendable {
    var render: Duration = .zero
    var write: Duration = .zero
    var pages = 0
    var files = 0
    var bytes = 0

    /// Writes `file` with `writer` and counts it; answers how long the writing took.
    mutating func write(_ file: OutputFile, with writer: OutputWriter) throws -> Duration {
        let duration = try ContinuousClock().measure { try writer.write(file) }
        files += 1
        bytes += file.contents.count
        return duration
    }

    mutating func add(_ other: WorkerTotals) {
        render += other.render
        write += other.write
        pages += other.pages
        files += other.files
        bytes += other.bytes
    }
}
