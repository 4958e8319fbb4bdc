import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A site kept loaded between builds, for `serve` and `build --watch`: each build after the first reads again
/// only the files that changed, renders only the pages an edit can have changed, and writes only the files whose
/// bytes differ, each by write-then-rename, into the output folder itself (no staging folder swapped in).
///
/// The output is always what a full build of the same content gives, byte for byte (`LiveSiteTests` edits content
/// at random and compares). What a build renders again:
/// - every page, when site.yaml, the glossary, `translated-from.txt`, a template or strings file, a file of the
///   content that is no procedure (a figure), or the navigation (any procedure's id, group, title, summary,
///   audience, source language, register or date) changed;
/// - otherwise the procedures whose files changed, were added or removed, and every procedure whose file names one
///   of them (its includes, references and requirements, over-approximated by the words of the file), again for
///   the procedures found, until none is added;
/// - always: the shared files (checked, and written only when they differ), and the printed guides and search
///   indexes, put together from the pieces kept from earlier builds and the ones rendered now.
///
/// The object holds the output folder's lock for its life: a second `serve` or a `build` of the same folder is
/// refused. It is used from one task at a time.
public final class LiveSite {
    /// Where the content and templates are.
    public let sources: ContentSession.Sources
    /// The output folder.
    public let folder: OutputFolder
    let languages: [String]
    let strict: Bool
    private var lock: OutputLock?
    private var cache = ContentLoader.Cache()
    /// The last build that succeeded.
    private var last: Built?
    /// Counts the changes to files no key covers (figures): each makes the next build render everything.
    private var unkeyedChanges = 0

    /// What a good build left for the next.
    private struct Built {
        var session: ContentSession
        var globalKey: UInt64
        var navigationKey: UInt64
        /// Each procedure's file digest, by id.
        var digests: [String: UInt64]
        var kept: KeptPieces
        var indexPaths: [String]
        /// Every file of the output, the marker included.
        var paths: Set<String>
    }

    /// Checks the output folder and takes its lock for the life of the object.
    public init(sources: ContentSession.Sources, output: URL, outputDisplayPath: String, languages: [String], strict: Bool)
        throws(OutputFolder.Refusal)
    {
        self.sources = sources
        folder = OutputFolder(url: output, displayPath: outputDisplayPath)
        self.languages = languages
        self.strict = strict
        try folder.check(content: sources.content, templates: sources.templates)
        do {
            try FileManager.default.createDirectory(at: folder.parent, withIntermediateDirectories: true)
        } catch {
            throw OutputFolder.Refusal(message: "cannot create '\(outputDisplayPath)': \(error.localizedDescription)")
        }
        do {
            lock = try OutputLock(url: folder.lockURL, displayPath: outputDisplayPath)
        } catch let refusal as OutputFolder.Refusal {
            throw refusal
        } catch {
            throw OutputFolder.Refusal(message: "cannot lock '\(outputDisplayPath)': \(error.localizedDescription)")
        }
        folder.recoverInterruptedSwap()
    }

    deinit { close() }

    /// What a build keeps beside the output while it runs (the scratch folder, the lock), for a process that is
    /// stopped by a signal to remove before it exits.
    public var leftovers: [URL] { [folder.stagingURL, folder.lockURL] }

    /// Releases the output folder's lock (and removes what a build interrupted left beside it).
    public func close() {
        try? FileManager.default.removeItem(at: folder.stagingURL)
        lock?.release()
        lock = nil
    }

    /// Builds: everything the first time (or when `changed` is nil), then only what the files in `changed`
    /// (absolute paths under the content or templates folder) can have changed. On errors nothing is written.
    ///
    /// `pagesReady` is called once the pages are in place, before the printed guides and search indexes are put
    /// together (which, on a large site, takes longer than the pages): a preview can reload them at once. The
    /// build answered then names, in ``LiveBuild/guidePaths``, the files changed after that call.
    public func update(changed: Set<String>?, pagesReady: ((LiveBuild) async -> Void)? = nil) async -> LiveBuild {
        let clock = ContinuousClock()
        let start = clock.now
        var result = await build(changed: changed, pagesReady: pagesReady)
        result.duration = clock.now - start
        return result
    }

