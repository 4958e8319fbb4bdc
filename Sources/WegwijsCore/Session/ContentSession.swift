import WegwijsMarkdown
import Foundation

/// Content loaded and validated once, shared by every command: the one flow from files to a checked model.
public struct ContentSession: Sendable {
    /// The loaded site.
    public let site: Site
    /// The interface strings.
    public let strings: InterfaceStrings
    /// Plain-text titles and labels.
    public let plainTexts: PlainTexts
    /// Content files, for placing diagnostics and copying figures.
    public let files: ContentFiles
    /// The loader used.
    public let loader: ContentLoader
    /// What each translation was made from (`translated-from.txt`).
    public let translationRecords: TranslationRecords
    /// The checks left to the build's jobs, when the session was opened deferring them.
    public private(set) var deferredChecks: DeferredChecks? = nil

    /// Where to read from.
    public struct Sources: Sendable {
        public var content: URL
        public var contentDisplayPath: String?
        public var templates: URL
        public var templatesDisplayPath: String?

        public init(content: URL, contentDisplayPath: String? = nil, templates: URL, templatesDisplayPath: String? = nil) {
            self.content = content
            self.contentDisplayPath = contentDisplayPath
            self.templates = templates
            self.templatesDisplayPath = templatesDisplayPath
        }
    }

    /// The session with its interface strings in the register `procedure` chooses (its own, its group's or the
    /// site's), for a run of it.
    public func inRegister(of procedure: Procedure) -> ContentSession {
        ContentSession(
            site: site, strings: strings.inRegister(site.register(of: procedure)), plainTexts: plainTexts, files: files, loader: loader,
            translationRecords: translationRecords)
    }

    /// Loads and validates; the session is nil when the content could not be loaded at all.
    ///
    /// With `deferringProcedureChecks` only the checks of the site as a whole run here; each procedure's are left
    /// to ``deferredChecks`` (a build runs them in the job that renders the procedure, from the same parse of its
    /// texts), and the diagnostics answered lack them.
    public static func open(
        _ sources: Sources, deferringProcedureChecks: Bool = false, timings: inout Timings
    ) -> (session: ContentSession?, diagnostics: Diagnostics) {
        open(sources, deferringProcedureChecks: deferringProcedureChecks, previous: nil, timings: &timings) { $0.load() }
    }

    /// Loads again a site kept loaded between builds (``LiveSite``): only the procedure files `cache` has no
    /// current reading of are read, and the titles `previous` parsed are not parsed again. The procedures' checks
    /// are deferred.
    public static func reopen(
        _ sources: Sources, previous: ContentSession?, cache: inout ContentLoader.Cache, timings: inout Timings
    ) -> (session: ContentSession?, diagnostics: Diagnostics) {
        var kept = cache
        cache = ContentLoader.Cache()  // the one reference while it changes, so its entries are not copied
        defer { cache = kept }
        return open(sources, deferringProcedureChecks: true, previous: previous, timings: &timings) { $0.load(reusing: &kept) }
    }

