import Foundation
import Testing
import WegwijsCore
import WegwijsTestSupport

/// A ``LiveSite`` renders again only what an edit can change, and its output is always a full build's, byte for
/// byte: random edits (titles, texts, a renamed step id, a new and a deleted procedure, a glossary label, site.yaml,
/// a template, a stylesheet, undone edits and broken files) to a copy of the example content and of a generated
/// corpus, each followed by an incremental build and a fresh full build, compared file by file with their diagnostics.
@Suite(.serialized) struct LiveSiteTests {
    /// A copy of a content folder and the templates, with the folders two builds write to.
    struct Workspace {
        let root: URL
        var content: URL { root.appendingPathComponent("content") }
        var templates: URL { root.appendingPathComponent("templates") }
        var live: URL { root.appendingPathComponent("live") }
        var full: URL { root.appendingPathComponent("full") }
        var sources: ContentSession.Sources {
            ContentSession.Sources(content: content, contentDisplayPath: "content", templates: templates, templatesDisplayPath: "templates")
        }

        init(content source: URL) throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("wegwijs-live-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: source, to: content)
            try FileManager.default.copyItem(at: Repository.root.appendingPathComponent("templates"), to: templates)
        }

        func remove() { try? FileManager.default.removeItem(at: root) }

        /// What `wegwijs build` does: a fresh full build into `full`, or the diagnostics that refused it.
        func fullBuild() async throws -> (succeeded: Bool, diagnostics: [String]) {
            var timings = Timings()
            let (opened, loaded) = ContentSession.open(sources, deferringProcedureChecks: true, timings: &timings)
            var diagnostics = loaded
            guard let session = opened, let deferred = session.deferredChecks else { return (false, diagnostics.sorted.map(\.headline)) }
            let templates = Templates.load(
                from: templates, displayPath: "templates", stringKeys: session.strings.keys(withPrefix: ""), diagnostics: &diagnostics)
            var site = diagnostics
            site.append(contentsOf: deferred.siteDiagnostics)
            site.append(contentsOf: deferred.recordDiagnostics)
            guard let templates, !site.hasErrors else {
                diagnostics.append(contentsOf: deferred.diagnosticsWithoutRendering())
                return (false, diagnostics.sorted.map(\.headline))
            }
            struct Refused: Error {}
            try? FileManager.default.removeItem(at: full)
            do {
                try await OutputFolder(url: full, displayPath: "full").replace { staging in
                    let found = try await SiteBuilder(session: session, templates: templates, languages: []).render(into: staging, timings: &timings)
                    diagnostics.append(contentsOf: found ?? Diagnostics())
                    if diagnostics.hasErrors { throw Refused() }
                }
            } catch is Refused {
                return (false, diagnostics.sorted.map(\.headline))
            }
            return (true, diagnostics.sorted.map(\.headline))
        }
    }

    /// Random edits of the files of a content folder, from a seed (given in every failure).
    struct Editor {
        var random: SeededRandom
        let content: URL
        let templates: URL
        var counter = 0
        /// Files as they were before the edit that broke them, to be put back.
        var broken: [URL: Data] = [:]

        func procedureFiles() -> [URL] {
            let procedures = content.appendingPathComponent("procedures")
            let groups = ((try? FileManager.default.contentsOfDirectory(atPath: procedures.path)) ?? []).sorted()
            return groups.flatMap { group in
                (((try? FileManager.default.contentsOfDirectory(atPath: procedures.appendingPathComponent(group).path)) ?? []).sorted())
                    .filter { $0.hasSuffix(".yaml") }
                    .map { procedures.appendingPathComponent(group).appendingPathComponent($0) }
            }
        }

        func lines(of file: URL) -> [String] {
            String(decoding: (try? Data(contentsOf: file)) ?? Data(), as: UTF8.self).components(separatedBy: "\n")
        }

        /// Writes `lines` to `file` as an editor saves: to a temporary file, renamed over it.
        func save(_ lines: [String], to file: URL) throws {
            try AtomicFile.write(Data(lines.joined(separator: "\n").utf8), to: file)
        }