    private func build(changed: Set<String>?, pagesReady: ((LiveBuild) async -> Void)?) async -> LiveBuild {
        if let changed {
            let content = sources.content.standardizedFileURL.resolvingSymlinksInPath().path + "/"
            let contentLink = sources.content.standardizedFileURL.path + "/"
            for path in changed {
                let relative: Substring
                if path.hasPrefix(content) {
                    relative = path.dropFirst(content.count)
                } else if path.hasPrefix(contentLink) {
                    relative = path.dropFirst(contentLink.count)
                } else {
                    continue  // the templates: keyed
                }
                if relative == "site.yaml" {
                    cache.removeAll()  // languages and groups change how every file is read
                } else if !Self.isProcedureFile(relative), relative != "glossary.yaml", relative != TranslationRecords.fileName,
                    Self.canMatter(path)
                {
                    unkeyedChanges += 1
                    cache.removeAll()  // a figure: the procedures' figure checks are in their readings
                }
            }
        } else {
            cache.removeAll()
            last = nil
        }
        var timings = Timings()
        var phases = PhaseClock()
        let (opened, loadDiagnostics) = ContentSession.reopen(sources, previous: last?.session, cache: &cache, timings: &timings)
        var diagnostics = loadDiagnostics
        var templates: Templates?
        if let opened {
            templates = Templates.load(
                from: sources.templates, displayPath: sources.templatesDisplayPath ?? sources.templates.relativePath,
                stringKeys: opened.strings.keys(withPrefix: ""), diagnostics: &diagnostics)
        }
        phases.end("load", parts: [("read", timings.load), ("site", timings.validate)])
        guard let session = opened, let deferred = session.deferredChecks else {
            return LiveBuild(diagnostics: diagnostics.finished(strict: strict))
        }
        let languages = self.languages.isEmpty ? session.site.languages : self.languages
        for language in languages where !session.site.languages.contains(language) {
            diagnostics.error(
                "unknown-language", at: .start(of: session.site.file),
                "'\(language)' is not one of the site's languages" + Suggestion.didYouMean(language, among: session.site.languages),
                notes: ["The site's languages are \(session.site.languages.map { "'\($0)'" }.joined(separator: ", "))."])
        }
        let globalKey = globalKey(of: session)
        let navigationKey = Self.navigationKey(of: session.site)
        var digests: [String: UInt64] = [:]
        for procedure in session.site.procedures { digests[procedure.id] = cache.reading(of: procedure.file)?.digest ?? 0 }
        let rendered: Set<String>? =
            if let last, last.globalKey == globalKey, last.navigationKey == navigationKey {
                affected(in: session.site, digests: digests, since: last)
            } else {
                nil
            }
        phases.end("plan")

        var siteDiagnostics = diagnostics
        siteDiagnostics.append(contentsOf: deferred.siteDiagnostics)
        siteDiagnostics.append(contentsOf: deferred.recordDiagnostics)
        if strict { siteDiagnostics.treatWarningsAsErrors() }
        guard let templates, !siteDiagnostics.hasErrors else {
            // Nothing is rendered; every procedure's findings are still answered: kept ones for those not affected.
            let procedures = session.site.procedures
            let kept = last?.kept.findings ?? [:]
            let findings = ParallelMap.map(procedures.count) { index in
                let procedure = procedures[index]
                if let rendered, !rendered.contains(procedure.id), let findings = kept[procedure.id] { return findings }
                return deferred.checks.check(procedure, trees: TextTrees())
            }
            diagnostics.append(contentsOf: deferred.diagnostics(procedures: findings))
            return LiveBuild(diagnostics: diagnostics.finished(strict: strict))
        }

        let renderIndexes = rendered == nil
        let plan = RenderPlan(procedures: rendered, rendersIndexes: renderIndexes, kept: last?.kept, keepsPieces: true, guides: .none)
        let scratch = folder.stagingURL
        let fileManager = FileManager.default
        do {
            try? fileManager.removeItem(at: scratch)
            try fileManager.createDirectory(at: scratch, withIntermediateDirectories: true)
            defer { try? fileManager.removeItem(at: scratch) }
            let builder = SiteBuilder(session: session, templates: templates, languages: languages)
            let outcome = try await builder.render(into: scratch, plan: plan, timings: &timings)
            phases.end("render")
            diagnostics.append(contentsOf: outcome.diagnostics ?? Diagnostics())
            if strict { diagnostics.treatWarningsAsErrors() }
            if diagnostics.hasErrors { return LiveBuild(diagnostics: diagnostics.sorted) }

            let ids = Set(session.site.procedures.map(\.id))
            let kept = (last?.kept ?? KeptPieces()).updated(with: outcome.kept, procedureIDs: ids, rendersIndexes: renderIndexes)
            let indexPaths = renderIndexes ? outcome.indexPaths : last?.indexPaths ?? []
            var paths = Set(kept.pagePaths.values.joined()).union(indexPaths).union(outcome.alwaysPaths)
            paths.insert(OutputFolder.markerName)
            try Data(OutputFolder.markerText.utf8).write(to: scratch.appendingPathComponent(OutputFolder.markerName))
            let previousPaths = last?.paths ?? Self.files(under: folder.url)
            var changedPaths = try publish(from: scratch)
            for stale in previousPaths.subtracting(paths).sorted() {
                if unlink(folder.url.appendingPathComponent(stale).path) == 0 { changedPaths.append(stale) }
                Self.removeEmptyFolders(above: stale, in: folder.url)
            }
            phases.end("publish")
            let procedures = session.site.procedures.count
            let renderedCount = rendered?.count ?? procedures
            if let pagesReady {
                await pagesReady(
                    LiveBuild(
                        changedPaths: changedPaths.sorted(), diagnostics: diagnostics.sorted, succeeded: true, renderedProcedures: renderedCount,
                        procedures: procedures, phases: phases.phases))
            }
            // The printed guides and the search indexes, made of every procedure's pieces, after the pages: written
            // only when a piece of theirs changed (the publishing then writes only the files that differ).
            var guidePaths: [String] = []
            if renderIndexes || Self.guidesDiffer(kept, last?.kept ?? KeptPieces(), rendered: outcome.kept.pagePaths.keys) {
                try? fileManager.removeItem(at: scratch)
                try fileManager.createDirectory(at: scratch, withIntermediateDirectories: true)
                let guides = RenderPlan(procedures: [], rendersIndexes: false, kept: kept, keepsPieces: true, guides: .only)
                _ = try await builder.render(into: scratch, plan: guides, timings: &timings)
                phases.end("guides")
                guidePaths = try publish(from: scratch)
                phases.end("publish-guides")
            }
            last = Built(
                session: session, globalKey: globalKey, navigationKey: navigationKey, digests: digests, kept: kept, indexPaths: indexPaths,
                paths: paths)
            return LiveBuild(
                changedPaths: (changedPaths + guidePaths).sorted(), guidePaths: guidePaths, diagnostics: diagnostics.sorted, succeeded: true,
                renderedProcedures: renderedCount, procedures: procedures, phases: phases.phases)
        } catch {
            var failure = Diagnostics()
            failure.error(
                "output-failed", at: .start(of: folder.displayPath),
                "cannot write the output to '\(folder.displayPath)': \(error.localizedDescription)",
                notes: ["The pages served are the last good ones."])
            return LiveBuild(diagnostics: (diagnostics.sorted + failure.sorted))
        }
    }

