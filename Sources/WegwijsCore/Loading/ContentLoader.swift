import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Loads a content folder into a ``Site``, reporting every problem found on the way.
///
/// The loader checks what a single file can tell (syntax, keys, types, ids, required fields) and what the
/// folder layout can tell (undeclared groups, duplicate procedure ids, figure files). Checks across the
/// model (references, includes, translations) are the ``Validator``'s.
public struct ContentLoader: Sendable {
    /// The content folder.
    public let contentDirectory: URL
    /// The folder as the user named it, the prefix of every path in diagnostics.
    public let displayPrefix: String

    /// A loader for `contentDirectory`, shown in diagnostics as `displayPath` (default: the path as given).
    public init(contentDirectory: URL, displayPath: String? = nil) {
        self.contentDirectory = contentDirectory.standardizedFileURL
        displayPrefix = Self.normalizedDisplayPath(displayPath ?? contentDirectory.relativePath)
    }

    /// A folder path as the user typed it, without trailing slashes or a leading `./`, for diagnostics.
    public static func normalizedDisplayPath(_ path: String) -> String {
        var result = path
        while result.count > 1, result.hasSuffix("/") { result.removeLast() }
        if result.hasPrefix("./"), result.count > 2 { result.removeFirst(2) }
        return result
    }

    /// The path of a file inside the content folder as shown to the user.
    public func displayPath(_ relative: String) -> String {
        displayPrefix == "." ? relative : "\(displayPrefix)/\(relative)"
    }

    /// Loads the site; `site` is nil only when site.yaml is missing or unusable.
    public func load() -> (site: Site?, diagnostics: Diagnostics) {
        var cache: Cache? = nil
        return load(cache: &cache)
    }

    /// Loads the site, reading again only the procedure files `cache` has no reading of (or an old one), and
    /// keeps the cache.
    public func load(reusing cache: inout Cache) -> (site: Site?, diagnostics: Diagnostics) {
        var kept: Cache? = cache
        cache = Cache()  // the one reference while it changes, so its entries are not copied
        defer { if let kept { cache = kept } }
        return load(cache: &kept)
    }

    func load(cache: inout Cache?) -> (site: Site?, diagnostics: Diagnostics) {
        var diagnostics = Diagnostics()
        let siteFile = displayPath("site.yaml")
        let siteURL = contentDirectory.appendingPathComponent("site.yaml")
        guard FileManager.default.fileExists(atPath: siteURL.path) else {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: contentDirectory.path, isDirectory: &isDirectory)
            let summary =
                exists && isDirectory.boolValue
                ? "no site.yaml in the content folder '\(displayPrefix)'"
                : "the content folder '\(displayPrefix)' does not exist"
            diagnostics.error("missing-site", at: .start(of: siteFile), summary, notes: ["Use --content DIR to name the folder that holds site.yaml."])
            return (nil, diagnostics)
        }
        let yaml = YAMLFile(url: siteURL, displayPath: siteFile, diagnostics: &diagnostics)
        guard let root = yaml.root else {
            if !diagnostics.hasErrors { diagnostics.error("empty-file", at: .start(of: siteFile), "site.yaml is empty") }
            return (nil, diagnostics)
        }
        var reader = NodeReader(file: siteFile, languages: [])
        guard let header = SiteHeader(root, reader: &reader) else {
            diagnostics.append(contentsOf: reader.diagnostics)
            return (nil, diagnostics)
        }
        diagnostics.append(contentsOf: reader.diagnostics)