        /// Makes one edit; answers what it did and the files it touched.
        mutating func edit() throws -> (String, Set<String>) {
            counter += 1
            let word = "Edit\(counter)"
            // What an edit broke is put back by the next (fixing the file removes the errors).
            if !broken.isEmpty {
                let files = broken
                broken = [:]
                for (file, data) in files { try data.write(to: file) }
                return ("put back \(files.keys.map(\.lastPathComponent).sorted())", Set(files.keys.map(\.path)))
            }
            let files = procedureFiles()
            let file = files[random.next(below: files.count)]
            var lines = lines(of: file)
            switch random.next(below: 11) {
            case 0, 1:  // a title
                guard let index = lines.firstIndex(where: { $0.hasPrefix("  en: ") || $0.hasPrefix("  nl: ") }) else { break }
                lines[index] += " \(word)"
                try save(lines, to: file)
                return ("title of \(file.lastPathComponent)", [file.path])
            case 2, 3:  // a text: the first line of a block (most of them in steps)
                let steps = lines.firstIndex(of: "steps:") ?? 0
                let starts = lines.indices.dropFirst(random.next(below: 4) == 0 ? 1 : steps + 1).filter { lines[$0 - 1].hasSuffix(": |") }
                guard !starts.isEmpty else { break }
                lines[starts[random.next(below: starts.count)]] += " \(word)."
                try save(lines, to: file)
                return ("text in \(file.lastPathComponent)", [file.path])
            case 4:  // a step id renamed (references to it elsewhere then break)
                let ids = lines.indices.filter { lines[$0].hasPrefix("  - id: ") }
                guard !ids.isEmpty else { break }
                let index = ids[random.next(below: ids.count)]
                let old = String(lines[index].dropFirst("  - id: ".count))
                let new = "\(old)-\(counter)"
                lines = lines.map { line in
                    line.replacingOccurrences(of: "#\(old))", with: "#\(new))").replacingOccurrences(of: "step: \(old)", with: "step: \(new)")
                }
                lines[index] = "  - id: \(new)"
                broken[file] = try Data(contentsOf: file)
                try save(lines, to: file)
                return ("step id \(old) renamed in \(file.lastPathComponent)", [file.path])
            case 5:  // a new procedure, a copy of another
                let copy = file.deletingLastPathComponent().appendingPathComponent("copy-\(counter).yaml")
                try save(lines, to: copy)
                return ("new procedure \(copy.lastPathComponent)", [copy.path])
            case 6:  // a procedure deleted (what included or referred to it then breaks)
                guard files.count > 3 else { break }
                broken[file] = try Data(contentsOf: file)
                try FileManager.default.removeItem(at: file)
                return ("deleted \(file.lastPathComponent)", [file.path])
            case 7:  // a glossary label
                let glossary = content.appendingPathComponent("glossary.yaml")
                var lines = self.lines(of: glossary)
                let labels = lines.indices.filter { lines[$0].contains("{en: ") }
                guard !labels.isEmpty else { break }
                let index = labels[random.next(below: labels.count)]
                lines[index] = lines[index].replacingOccurrences(of: "{en: ", with: "{en: \(word) ")
                try save(lines, to: glossary)
                return ("glossary label", [glossary.path])
            case 8:  // a template, or the stylesheet
                let name = random.next(below: 2) == 0 ? "md-procedure.mustache" : "wegwijs.css"
                let template = templates.appendingPathComponent(name)
                var lines = self.lines(of: template)
                lines.append(name.hasSuffix(".css") ? "/* \(word) */" : "")
                try save(lines, to: template)
                return ("template \(name)", [template.path])
            case 9:  // site.yaml's title
                let site = content.appendingPathComponent("site.yaml")
                var lines = self.lines(of: site)
                guard let index = lines.firstIndex(where: { $0.hasPrefix("  en: ") }) else { break }
                lines[index] += " \(word)"
                try save(lines, to: site)
                return ("site title", [site.path])
            default:  // a broken file
                broken[file] = try Data(contentsOf: file)
                lines.insert("steps: [unclosed", at: min(3, lines.count))
                try save(lines, to: file)
                return ("broke \(file.lastPathComponent)", [file.path])
            }
            // The edit did not apply to this file: a text edit instead, which always can.
            lines.append("# \(word)")
            try save(lines, to: file)
            return ("comment in \(file.lastPathComponent)", [file.path])
        }
    }