    /// Whether a piece of the printed guides or search indexes differs between `new` and `old` for the procedures
    /// `rendered` (the others' are the same), or the procedures are not the same.
    static func guidesDiffer(_ new: KeptPieces, _ old: KeptPieces, rendered: some Sequence<String>) -> Bool {
        if new.chapters.count != old.chapters.count || new.searchLines.count != old.searchLines.count { return true }
        for id in rendered where new.chapters[id] != old.chapters[id] || new.searchLines[id] != old.searchLines[id] || new.stems[id] != old.stems[id] {
            return true
        }
        return false
    }

    /// Moves each file of `scratch` whose bytes differ from the output's over it (rename: readers see the old
    /// file or the new one), and answers their paths.
    private func publish(from scratch: URL) throws -> [String] {
        var changed: [String] = []
        let fileManager = FileManager.default
        for path in Self.files(under: scratch).sorted() {
            let source = scratch.appendingPathComponent(path)
            let target = folder.url.appendingPathComponent(path)
            if Self.sameBytes(source.path, target.path) { continue }
            try fileManager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            guard rename(source.path, target.path) == 0 else {
                throw OutputWriter.Failure(path: target.path, reason: String(cString: strerror(errno)))
            }
            changed.append(path)
        }
        return changed
    }

    /// The ids of the procedures `site`'s build must render again after `last`: those whose files changed, were
    /// added or removed, and those whose files name one of them, until none is added.
    private func affected(in site: Site, digests: [String: UInt64], since last: Built) -> Set<String> {
        var changed = Set<String>()
        for (id, digest) in digests where last.digests[id] != digest { changed.insert(id) }
        for id in last.digests.keys where digests[id] == nil { changed.insert(id) }
        var affected = changed.intersection(digests.keys)
        var frontier = changed
        while !frontier.isEmpty {
            let hashes = frontier.map(ContentLoader.Cache.wordHash)
            frontier = []
            for procedure in site.procedures where !affected.contains(procedure.id) {
                guard let words = cache.reading(of: procedure.file)?.idWords else {
                    frontier.insert(procedure.id)
                    continue
                }
                if hashes.contains(where: { Self.sortedContains(words, $0) }) { frontier.insert(procedure.id) }
            }
            affected.formUnion(frontier)
        }
        return affected
    }