        let glossary = loadGlossary(languages: header.languages, diagnostics: &diagnostics)
        let procedures = loadProcedures(header: header, cache: &cache, diagnostics: &diagnostics)
        let site = Site(
            title: header.title, languages: header.languages, languageLocations: header.languageLocations,
            groups: header.groups, glossary: glossary, procedures: procedures, file: siteFile, register: header.register,
            description: header.description, baseURL: header.baseURL, editURL: header.editURL, reportURL: header.reportURL)
        return (site, diagnostics)
    }

    // MARK: - Glossary

    func loadGlossary(languages: [String], diagnostics: inout Diagnostics) -> Glossary {
        let file = displayPath("glossary.yaml")
        let url = contentDirectory.appendingPathComponent("glossary.yaml")
        guard FileManager.default.fileExists(atPath: url.path) else { return Glossary(terms: [], file: nil) }
        let yaml = YAMLFile(url: url, displayPath: file, diagnostics: &diagnostics)
        guard let root = yaml.root else { return Glossary(terms: [], file: file) }
        return Self.glossary(root, file: file, languages: languages, diagnostics: &diagnostics)
    }

    /// The glossary in glossary.yaml's composed root.
    static func glossary(_ root: YAMLNode, file: String, languages: [String], diagnostics: inout Diagnostics) -> Glossary {
        var reader = NodeReader(file: file, languages: languages)
        defer { diagnostics.append(contentsOf: reader.diagnostics) }
        guard case .mapping(let mapping) = root.content else {
            reader.error("wrong-type", at: root, "glossary.yaml must map term keys to labels, not \(reader.describe(root))")
            return Glossary(terms: [], file: file)
        }
        var terms: [Glossary.Term] = []
        for (key, value) in mapping {
            guard let id = reader.id(key, what: "glossary key") else { continue }
            guard let label = reader.text(value, what: "the label of '\(id)'") else { continue }
            terms.append(Glossary.Term(key: id, label: label, location: reader.location(of: key)))
        }
        return Glossary(terms: terms, file: file)
    }

    // MARK: - Procedures

    func loadProcedures(header: SiteHeader, cache: inout Cache?, diagnostics: inout Diagnostics) -> [Procedure] {
        let proceduresURL = contentDirectory.appendingPathComponent("procedures")
        let fileManager = FileManager.default
        guard let groupFolders = try? fileManager.contentsOfDirectory(atPath: proceduresURL.path) else {
            diagnostics.warning(
                "no-procedures", at: .start(of: displayPath("site.yaml")), "the content folder has no procedures/ folder")
            return []
        }
        let groupIDs = header.groups.map(\.id)
        var procedures: [Procedure] = []
        var firstFileByID: [String: String] = [:]
        var pending: [PendingFile] = []
        for folder in groupFolders.sorted() where !folder.hasPrefix(".") {
            let folderURL = proceduresURL.appendingPathComponent(folder)
            guard isDirectory(folderURL) else {
                diagnostics.error(
                    "misplaced-file", at: .start(of: displayPath("procedures/\(folder)")),
                    "procedure files belong in a group folder: procedures/<group>/<id>.yaml")
                continue
            }
            let files = (try? fileManager.contentsOfDirectory(atPath: folderURL.path)) ?? []
            for name in files.sorted() where !name.hasPrefix(".") {
                let relative = "procedures/\(folder)/\(name)"
                let file = displayPath(relative)
                guard name.hasSuffix(".yaml") else {
                    let hint = name.hasSuffix(".yml") ? " (rename it to end in '.yaml')" : ""
                    diagnostics.warning("ignored-file", at: .start(of: file), "ignored: not a '.yaml' file\(hint)")
                    continue
                }
                let url = folderURL.appendingPathComponent(name)
                if isDirectory(url) {
                    diagnostics.error("not-a-file", at: .start(of: file), "'\(name)' is a folder, not a procedure file")
                    continue
                }
                guard groupIDs.contains(folder) else {
                    diagnostics.error(
                        "undeclared-group", at: .start(of: file),
                        "procedure in group folder '\(folder)', which site.yaml does not declare"
                            + Suggestion.didYouMean(folder, among: groupIDs),
                        notes: ["Declare the group under 'groups:' in site.yaml, or move the file."])
                    continue
                }
                let id = String(name.dropLast(".yaml".count))
                guard Identifier.isValid(id) else {
                    let suggestion = Identifier.suggestion(for: id).map { " (did you mean '\($0).yaml'?)" } ?? ""
                    diagnostics.error(
                        "invalid-id", at: .start(of: file), "file name '\(name)' is not a valid procedure id\(suggestion)",
                        notes: ["Ids are lowercase letters and digits, in words joined by single hyphens."])
                    continue
                }
                if let first = firstFileByID[id] {
                    diagnostics.error(
                        "duplicate-procedure", at: .start(of: file), "procedure id '\(id)' is already used by \(first)",
                        notes: ["Procedure ids are unique in the whole site; rename one of the files."])
                    continue
                }
                firstFileByID[id] = file
                pending.append(PendingFile(url: url, displayPath: file, id: id, group: folder))
            }
        }
        // Files are independent: read and parse them on every core, then keep them in a fixed order.
        let files = pending
        let loader = self
        let languages = header.languages
        let results: [(Procedure?, Diagnostics)]
        if var kept = cache {
            cache = nil  // the one reference while it changes, so its entries are not copied
            results = loadProcedures(files, languages: languages, cache: &kept)
            cache = kept
        } else {
            results = ParallelMap.map(files.count) { index in loader.loadProcedure(files[index], languages: languages) }
        }
        for (procedure, fileDiagnostics) in results {
            diagnostics.append(contentsOf: fileDiagnostics)
            if let procedure { procedures.append(procedure) }
        }
        return procedures
    }

    /// A procedure file found in a group folder, to be parsed.
    struct PendingFile: Sendable {
        var url: URL
        var displayPath: String
        var id: String
        var group: String
    }

    func loadProcedure(_ file: PendingFile, languages: [String]) -> (Procedure?, Diagnostics) {
        var diagnostics = Diagnostics()
        let yaml = YAMLFile(url: file.url, displayPath: file.displayPath, diagnostics: &diagnostics)
        guard let root = yaml.root else {
            if !diagnostics.hasErrors {
                diagnostics.error("empty-file", at: .start(of: file.displayPath), "the procedure file is empty")
            }
            return (nil, diagnostics)
        }
        var reader = NodeReader(file: file.displayPath, languages: languages)
        let procedure = ProcedureReader.read(root, id: file.id, group: file.group, reader: &reader)?.sharingTextStorage()
        if let procedure { checkFigures(of: procedure, reader: &reader) }
        diagnostics.append(contentsOf: reader.diagnostics)
        return (procedure, diagnostics)
    }

    // MARK: - Figures

    /// Reports figure paths that are absolute, leave the content folder (also through links) or name no file.
    func checkFigures(of procedure: Procedure, reader: inout NodeReader) {
        for case .step(let step) in procedure.steps {
            guard let figure = step.figure else { continue }
            for path in figure.allPaths {
                if let problem = FigurePath.problem(with: path.value, in: contentDirectory) {
                    reader.diagnostics.error(problem.id, at: path.location, problem.summary, notes: problem.notes)
                }
            }
        }
    }

    /// Whether `url` is a folder (following links): one `stat`, which a site of thousands of files asks on every load.
    func isDirectory(_ url: URL) -> Bool {
        var status = stat()
        return stat(url.path, &status) == 0 && status.st_mode & S_IFMT == S_IFDIR
    }
}