    /// Runs `edits` random edits on a copy of `content`, comparing the live site's output with a full build after each.
    func compareEdits(content source: URL, edits: Int, seed: UInt64) async throws {
        let workspace = try Workspace(content: source)
        defer { workspace.remove() }
        let live = try LiveSite(sources: workspace.sources, output: workspace.live, outputDisplayPath: "live", languages: [], strict: false)
        defer { live.close() }
        let first = await live.update(changed: nil)
        #expect(first.succeeded, "\(first.diagnostics.map(\.headline))")
        let firstFull = try await workspace.fullBuild()
        #expect(firstFull.succeeded)
        try Self.expectSameFiles(workspace, context: "first build")
        var editor = Editor(random: SeededRandom(seed: seed), content: workspace.content, templates: workspace.templates)
        var partial = 0
        for number in 1...edits {
            let (edit, files) = try editor.edit()
            let context = "seed \(seed), edit \(number): \(edit)"
            let build = await live.update(changed: files)
            let full = try await workspace.fullBuild()
            #expect(build.succeeded == full.succeeded, "\(context)")
            #expect(build.diagnostics.map(\.headline) == full.diagnostics, "\(context)")
            if full.succeeded {
                try Self.expectSameFiles(workspace, context: context)
                if build.renderedProcedures < build.procedures { partial += 1 }
            }
        }
        // Most edits of one procedure's text render only a few pages: the test sees the incremental path, not a
        // full build every time.
        #expect(partial > 0)
    }

    static func expectSameFiles(_ workspace: Workspace, context: String) throws {
        let live = FileTree.contents(of: workspace.live)
        let full = FileTree.contents(of: workspace.full)
        #expect(Set(live.keys) == Set(full.keys), "\(context): only live \(Set(live.keys).subtracting(full.keys).sorted()), only full \(Set(full.keys).subtracting(live.keys).sorted())")
        let differing = full.keys.filter { live[$0] != nil && live[$0] != full[$0] }.sorted()
        #expect(differing.isEmpty, "\(context): differing \(differing)")
    }

    @Test func randomEditsOfTheExampleContentGiveAFullBuildsOutput() async throws {
        try await compareEdits(content: Repository.root.appendingPathComponent("content"), edits: 40, seed: 12)
    }

    @Test func randomEditsOfAGeneratedCorpusGiveAFullBuildsOutput() async throws {
        let corpus = FileManager.default.temporaryDirectory.appendingPathComponent("wegwijs-live-corpus-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: corpus) }
        let generator = Repository.root.appendingPathComponent("bench/generate-corpus.py")
        let result = try ProgramRunner.run(["python3", generator.path, "60", corpus.path])
        try #require(result.status == 0, "\(result.output)")
        try await compareEdits(content: corpus.appendingPathComponent("content"), edits: 25, seed: 7)
    }

    @Test func aSecondLiveSiteOnTheSameOutputIsRefused() throws {
        let workspace = try Workspace(content: Repository.root.appendingPathComponent("content"))
        defer { workspace.remove() }
        let live = try LiveSite(sources: workspace.sources, output: workspace.live, outputDisplayPath: "live", languages: [], strict: false)
        defer { live.close() }
        #expect(throws: OutputFolder.Refusal.self) {
            try LiveSite(sources: workspace.sources, output: workspace.live, outputDisplayPath: "live", languages: [], strict: false)
        }
    }

    @Test func anEditOfOneTextRendersOnlyItsProcedureAndWritesOnlyItsFiles() async throws {
        let workspace = try Workspace(content: Repository.root.appendingPathComponent("content"))
        defer { workspace.remove() }
        let live = try LiveSite(sources: workspace.sources, output: workspace.live, outputDisplayPath: "live", languages: [], strict: false)
        defer { live.close() }
        _ = await live.update(changed: nil)
        let file = workspace.content.appendingPathComponent("procedures/dhl-esecure/add-users.yaml")
        var text = try String(contentsOf: file, encoding: .utf8)
        let steps = try #require(text.range(of: "\nsteps:\n"))
        let block = try #require(text.range(of: ": |\n", range: steps.upperBound..<text.endIndex))
        let indent = text[block.upperBound...].prefix { $0 == " " }
        text.insert(contentsOf: "\(indent)Wholly new words.\n", at: block.upperBound)
        try AtomicFile.write(Data(text.utf8), to: file)
        // The temporary file a tool saved through is named too, and gone: it changes nothing.
        let temporary = file.deletingLastPathComponent().appendingPathComponent("add-users.yaml.tmp")
        let build = await live.update(changed: [file.path, temporary.path])
        #expect(build.succeeded)
        #expect(build.renderedProcedures == 1, "\(build.renderedProcedures) of \(build.procedures)")
        #expect(build.changedPaths.contains("html/en/add-users.html"))
        #expect(build.changedPaths.allSatisfy { !$0.contains("approve-users") }, "\(build.changedPaths)")
        let nothing = await live.update(changed: [file.path])
        #expect(nothing.succeeded && nothing.changedPaths.isEmpty, "\(nothing.changedPaths)")
    }
}

/// A small deterministic generator (SplitMix64), so a failing seed reproduces.
struct SeededRandom {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func next(below bound: Int) -> Int { Int(next() % UInt64(bound)) }
}
