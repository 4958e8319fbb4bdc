import Foundation
import Synchronization

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

    /// One unit of parallel work: everything made of one procedure (its page in every language and format, its
    /// chapter of each printed guide, its line of each search index), all from one parse of each of its texts
    /// per language; an index, in the language at `language` in ``languages`` and a format; or a piece of the
    /// printed guide of the language at `part` that is no chapter (its number in the part's ``PrintPiece``s).
    enum Job: Sendable {
        case procedure(Int, chapters: [Int]?, searchLines: [Int]?)
        case index(language: Int, format: OutputFormat)
        case printPiece(Int, part: Int)
    }

    /// A page renderer for each format and each language being built.
    struct Renderers: Sendable {
        private let byFormat: [[PageRenderer]]

        init(session: ContentSession, templates: Templates, languages: [String]) {
            byFormat = OutputFormat.allCases.map { format in
                languages.map { language in
                    PageRenderer(
                        site: session.site, strings: session.strings, templates: templates, plainTexts: session.plainTexts,
                        language: language, format: format)
                }
            }
        }

        /// The renderer of the language at `language` (in the builder's languages) in `format`.
        subscript(format: OutputFormat, language: Int) -> PageRenderer {
            byFormat[OutputFormat.allCases.firstIndex(of: format) ?? 0][language]
        }
    }

    /// Renders everything into `staging` (which must exist and be empty), and measures it.
    ///
    /// When the session left each procedure's checks to the build, each job checks its procedure from the same
    /// parse of its texts as its pages, and every diagnostic is answered (the caller decides whether the output
    /// may be kept); otherwise nil.
    @discardableResult
    public func render(into staging: URL, timings: inout Timings) async throws -> Diagnostics? {
        try await render(into: staging, plan: RenderPlan(), timings: &timings).diagnostics
    }

    /// Renders what `plan` names into `staging`: every file of the procedures it renders, the index pages and site
    /// files when it renders those, and always the shared files, the printed guides and the search indexes (made
    /// of the pieces rendered now and the ones `plan` kept from before).
    func render(into staging: URL, plan: RenderPlan, timings: inout Timings) async throws -> RenderOutcome {
        let (site, languages, session) = (self.session.site, self.languages, self.session)
        // The printed guides' pieces in their order, a procedure's chapter by the job that makes everything of
        // that procedure (the search indexes follow the same order): pieces of those files are handed in about in
        // the order they are written, so few wait in memory for an earlier one. Then the procedures in no group
        // (a page each, no chapter) and the indexes.
        // Each language orders a group's procedures by its own titles (or as the writers listed them), so a chapter's
        // number in its part, and a procedure's line in the search index, is the language's own; the other pieces
        // have the same number in every part.
        let partPieces = languages.map { PrintPiece.pieces(of: site, plainTexts: session.plainTexts, language: $0) }
        let printPieces = partPieces.first ?? PrintPiece.pieces(of: site, plainTexts: session.plainTexts, language: site.sourceLanguage)
        let procedureIndex = site.procedureIndex
        var chapters: [Int: [Int]] = [:]
        var searchLines: [Int: [Int]] = [:]
        for pieces in partPieces {
            var line = 0
            for (number, piece) in pieces.enumerated() {
                guard case .chapter(let procedure) = piece, let index = procedureIndex[procedure.id] else { continue }
                chapters[index, default: []].append(number)
                searchLines[index, default: []].append(line)
                line += 1
            }
        }
        var jobs: [Job] = []
        var inGuide = Set<Int>()
        for (number, piece) in printPieces.enumerated() {
            if case .chapter(let procedure) = piece {
                guard let index = procedureIndex[procedure.id], !inGuide.contains(index) else { continue }
                jobs.append(.procedure(index, chapters: chapters[index], searchLines: searchLines[index]))
                inGuide.insert(index)
            } else {
                for part in languages.indices { jobs.append(.printPiece(number, part: part)) }
            }
        }
        for index in site.procedures.indices where !inGuide.contains(index) {
            jobs.append(.procedure(index, chapters: nil, searchLines: nil))
        }
        for format in OutputFormat.pageFormats {
            for language in languages.indices { jobs.append(.index(language: language, format: format)) }
        }
        // What the plan keeps is not rendered: its pieces go to the printed guides and the indexes as they were.
        let kept = plan.kept ?? KeptPieces()
        jobs.removeAll { job in
            switch job {
            case .procedure(let index, _, _): return !plan.renders(site.procedures[index])
            case .index, .printPiece: return !plan.rendersIndexes
            }
        }
        let writesGuides = plan.guides != .none
        let writesPages = plan.guides != .only
        let writer = OutputWriter(root: staging)
        try writer.createFolders(["html", "md", PrintedGuide.folder] + OutputFormat.pageFormats.flatMap { format in languages.map { "\(format.rawValue)/\($0)" } })

        let renderers = Renderers(session: session, templates: templates, languages: languages)
        let jobList = jobs
        let printDocuments = writesGuides ? try openPrintDocuments(in: staging, piecesPerPart: printPieces.count) : nil
        let figureWords = FigureWords(site: site, contentDirectory: session.loader.contentDirectory)
        let searchIndexes = languages.map {
            SearchIndex(site: site, plainTexts: session.plainTexts, strings: session.strings, language: $0, figureWords: figureWords)
        }
        let searchFiles = try (writesGuides ? searchIndexes : []).map { index in
            let file = try StreamedFile(url: staging.appendingPathComponent(index.path), pieceCount: inGuide.count + 2)
            try file.put(index.start, at: 0)
            return file
        }
        // Each index's table of stems, which every job adds its procedure's to and the index's end holds.
        let searchStems = languages.map { _ in Protected([String: String]()) }
        for index in site.procedures.indices where writesGuides && !plan.renders(site.procedures[index]) {
            let id = site.procedures[index].id
            for (language, number) in (chapters[index] ?? []).enumerated() {
                try printDocuments?.put(kept.chapters[id]?[language] ?? "", part: language, number: number)
            }
            for (language, line) in (searchLines[index] ?? []).enumerated() {
                try searchFiles[language].put(kept.searchLines[id]?[language] ?? "", at: 1 + line)
                searchStems[language].withLock { $0.merge(kept.stems[id]?[language] ?? [:]) { first, _ in first } }
            }
        }
        if writesGuides && !plan.rendersIndexes {
            for (number, piece) in printPieces.enumerated() {
                if case .chapter = piece { continue }
                for part in languages.indices { try printDocuments?.put(kept.printPieces[part, number] ?? "", part: part, number: number) }
            }
        }
        let keeping = plan.keepsPieces
        let cancellation = CancellationFlag()
        let results = try await withTaskCancellationHandler {
            // After a job failed (or the build was cancelled) the build is lost: the jobs not yet started are skipped
            // rather than rendered (and the print pieces after the failed one held back) to the end.
            try ParallelMap.map(jobList.count, isCancelled: cancellation.isSet) { index in
                let clock = ContinuousClock()
                var totals = WorkerTotals()
                let jobStart = clock.now
                var writing = Duration.zero
                switch jobList[index] {
                case .procedure(let procedureIndex, let chapters, let searchLines):
                    let procedure = site.procedures[procedureIndex]
                    let trees = TextTrees()
                    if let deferred = session.deferredChecks {
                        let checkStart = clock.now
                        totals.findings = [procedureIndex: deferred.checks.check(procedure, trees: trees)]
                        totals.validate = clock.now - checkStart
                    }
                    for language in languages.indices {
                        for format in OutputFormat.pageFormats {
                            let page = renderers[format, language].sharing(trees).procedurePage(procedure)
                            if keeping { totals.kept.pagePaths[procedure.id, default: []].append(page.path) }
                            writing += try totals.write(page, with: writer)
                        }
                        totals.pages += 1
                        if let chapter = chapters?[language] {
                            let text = renderers[.print, language].sharing(trees).printPiece(.chapter(procedure))
                            if keeping { totals.kept.chapters[procedure.id, default: []].append(text) }
                            writing += try clock.measure { try printDocuments?.put(text, part: language, number: chapter) }
                        }
                        if let searchLine = searchLines?[language] {
                            // A stemmer serves one thread: each job makes its own (a few small allocations).
                            var stems = searchIndexes[language].wordStems()
                            var table: [String: String] = [:]
                            let line = searchIndexes[language].sharing(trees).line(
                                procedure, isFirst: searchLine == 0, stems: &stems, into: &table)
                            if keeping {
                                totals.kept.searchLines[procedure.id, default: []].append(line)
                                totals.kept.stems[procedure.id, default: []].append(table)
                            }
                            if writesGuides {
                                searchStems[language].withLock { $0.merge(table) { first, _ in first } }
                                writing += try clock.measure { try searchFiles[language].put(line, at: 1 + searchLine) }
                            }
                        }
                    }
                case .index(let language, let format):
                    let page = renderers[format, language].indexPage()
                    totals.indexPaths.append(page.path)
                    writing = try totals.write(page, with: writer)
                case .printPiece(let number, let part):
                    let text = renderers[.print, part].printPiece(printPieces[number])
                    if keeping { totals.kept.printPieces[part, number] = text }
                    writing = try clock.measure { try printDocuments?.put(text, part: part, number: number) }
                }
                totals.render = clock.now - jobStart - writing - totals.validate
                totals.write = writing
                return totals
            }
        } onCancel: {
            cancellation.set()
        }
        // Jobs skipped for a cancellation are undone.
        try Task.checkCancellation()
        guard results.count == jobList.count else { throw CancellationError() }
        var totals = WorkerTotals()
        for result in results { totals.add(result) }
        let clock = ContinuousClock()
        let sharedStart = clock.now
        let siteFiles = plan.rendersIndexes ? siteFiles(renderers: renderers) : []
        let shared = (writesPages ? sharedFiles() : []) + siteFiles
        for file in shared { try writer.write(file) }
        let printed = try printDocuments?.finish() ?? (files: 0, bytes: 0)
        for (file, stems) in zip(searchFiles, searchStems) {
            try file.put(SearchIndex.end(stems: stems.withLock { $0 }), at: file.pieceCount - 1)
            totals.bytes += try file.finish()
        }
        totals.files += searchFiles.count
        timings.write += clock.now - sharedStart
        timings.render += totals.render
        timings.validate += totals.validate
        timings.write += totals.write
        timings.pages = totals.pages
        timings.files = totals.files + shared.count + printed.files
        timings.bytes = totals.bytes + shared.reduce(0) { $0 + $1.contents.count } + printed.bytes
        timings.procedures = site.procedures.count
        // A measure of the whole site, for the benchmark: a build of what changed (``LiveSite``) does not spend on it.
        if !plan.keepsPieces { timings.textBytes = Self.textBytes(of: site, in: languages) * OutputFormat.allCases.count }
        if keeping {
            for (index, findings) in totals.findings { totals.kept.findings[site.procedures[index].id] = findings }
        }
        let diagnostics = session.deferredChecks.map { deferred in
            deferred.diagnostics(
                procedures: site.procedures.indices.compactMap { totals.findings[$0] ?? kept.findings[site.procedures[$0].id] })
        }
        return RenderOutcome(
            diagnostics: diagnostics, kept: totals.kept, indexPaths: totals.indexPaths + siteFiles.map(\.path),
            alwaysPaths: shared.dropLast(siteFiles.count).map(\.path) + (writesGuides ? guidePaths : []))
    }

    /// The printed guides and the search indexes, the files made of every procedure's pieces.
    var guidePaths: [String] {
        languages.map { PrintedGuide.documentPath(language: $0) } + [PrintedGuide.bookletPath]
            + languages.map { "\(OutputFormat.html.rawValue)/\($0)/\(SearchIndex.fileName)" }
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
            let base = format == .html ? site.baseURL?.value : nil
            let description = format == .html
                ? PageRenderer(
                    site: site, strings: session.strings, templates: templates, plainTexts: session.plainTexts, language: site.sourceLanguage,
                    format: format
                ).siteDescription
                : nil
            let page = LanguagesPage(
                lang: site.sourceLanguage,
                siteTitle: session.plainTexts.plainWithLanguage(site.title, in: site.sourceLanguage, procedure: nil).text,
                languages: languages.map { language in
                    LanguagesPage.Language(
                        lang: language, name: session.strings.string("language.name", in: language),
                        title: session.plainTexts.plainWithLanguage(site.title, in: language, procedure: nil).text,
                        choose: session.strings.string("page.choose-language", in: language),
                        href: "\(language)/\(format.indexFileName)",
                        linkHref: base.map { "\($0)\(language)/" } ?? "\(language)/\(format.indexFileName)")
                },
                head: .init(description: description, canonicalHref: base, defaultHref: base, iconHref: Templates.icon))
            files.append(OutputFile(path: "\(format.rawValue)/\(format.indexFileName)", text: templates.render(.languages, in: format, page)))
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

/// Whether the build was cancelled, as the workers see it.
final class CancellationFlag: Sendable {
    private let flag = Atomic<Bool>(false)

    func set() { flag.store(true, ordering: .relaxed) }

    /// Whether ``set()`` was called.
    @Sendable func isSet() -> Bool { flag.load(ordering: .relaxed) }
}

struct WorkerTotals: Sendable {
    var render: Duration = .zero
    /// Time spent on the procedures' checks, when the build runs them.
    var validate: Duration = .zero
    /// What those checks found, by the procedure's index in the site.
    var findings: [Int: ContentChecks.ProcedureFindings] = [:]
    var write: Duration = .zero
    var pages = 0
    var files = 0
    var bytes = 0
    /// What a build that keeps its pieces (``RenderPlan/keepsPieces``) rendered.
    var kept = KeptPieces()
    /// The paths of the index pages rendered.
    var indexPaths: [String] = []

    /// Writes `file` with `writer` and counts it; answers how long the writing took.
    mutating func write(_ file: OutputFile, with writer: OutputWriter) throws -> Duration {
        let duration = try ContinuousClock().measure { try writer.write(file) }
        files += 1
        bytes += file.contents.count
        return duration
    }

    mutating func add(_ other: WorkerTotals) {
        render += other.render
        validate += other.validate
        findings.merge(other.findings) { first, _ in first }
        write += other.write
        pages += other.pages
        files += other.files
        bytes += other.bytes
        kept.add(other.kept)
        indexPaths += other.indexPaths
    }
}
