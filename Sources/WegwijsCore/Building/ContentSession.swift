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
    public static func open(_ sources: Sources, timings: inout Timings) -> (session: ContentSession?, diagnostics: Diagnostics) {
        var diagnostics = Diagnostics()
        let loader = ContentLoader(contentDirectory: sources.content, displayPath: sources.contentDisplayPath)
        let clock = ContinuousClock()
        let loadStart = clock.now
        let (loadedSite, loadDiagnostics) = loader.load()
        diagnostics.append(contentsOf: loadDiagnostics)
        let templatesDisplay = ContentLoader.normalizedDisplayPath(sources.templatesDisplayPath ?? sources.templates.relativePath)
        let strings = InterfaceStrings.load(
            from: sources.templates.appendingPathComponent("strings"), displayPath: "\(templatesDisplay)/strings",
            diagnostics: &diagnostics)
        timings.load = clock.now - loadStart
        guard let site = loadedSite else { return (nil, diagnostics) }

        let validateStart = clock.now
        let plainTexts = PlainTexts(site: site)
        let files = ContentFiles(loader: loader)
        diagnostics.append(contentsOf: Validator(site: site, strings: strings, files: files, plainTexts: plainTexts).validate())
        let records = TranslationRecords.load(
            from: loader.contentDirectory, displayPath: loader.displayPath(TranslationRecords.fileName), diagnostics: &diagnostics)
        let checker = TranslationChecker(site: site, records: records, files: files, plainTexts: plainTexts)
        diagnostics.append(contentsOf: checker.check())
        timings.validate = clock.now - validateStart
        // Worded as the site chooses (`register:` in site.yaml); a procedure's page or run rewords it for its own.
        let session = ContentSession(
            site: site, strings: strings.inRegister(site.register?.value), plainTexts: plainTexts, files: files, loader: loader, translationRecords: records)
        return (session, diagnostics)
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

    /// The one-line form the benchmark reads.
    public func line(peakResidentMegabytes: Double) -> String {
        func seconds(_ duration: Duration) -> String {
            let value = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
            return String(format: "%.3f", value)
        }
        return "timings load=\(seconds(load)) validate=\(seconds(validate)) render=\(seconds(render)) write=\(seconds(write)) "
            + "total=\(seconds(total)) procedures=\(procedures) pages=\(pages) files=\(files) bytes=\(bytes) "
            + "text_bytes=\(textBytes) peak_rss_mb=\(String(format: "%.1f", peakResidentMegabytes))"
    }
}
