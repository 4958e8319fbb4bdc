import WegwijsMarkdown

/// The one place that knows what `ref:`, `term:`, `input:` and `callout:` links mean.
///
/// Renderers ask it what a link stands for in a language and turn the answer into their own markup;
/// the validator asks it the same question and reports the problems. Other links are left alone.
public struct LinkResolver: Sendable {
    /// What a meaningful link stands for, in one language.
    public enum Target: Sendable {
        /// Another procedure, with its title in plain text.
        case procedure(id: String, title: String)
        /// A step of a procedure: its 1-based number among the procedure's steps, and its title.
        case step(procedureID: String, stepID: String, number: Int, title: String)
        /// A UI label, and the language it is shown in (another than asked when untranslated).
        case term(key: String, label: String, language: String)
        /// An input of the current procedure, with its label.
        case input(id: String, label: String, language: String)
        /// A marker on the current step's figure, with its legend.
        case callout(number: Int, legend: String, stepID: String)
    }

    /// Why a link cannot be resolved.
    public struct Problem: Error, Sendable {
        public var id: String
        public var summary: String
        public var notes: [String] = []
    }

    /// Where a text is, which decides what its links may name.
    public struct Scope: Sendable {
        /// The procedure the text belongs to (nil for the site title, groups and glossary).
        public var procedure: Procedure?
        /// The step the text belongs to (for callouts).
        public var step: Step?

        public init(procedure: Procedure? = nil, step: Step? = nil) {
            self.procedure = procedure
            self.step = step
        }
    }

    /// The schemes with meaning.
    public static let schemes = ["ref", "term", "input", "callout"]

    /// The site and its plain texts, held once: resolvers are copied into every render's closures, and a copy
    /// of each field of both was dozens of retains per text.
    final class Storage: Sendable {
        let site: Site
        let plainTexts: PlainTexts

        init(site: Site, plainTexts: PlainTexts) {
            self.site = site
            self.plainTexts = plainTexts
        }
    }

    let storage: Storage
    var site: Site { storage.site }
    var plainTexts: PlainTexts { storage.plainTexts }

    /// A resolver over `site`.
    public init(site: Site, plainTexts: PlainTexts) {
        storage = Storage(site: site, plainTexts: plainTexts)
    }

    /// What `destination` stands for in `language`: nil for an ordinary link, a problem for a broken one.
    ///
    /// The titles, labels and legends a link shows are parsed in `trees` (one job's store, see ``TextTrees``)
    /// unless they are the site's own texts; with none, each on its own.
    public func resolve(_ destination: String, in scope: Scope, language: String, trees: TextTrees? = nil) -> Result<Target, Problem>? {
        guard let colon = destination.firstIndex(of: ":") else { return nil }
        let scheme = String(destination[..<colon]).lowercased()
        let argument = String(destination[destination.index(after: colon)...])
        switch scheme {
        case "ref": return resolveReference(argument, language: language, trees: trees)
        case "term": return resolveTerm(argument, language: language)
        case "input": return resolveInput(argument, scope: scope, language: language, trees: trees)
        case "callout": return resolveCallout(argument, scope: scope, language: language, trees: trees)
        default: return nil
        }
    }

    // MARK: - The four kinds

    func resolveReference(_ argument: String, language: String, trees: TextTrees? = nil) -> Result<Target, Problem> {
        let parts = argument.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        let procedureID = parts[0]
        guard let procedure = site.procedure(procedureID) else {
            let suggestion = Suggestion.didYouMean(procedureID, among: site.procedures.map(\.id))
            return .failure(Problem(id: "unknown-reference", summary: "reference to unknown procedure '\(procedureID)'\(suggestion)"))
        }
        guard parts.count == 2 else {
            return .success(.procedure(id: procedure.id, title: plainTexts.title(of: procedure, in: language)))
        }
        let stepID = parts[1]
        guard let (number, step) = procedure.step(stepID), step.hasExplicitID else {
            if procedure.step(stepID) != nil {
                return .failure(Problem(
                    id: "unknown-step",
                    summary: "step '\(stepID)' of '\(procedure.id)' has no id of its own and cannot be referred to",
                    notes: ["Give the step an 'id:' and refer to that."]))
            }
            let suggestion = Suggestion.didYouMean(stepID, among: procedure.referableStepIDs)
            return .failure(Problem(id: "unknown-step", summary: "procedure '\(procedure.id)' has no step '\(stepID)'\(suggestion)"))
        }
        let title = plainTexts.plain(step.title, in: language, procedure: procedure, trees: trees)
        return .success(.step(procedureID: procedure.id, stepID: step.id, number: number, title: title))
    }