    private static func open(
        _ sources: Sources, deferringProcedureChecks: Bool, previous: ContentSession?, timings: inout Timings,
        load: (ContentLoader) -> (site: Site?, diagnostics: Diagnostics)
    ) -> (session: ContentSession?, diagnostics: Diagnostics) {
        var diagnostics = Diagnostics()
        var recordDiagnostics = Diagnostics()
        let loader = ContentLoader(contentDirectory: sources.content, displayPath: sources.contentDisplayPath)
        let clock = ContinuousClock()
        let loadStart = clock.now
        let (loadedSite, loadDiagnostics) = load(loader)
        diagnostics.append(contentsOf: loadDiagnostics)
        let templatesDisplay = ContentLoader.normalizedDisplayPath(sources.templatesDisplayPath ?? sources.templates.relativePath)
        let strings = InterfaceStrings.load(
            from: sources.templates.appendingPathComponent("strings"), displayPath: "\(templatesDisplay)/strings",
            diagnostics: &diagnostics)
        timings.load = clock.now - loadStart
        guard let site = loadedSite else { return (nil, diagnostics) }

        let validateStart = clock.now
        let plainTexts = PlainTexts(site: site, reusing: previous?.plainTexts)
        let files = ContentFiles(loader: loader)
        let records = TranslationRecords.load(
            from: loader.contentDirectory, displayPath: loader.displayPath(TranslationRecords.fileName), diagnostics: &recordDiagnostics)
        let checks = ContentChecks(site: site, strings: strings, files: files, plainTexts: plainTexts, records: records)
        var deferred: DeferredChecks?
        if deferringProcedureChecks {
            deferred = DeferredChecks(checks: checks, siteDiagnostics: checks.siteChecks(), recordDiagnostics: recordDiagnostics)
        } else {
            let found = checks.all()
            diagnostics.append(contentsOf: found.validation)
            diagnostics.append(contentsOf: recordDiagnostics)
            diagnostics.append(contentsOf: found.translations)
        }
        timings.validate = clock.now - validateStart
        // Worded as the site chooses (`register:` in site.yaml); a procedure's page or run rewords it for its own.
        let session = ContentSession(
            site: site, strings: strings.inRegister(site.register?.value), plainTexts: plainTexts, files: files, loader: loader,
            translationRecords: records, deferredChecks: deferred)
        return (session, diagnostics)
    }
}

/// The checks of each procedure, left to a build's jobs, with what the site's own checks found.
public struct DeferredChecks: Sendable {
    /// The checks.
    public let checks: ContentChecks
    /// What the checks of the site as a whole found.
    public let siteDiagnostics: Diagnostics
    /// What reading `translated-from.txt` found.
    public let recordDiagnostics: Diagnostics

    /// Every diagnostic, in the order a session opened without deferring gives them, from each procedure's findings.
    public func diagnostics(procedures: [ContentChecks.ProcedureFindings]) -> Diagnostics {
        let found = checks.found(site: siteDiagnostics, procedures: procedures)
        var diagnostics = found.validation
        diagnostics.append(contentsOf: recordDiagnostics)
        diagnostics.append(contentsOf: found.translations)
        return diagnostics
    }

    /// Every diagnostic, each procedure checked here (on every core), for a build that will not render.
    public func diagnosticsWithoutRendering() -> Diagnostics {
        diagnostics(procedures: checks.procedureChecks())
    }
}

/// How long each phase took, and what was produced, for `--timings` and the benchmark.
public struct Timings: Sendable {
    public var load: Duration = .zero
    public var validate: Duration = .zero
    /// Time spent rendering pages, summed over all workers.
    public var render: Duration = .zero
    /// Time spent writing files, summed over all workers, plus the final swap.
    public var write: Duration = .zero
    public var total: Duration = .zero
    public var procedures = 0
    public var pages = 0
    public var files = 0
    public var bytes = 0
    public var textBytes = 0

    public init() {}

    /// How many texts cmark has parsed in this process so far (each text once per language it is shown in,
    /// for rendering, and once more where validation reads its links).
    public static var markdownParses: Int { MarkdownDocument.parseCount }

    /// The one-line form the benchmark reads.
    public func line(peakResidentMegabytes: Double) -> String {
        func seconds(_ duration: Duration) -> String {
            let value = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
            return String(format: "%.3f", value)
        }
        return "timings load=\(seconds(load)) validate=\(seconds(validate)) render=\(seconds(render)) write=\(seconds(write)) "
            + "total=\(seconds(total)) procedures=\(procedures) pages=\(pages) files=\(files) bytes=\(bytes) "
            + "text_bytes=\(textBytes) parses=\(Self.markdownParses) peak_rss_mb=\(String(format: "%.1f", peakResidentMegabytes))"
    }
}