    /// A hash of everything every page can show that is not a procedure's file: site.yaml, the glossary, the
    /// translation records and every file of the templates (by their identity), and the changes to the content's
    /// other files seen so far.
    private func globalKey(of session: ContentSession) -> UInt64 {
        var hasher = StableHasher()
        let content = sources.content
        var files = ["site.yaml", "glossary.yaml", TranslationRecords.fileName].map { content.appendingPathComponent($0).path }
        files += Self.files(under: sources.templates).sorted().map { sources.templates.appendingPathComponent($0).path }
        for file in files {
            hasher.combine(file)
            let identity = FileIdentity(path: file) ?? FileIdentity()
            for value in [identity.device, identity.inode, UInt64(bitPattern: identity.size), UInt64(bitPattern: identity.modified),
                UInt64(bitPattern: identity.changed)]
            {
                hasher.combine(value)
            }
        }
        hasher.combine(UInt64(unkeyedChanges))
        return hasher.value
    }

    /// A hash of what the navigation, the index pages and the printed guides' contents show of the procedures.
    static func navigationKey(of site: Site) -> UInt64 {
        var hasher = StableHasher()
        func add(_ text: Text?) {
            guard let text else { return hasher.combine("-") }
            for (language, entry) in text.versions {
                hasher.combine(language)
                hasher.combine(entry.value)
            }
            hasher.combine(";")
        }
        for procedure in site.procedures {
            hasher.combine(procedure.id)
            hasher.combine(procedure.group)
            hasher.combine(procedure.file)
            add(procedure.title)
            add(procedure.summary)
            hasher.combine(procedure.audience?.value ?? "-")
            hasher.combine(procedure.sourceLanguage?.value ?? "-")
            hasher.combine(procedure.register.map { "\($0.value)" } ?? "-")
            hasher.combine(procedure.updated.map { "\($0.value)" } ?? "-")
        }
        return hasher.value
    }

    /// Whether a change of the content file at `path` (no procedure file) can change the output: one that is there
    /// (a figure, any file: read conservatively), or one gone that may have been a figure or a folder. A temporary
    /// file an editor or tool wrote and renamed away (`x.yaml.tmp`, `x.swx`) is not.
    static func canMatter(_ path: String) -> Bool {
        var status = stat()
        if lstat(path, &status) == 0 { return true }
        let name = path.split(separator: "/").last ?? ""
        guard let dot = name.lastIndex(of: ".") else { return true }  // a folder, or a file without an extension
        return ["svg", "png", "jpg", "jpeg", "gif", "webp", "avif"].contains(name[name.index(after: dot)...].lowercased())
    }