    func resolveTerm(_ key: String, language: String) -> Result<Target, Problem> {
        guard let term = site.glossary.term(key) else {
            let suggestion = Suggestion.didYouMean(key, among: site.glossary.terms.map(\.key))
            return .failure(Problem(id: "unknown-term", summary: "unknown glossary term '\(key)'\(suggestion)"))
        }
        let (label, shownIn) = plainTexts.label(of: term, in: language)
        return .success(.term(key: key, label: label, language: shownIn))
    }

    func resolveInput(_ id: String, scope: Scope, language: String, trees: TextTrees? = nil) -> Result<Target, Problem> {
        guard let procedure = scope.procedure else {
            return .failure(Problem(id: "unknown-input", summary: "input '\(id)' can only be used inside a procedure"))
        }
        guard let input = procedure.input(id) else {
            let suggestion = Suggestion.didYouMean(id, among: procedure.inputs.map(\.id))
            return .failure(Problem(
                id: "unknown-input", summary: "procedure '\(procedure.id)' has no input '\(id)'\(suggestion)",
                notes: procedure.inputs.isEmpty ? ["Declare it under 'inputs:' in the procedure."] : []))
        }
        let (label, shownIn) = plainTexts.plainWithLanguage(input.label, in: language, procedure: procedure, trees: trees)
        return .success(.input(id: id, label: label, language: shownIn))
    }

    func resolveCallout(_ argument: String, scope: Scope, language: String, trees: TextTrees? = nil) -> Result<Target, Problem> {
        guard let number = Int(argument), number >= 1, String(number) == argument else {
            return .failure(Problem(id: "unknown-callout", summary: "callout '\(argument)' is not a marker number such as 'callout:1'"))
        }
        guard let step = scope.step else {
            return .failure(Problem(id: "unknown-callout", summary: "callout \(number) is outside a step: callouts refer to a step's figure"))
        }
        guard let figure = step.figure else {
            return .failure(Problem(id: "unknown-callout", summary: "callout \(number) refers to a figure, but this step has none"))
        }
        guard number <= figure.callouts.count else {
            let count = figure.callouts.count
            return .failure(Problem(
                id: "unknown-callout",
                summary: "callout \(number) does not exist: the figure of this step has \(count) callout\(count == 1 ? "" : "s")"))
        }
        let legend = plainTexts.plain(figure.callouts[number - 1], in: language, procedure: scope.procedure, trees: trees)
        return .success(.callout(number: number, legend: legend, stepID: step.id))
    }
}

extension LinkResolver {
    /// `source` (one version of a text) as plain text from the tree the build holds, each empty link's words
    /// filled in as the page shows them (a procedure's title, "step N: title", a UI label, an input's label):
    /// what the search index and the page's meta description read.
    func plainText(of source: String, in scope: Scope, language: String, markup: LinkMarkup, trees: TextTrees?) -> String {
        plainTexts.trees.withTree(of: source, orParsedIn: trees) { document in
            document.render(.plainText) { link in
                guard case .success(let target)? = resolve(link.destination, in: scope, language: language, trees: trees) else {
                    return nil
                }
                return [link.text.isEmpty ? .text(markup.text(for: target)) : .originalContent]
            }
        }
    }
}