    /// Whether `relative` (to the content folder) is where a procedure file is: `procedures/<group>/<id>.yaml`.
    static func isProcedureFile(_ relative: Substring) -> Bool {
        let parts = relative.split(separator: "/", omittingEmptySubsequences: false)
        return parts.count == 3 && parts[0] == "procedures" && parts[2].hasSuffix(".yaml")
    }

    static func sortedContains(_ words: [UInt64], _ value: UInt64) -> Bool {
        var low = 0
        var high = words.count
        while low < high {
            let middle = (low + high) / 2
            if words[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low < words.count && words[low] == value
    }

    /// The paths, relative to `root`, of the regular files under it.
    static func files(under root: URL) -> Set<String> {
        var paths = Set<String>()
        let rootPath = root.standardizedFileURL.path
        guard let enumerator = FileManager.default.enumerator(atPath: rootPath) else { return paths }
        while let path = enumerator.nextObject() as? String {
            var status = stat()
            if lstat(rootPath + "/" + path, &status) == 0, status.st_mode & S_IFMT == S_IFREG { paths.insert(path) }
        }
        return paths
    }

    /// Whether the files at `first` and `second` hold the same bytes (false when either is missing).
    static func sameBytes(_ first: String, _ second: String) -> Bool {
        var one = stat()
        var other = stat()
        guard stat(first, &one) == 0, stat(second, &other) == 0, one.st_size == other.st_size else { return false }
        guard let a = FileManager.default.contents(atPath: first), let b = FileManager.default.contents(atPath: second) else { return false }
        return a == b
    }

    /// Removes the folders that `relative`'s removal left empty, up to (not including) `root`.
    static func removeEmptyFolders(above relative: String, in root: URL) {
        var folder = (relative as NSString).deletingLastPathComponent
        while !folder.isEmpty {
            guard rmdir(root.appendingPathComponent(folder).path) == 0 else { return }
            folder = (folder as NSString).deletingLastPathComponent
        }
    }
}

/// What one build of a ``LiveSite`` did.
public struct LiveBuild: Sendable {
    /// The output files written or removed, relative to the output folder, sorted.
    public var changedPaths: [String] = []
    /// Those of them written after the build's `pagesReady` call: the printed guides and search indexes.
    public var guidePaths: [String] = []
    /// Every diagnostic, sorted; an error means nothing was written.
    public var diagnostics: [Diagnostic]
    /// Whether the build succeeded (and wrote what changed).
    public var succeeded = false
    /// How many procedures were rendered, and how many the site has.
    public var renderedProcedures = 0
    public var procedures = 0
    /// How long it took, and its phases (for `--timings`).
    public var duration: Duration = .zero
    public var phases: [Phase] = []

    /// One phase of a build and how long it took.
    public struct Phase: Sendable {
        public var name: String
        public var duration: Duration
    }
}

/// Measures a build's phases one after the other.
struct PhaseClock {
    private let clock = ContinuousClock()
    private var start: ContinuousClock.Instant
    private(set) var phases: [LiveBuild.Phase] = []

    init() { start = clock.now }

    /// Ends the phase `name`, begun where the last ended (of which `parts` were measured apart).
    mutating func end(_ name: String, parts: [(String, Duration)] = []) {
        let now = clock.now
        phases.append(LiveBuild.Phase(name: name, duration: now - start))
        for (part, duration) in parts { phases.append(LiveBuild.Phase(name: "\(name).\(part)", duration: duration)) }
        start = now
    }
}

extension Diagnostics {
    /// Sorted, the warnings made errors when `strict`.
    fileprivate func finished(strict: Bool) -> [Diagnostic] {
        var diagnostics = self
        if strict { diagnostics.treatWarningsAsErrors() }
        return diagnostics.sorted
    }
}
